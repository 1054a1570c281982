#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void serve_file(int client) {
    char name[256];
    char path[512];
    ssize_t got = recv(client, name, sizeof name - 1, 0);
    if (got <= 0) {
        return;
    }
    name[got] = '\0';
    snprintf(path, sizeof path, "/srv/files/%s", name);
    /* ruleid: c-path-traversal-taint */
    int fd = open(path, O_RDONLY);
    /* ok: c-path-traversal-taint */
    int index = open("/srv/files/index.html", O_RDONLY);
    close(fd);
    close(index);
}

int main(int argc, char *argv[]) {
    const char *query = getenv("QUERY_STRING");
    char path[512];
    snprintf(path, sizeof path, "/var/www/data/%s", query);
    /* ruleid: c-path-traversal-taint */
    FILE *data = fopen(path, "r");
    char safe[512];
    snprintf(safe, sizeof safe, "/var/www/data/%s", basename((char *)query));
    /* ok: c-path-traversal-taint */
    FILE *checked = fopen(safe, "r");
    /* ok: c-path-traversal-taint */
    FILE *config = fopen(argv[1], "r");
    fclose(data);
    fclose(checked);
    fclose(config);
    return 0;
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int main(int argc, char *argv[]) {
    char name[32];
    if (argc < 2) {
        return 1;
    }
    /* ruleid: c-buffer-overflow-taint */
    strcpy(name, argv[1]);
    /* ok: c-buffer-overflow-taint */
    strncpy(name, argv[1], sizeof name - 1);
    name[sizeof name - 1] = '\0';
    /* ok: c-buffer-overflow-taint */
    strcpy(name, "guest");
    char greeting[64];
    /* ruleid: c-buffer-overflow-taint */
    sprintf(greeting, "Hello, %s!", argv[1]);
    /* ok: c-buffer-overflow-taint */
    snprintf(greeting, sizeof greeting, "Hello, %s!", argv[1]);
    char path[128] = "/home/";
    char *user = getenv("USER");
    /* ruleid: c-buffer-overflow-taint */
    strcat(path, user);
    /* ok: c-buffer-overflow-taint */
    strncat(path, user, sizeof path - strlen(path) - 1);
    return 0;
}

void read_packet(int sock) {
    unsigned char header[4];
    unsigned char body[256];
    unsigned char copy[256];
    recv(sock, header, sizeof header, 0);
    size_t length = header[0];
    recv(sock, body, sizeof body, 0);
    /* ruleid: c-buffer-overflow-taint */
    memcpy(copy, body, length);
    /* ok: c-buffer-overflow-taint */
    memcpy(copy, body, sizeof copy);
}

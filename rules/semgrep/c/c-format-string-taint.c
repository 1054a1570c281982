#include <stdio.h>
#include <stdlib.h>
#include <syslog.h>

void log_user(const char *fixed) {
    char name[64];
    if (fgets(name, sizeof name, stdin) == NULL) {
        return;
    }
    /* ruleid: c-format-string-taint */
    printf(name);
    /* ok: c-format-string-taint */
    printf("%s", name);
    /* ruleid: c-format-string-taint */
    syslog(LOG_INFO, name);
    /* ok: c-format-string-taint */
    syslog(LOG_INFO, "login: %s", name);
    /* ok: c-format-string-taint */
    printf(fixed);
}

int main(int argc, char **argv) {
    char *home = getenv("HOME");
    /* ruleid: c-format-string-taint */
    fprintf(stderr, home);
    /* ok: c-format-string-taint */
    fprintf(stderr, "home is %s\n", home);
    char banner[128];
    /* ruleid: c-format-string-taint */
    snprintf(banner, sizeof banner, argv[1]);
    /* ok: c-format-string-taint */
    snprintf(banner, sizeof banner, "%s", argv[1]);
    return 0;
}

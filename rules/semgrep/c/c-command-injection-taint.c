#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int run_backup(const char *target) {
    char command[512];
    char *dir = getenv("BACKUP_DIR");
    snprintf(command, sizeof command, "tar czf %s/backup.tgz %s", dir, target);
    /* ruleid: c-command-injection-taint */
    return system(command);
}

int run_fixed(void) {
    /* ok: c-command-injection-taint */
    return system("tar czf /var/backups/backup.tgz /srv/data");
}

void grep_log(void) {
    char pattern[128];
    char command[256];
    if (fgets(pattern, sizeof pattern, stdin) != NULL) {
        sprintf(command, "grep '%s' /var/log/app.log", pattern);
        /* ruleid: c-command-injection-taint */
        FILE *out = popen(command, "r");
        /* ok: c-command-injection-taint */
        FILE *count = popen("wc -l /var/log/app.log", "r");
        pclose(out);
        pclose(count);
    }
}

int main(int argc, char *argv[]) {
    if (argc < 2) {
        return 1;
    }
    /* ruleid: c-command-injection-taint */
    execl("/bin/sh", "sh", "-c", argv[1], (char *)NULL);
    /* ok: c-command-injection-taint */
    execl("/usr/bin/ping", "ping", "-c", "1", argv[1], (char *)NULL);
    int level = atoi(argv[2]);
    char command[64];
    snprintf(command, sizeof command, "renice %d -p 1", level);
    /* ok: c-command-injection-taint */
    return system(command);
}

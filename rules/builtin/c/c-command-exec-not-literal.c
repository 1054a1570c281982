#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void archive(const char *dir, char *const args[]) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "tar czf backup.tgz %s", dir);
    // ruleid: c-command-exec-not-literal
    system(cmd);
    // ruleid: c-command-exec-not-literal
    FILE *p = popen(cmd, "r");
    // ruleid: c-command-exec-not-literal
    execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
    // ok: c-command-exec-not-literal
    system("tar czf backup.tgz /srv/data");
    // ok: c-command-exec-not-literal
    FILE *q = popen("date -u", "r");
    // ok: c-command-exec-not-literal
    execv("/bin/tar", args);
    // ok: c-command-exec-not-literal
    if (system(NULL) == 0) return;
    (void)p; (void)q;
}

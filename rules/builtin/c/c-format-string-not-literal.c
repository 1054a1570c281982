#include <stdio.h>
#include <syslog.h>
#define USAGE "usage: tool FILE\n"

void report(const char *msg, char **argv, char *buf, size_t n) {
    // ruleid: c-format-string-not-literal
    printf(msg);
    // ruleid: c-format-string-not-literal
    printf(argv[1]);
    // ruleid: c-format-string-not-literal
    fprintf(stderr, msg);
    // ruleid: c-format-string-not-literal
    syslog(LOG_INFO, buf);
    // ruleid: c-format-string-not-literal
    snprintf(buf, n, msg, 1);
    // ok: c-format-string-not-literal
    printf("%s", msg);
    // ok: c-format-string-not-literal
    fprintf(stderr, "%s\n", msg);
    // ok: c-format-string-not-literal
    syslog(LOG_INFO, "%s", buf);
    // ok: c-format-string-not-literal
    snprintf(buf, n, "%s", msg);
    // ok: c-format-string-not-literal
    printf(USAGE);
    // ok: c-format-string-not-literal
    fputs(msg, stdout);
}

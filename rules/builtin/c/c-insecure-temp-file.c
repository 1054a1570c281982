#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>

void scratch(void) {
    char name[L_tmpnam];
    char tmpl[] = "/tmp/app-XXXXXX";
    // ruleid: c-insecure-temp-file
    tmpnam(name);
    // ruleid: c-insecure-temp-file
    mktemp(tmpl);
    // ruleid: c-insecure-temp-file
    FILE *f = fopen("/tmp/app.cache", "w");
    // ok: c-insecure-temp-file
    int fd = mkstemp(tmpl);
    // ok: c-insecure-temp-file
    FILE *t = tmpfile();
    // ok: c-insecure-temp-file
    char *dir = mkdtemp(tmpl);
    // ok: c-insecure-temp-file
    int g = open("/tmp/app.lock", O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
    (void)f; (void)fd; (void)t; (void)dir; (void)g;
}

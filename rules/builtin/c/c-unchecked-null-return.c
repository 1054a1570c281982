#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *copy_home(const char *name, size_t n) {
    // ruleid: c-unchecked-null-return
    size_t len = strlen(getenv("HOME"));
    // ruleid: c-unchecked-null-return
    int port = atoi(getenv("PORT"));
    // ruleid: c-unchecked-null-return
    fprintf(fopen("/var/log/app.log", "a"), "%s\n", name);
    // ruleid: c-unchecked-null-return
    char *buf = malloc(n); memcpy(buf, name, n);
    // ok: c-unchecked-null-return
    const char *home = getenv("HOME");
    // ok: c-unchecked-null-return
    size_t safe_len = home ? strlen(home) : 0;
    // ok: c-unchecked-null-return
    const char *p = getenv("PORT"); int checked = atoi(p ? p : "8080");
    // ok: c-unchecked-null-return
    char *copy = malloc(n); if (copy == NULL) return NULL;
    // ok: c-unchecked-null-return
    memcpy(copy, name, n);
    (void)len; (void)port; (void)buf; (void)safe_len; (void)checked;
    return copy;
}

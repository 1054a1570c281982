#include <string.h>
#include <stdio.h>

void path_of(char *out, size_t n, const char *dir, const char *name) {
    char buf[128] = "";
    // ruleid: c-strcat-unbounded
    strcat(buf, dir);
    // ruleid: c-strcat-unbounded
    strcat(buf, "/");
    // ruleid: c-strcat-unbounded
    wcscat(wbuf, wname);
    // ok: c-strcat-unbounded
    snprintf(out, n, "%s/%s", dir, name);
    // ok: c-strcat-unbounded
    strlcat(buf, name, sizeof buf);
    // ok: c-strcat-unbounded
    strncat(buf, name, sizeof buf - strlen(buf) - 1);
}

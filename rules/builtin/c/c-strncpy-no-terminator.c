#include <string.h>
#include <stdio.h>

void set_name(char *dst_heap, const char *src) {
    char name[32];
    // ruleid: c-strncpy-no-terminator
    strncpy(name, src, sizeof(name));
    // ruleid: c-strncpy-no-terminator
    strncpy(dst_heap, src, strlen(src));
    // ok: c-strncpy-no-terminator
    strncpy(name, src, sizeof(name)); name[sizeof(name) - 1] = '\0';
    // ok: c-strncpy-no-terminator
    strlcpy(name, src, sizeof(name));
    // ok: c-strncpy-no-terminator
    strncpy(name, "unknown", sizeof name);
    // ok: c-strncpy-no-terminator
    snprintf(name, sizeof name, "%s", src);
    puts(name);
}

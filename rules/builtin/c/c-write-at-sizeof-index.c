#include <string.h>

void terminate(char *src) {
    char name[16];
    strncpy(name, src, sizeof name);
    // ruleid: c-write-at-sizeof-index
    name[sizeof(name)] = '\0';
    // ruleid: c-write-at-sizeof-index
    name[sizeof name] = 0;
    // ok: c-write-at-sizeof-index
    name[sizeof(name) - 1] = '\0';
    // ok: c-write-at-sizeof-index
    if (name[sizeof name - 1] == 0) return;
    // ok: c-write-at-sizeof-index
    char copy[sizeof(name)] = {0};
    (void)copy;
}

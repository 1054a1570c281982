#include <stdio.h>

void read_name(void) {
    char name[32];
    // ruleid: c-gets
    gets(name);
    // ok: c-gets
    fgets(name, sizeof name, stdin);
    // ok: c-gets
    gets_s(name, sizeof name);
    // ok: c-gets
    /* never call gets() here */
    // ruleid: c-gets
    if (gets(name) == NULL) return;
    // ok: c-gets
    size_t n = 0; char *line = NULL; getline(&line, &n, stdin);
}

#include <stdio.h>

int parse(FILE *in, const char *line) {
    char name[64], city[32];
    int age = 0;
    // ruleid: c-scanf-unbounded-string
    scanf("%s", name);
    // ruleid: c-scanf-unbounded-string
    fscanf(in, "%d %s", &age, city);
    // ruleid: c-scanf-unbounded-string
    sscanf(line, "%[^,],%d", name, &age);
    // ok: c-scanf-unbounded-string
    scanf("%63s", name);
    // ok: c-scanf-unbounded-string
    fscanf(in, "%d %31s", &age, city);
    // ok: c-scanf-unbounded-string
    sscanf(line, "%63[^,],%d", name, &age);
    // ok: c-scanf-unbounded-string
    scanf("%d", &age);
    return age;
}

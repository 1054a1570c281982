#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 1024

struct item {
    int id;
    char label[32];
};

int main(int argc, char *argv[]) {
    if (argc < 3) {
        return 1;
    }
    size_t count = strtoul(argv[1], NULL, 10);
    /* ruleid: c-alloc-size-taint */
    struct item *items = malloc(count * sizeof(struct item));
    /* ok: c-alloc-size-taint */
    struct item *fixed = malloc(MAX_ITEMS * sizeof(struct item));
    size_t bounded = strtoul(argv[2], NULL, 10);
    if (bounded > MAX_ITEMS) {
        return 1;
    }
    /* ok: c-alloc-size-taint */
    struct item *checked = calloc(bounded, sizeof(struct item));
    free(items);
    free(fixed);
    free(checked);
    return 0;
}

char *read_blob(void) {
    int length = 0;
    if (scanf("%d", &length) != 1) {
        return NULL;
    }
    /* ruleid: c-alloc-size-taint */
    char *blob = malloc(length + 1);
    /* ok: c-alloc-size-taint */
    char *small = malloc(64);
    free(small);
    return blob;
}

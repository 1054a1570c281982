#include <stdlib.h>
#include <stdint.h>
#define MAX_ITEMS 128

struct item { int id; char name[32]; };

struct item *load(size_t count, size_t width, size_t height, struct item *old) {
    // ruleid: c-alloc-size-multiplication
    struct item *items = malloc(count * sizeof(struct item));
    // ruleid: c-alloc-size-multiplication
    uint8_t *pixels = (uint8_t *)malloc(width * height * 4);
    // ruleid: c-alloc-size-multiplication
    old = realloc(old, sizeof(*old) * count);
    // ok: c-alloc-size-multiplication
    struct item *zeroed = calloc(count, sizeof(struct item));
    // ok: c-alloc-size-multiplication
    struct item *grown = reallocarray(old, count, sizeof *old);
    // ok: c-alloc-size-multiplication
    struct item *one = malloc(sizeof(*one));
    // ok: c-alloc-size-multiplication
    struct item *table = malloc(MAX_ITEMS * sizeof(struct item));
    size_t total;
    if (__builtin_mul_overflow(width, height, &total)) return NULL;
    // ok: c-alloc-size-multiplication
    uint8_t *checked = malloc(total);
    (void)items; (void)pixels; (void)zeroed; (void)grown; (void)one; (void)table; (void)checked;
    return old;
}

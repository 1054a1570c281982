#include <alloca.h>
#include <string.h>
#define BUF_SIZE 256

void handle(const char *msg, size_t len) {
    // ruleid: c-stack-alloc-variable-size
    char *copy = alloca(len + 1);
    // ruleid: c-stack-alloc-variable-size
    char line[len];
    // ok: c-stack-alloc-variable-size
    char fixed[BUF_SIZE];
    // ok: c-stack-alloc-variable-size
    char small[64];
    // ok: c-stack-alloc-variable-size
    uint32_t state[_SHA256_WORDS];
    // ok: c-stack-alloc-variable-size
    char *tmp = alloca(sizeof(struct { int a; }));
    // ok: c-stack-alloc-variable-size
    fixed[len % BUF_SIZE] = 0;
    (void)copy; (void)line; (void)small; (void)tmp; (void)msg;
}

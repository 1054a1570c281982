#include <stddef.h>
#define COUNT 8

int sum(const int *vals, size_t len, char *buf) {
    int total = 0;
    int table[COUNT];
    // ruleid: c-off-by-one-loop-bound
    for (size_t i = 0; i <= len; i++) total += vals[i];
    // ruleid: c-off-by-one-loop-bound
    for (int i = 0; i <= COUNT; i++) table[i] = 0;
    // ruleid: c-off-by-one-loop-bound
    for (int i = 0; i <= sizeof(table) / sizeof(table[0]); i++) table[i] = 1;
    // ok: c-off-by-one-loop-bound
    for (size_t i = 0; i < len; i++) total += vals[i];
    // ok: c-off-by-one-loop-bound
    for (int i = 0; i < COUNT; i++) table[i] = 0;
    // ok: c-off-by-one-loop-bound
    for (size_t i = 0; i <= strlen(buf); i++) buf[i] = buf[i];
    // ok: c-off-by-one-loop-bound
    for (int i = 1; i <= COUNT; i++) total += i;
    return total + table[0];
}

#include <string.h>
#include <stdlib.h>

void copy_packet(const char *input, const unsigned char *pkt, size_t len, size_t count) {
    char name[32];
    unsigned char body[512];
    int vals[16];
    // ruleid: c-memcpy-computed-length
    memcpy(name, input, strlen(input));
    // ruleid: c-memcpy-computed-length
    memcpy(body, pkt + 4, len - 4);
    // ruleid: c-memcpy-computed-length
    memmove(vals, pkt, len - count);
    // ok: c-memcpy-computed-length
    memcpy(name, input, sizeof name);
    // ok: c-memcpy-computed-length
    char *dup = malloc(strlen(input) + 1); if (dup) memcpy(dup, input, strlen(input) + 1);
    // ok: c-memcpy-computed-length
    if (len > 4 && len - 4 <= sizeof body) memcpy(body, pkt + 4, sizeof body);
    // ok: c-memcpy-computed-length
    memcpy(vals, pkt, 16 * sizeof(int));
    // ok: c-memcpy-computed-length
    memcpy(vals, pkt, count * sizeof(int));
    free(dup);
}

#include <stdlib.h>
#include <sys/random.h>

void make_token(char *token, unsigned char *key, size_t n, const char *alphabet) {
    // ruleid: c-rand-for-security
    for (size_t i = 0; i < n; i++) token[i] = alphabet[rand() % 62];
    // ruleid: c-rand-for-security
    unsigned int session_id = random();
    // ruleid: c-rand-for-security
    key[0] = (unsigned char)rand();
    // ok: c-rand-for-security
    getrandom(key, n, 0);
    // ok: c-rand-for-security
    arc4random_buf(token, n);
    // ok: c-rand-for-security
    int dice = rand() % 6 + 1;
    // ok: c-rand-for-security
    size_t key_len = n;
    (void)session_id; (void)dice; (void)key_len;
}

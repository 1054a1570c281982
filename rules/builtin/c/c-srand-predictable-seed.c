#include <stdlib.h>
#include <time.h>
#include <unistd.h>

void seed(unsigned int fixed) {
    // ruleid: c-srand-predictable-seed
    srand(time(NULL));
    // ruleid: c-srand-predictable-seed
    srand((unsigned)getpid());
    // ok: c-srand-predictable-seed
    srand(fixed);
    // ok: c-srand-predictable-seed
    unsigned int s; getrandom(&s, sizeof s, 0);
    // ok: c-srand-predictable-seed
    time_t now = time(NULL);
    (void)now;
}

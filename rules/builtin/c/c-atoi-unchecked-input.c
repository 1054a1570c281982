#include <stdlib.h>
#include <errno.h>

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    // ruleid: c-atoi-unchecked-input
    int count = atoi(argv[1]);
    // ruleid: c-atoi-unchecked-input
    long limit = atol(getenv("LIMIT"));
    char *end;
    errno = 0;
    // ok: c-atoi-unchecked-input
    long n = strtol(argv[1], &end, 10);
    // ok: c-atoi-unchecked-input
    if (errno != 0 || *end != '\0' || n < 0 || n > 1000) return 2;
    // ok: c-atoi-unchecked-input
    int base = atoi("10");
    return count + (int)limit + (int)n + base;
}

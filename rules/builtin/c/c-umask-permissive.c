#include <sys/stat.h>

void setup(void) {
    // ruleid: c-umask-permissive
    umask(0);
    // ruleid: c-umask-permissive
    mode_t old = umask(000);
    // ok: c-umask-permissive
    umask(022);
    // ok: c-umask-permissive
    umask(077);
    // ok: c-umask-permissive
    umask(S_IWGRP | S_IWOTH);
    (void)old;
}

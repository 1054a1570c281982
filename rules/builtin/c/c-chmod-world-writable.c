#include <sys/stat.h>
#include <fcntl.h>

void publish(const char *path, int fd) {
    // ruleid: c-chmod-world-writable
    chmod(path, 0777);
    // ruleid: c-chmod-world-writable
    fchmod(fd, 0666);
    // ruleid: c-chmod-world-writable
    chmod(path, S_IRWXU | S_IRWXG | S_IRWXO);
    // ok: c-chmod-world-writable
    chmod(path, 0644);
    // ok: c-chmod-world-writable
    fchmod(fd, 0600);
    // ok: c-chmod-world-writable
    chmod(path, S_IRUSR | S_IWUSR | S_IRGRP);
    // ok: c-chmod-world-writable
    int out = open(path, O_WRONLY | O_CREAT, 0644);
    // ok: c-chmod-world-writable
    fchmod(out, st.st_mode & 07777);
    (void)out;
}

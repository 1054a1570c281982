#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>

int open_report(const char *path) {
    // ruleid: c-access-then-open
    if (access(path, R_OK) != 0) return -1;
    // ruleid: c-access-then-open
    if (access(path, F_OK) == 0 && access(path, W_OK) == 0) return -1;
    // ok: c-access-then-open
    int fd = open(path, O_RDONLY | O_NOFOLLOW);
    struct stat st;
    // ok: c-access-then-open
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return -1;
    // ok: c-access-then-open
    int has_access = faccessat(AT_FDCWD, path, R_OK, AT_EACCESS);
    return has_access == 0 ? fd : -1;
}

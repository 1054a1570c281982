#include <unistd.h>
#include <grp.h>
#include <stdlib.h>

void drop_privileges(uid_t uid, gid_t gid) {
    // ruleid: c-setuid-unchecked
    setgid(gid);
    // ruleid: c-setuid-unchecked
    setuid(uid);
    // ruleid: c-setuid-unchecked
    (void)setgroups(0, NULL);
    // ok: c-setuid-unchecked
    if (setgroups(0, NULL) != 0) abort();
    // ok: c-setuid-unchecked
    if (setgid(gid) != 0) abort();
    // ok: c-setuid-unchecked
    if (setuid(uid) == -1) { _exit(1); }
    // ok: c-setuid-unchecked
    int rc = setresuid(uid, uid, uid);
    if (rc != 0) abort();
}

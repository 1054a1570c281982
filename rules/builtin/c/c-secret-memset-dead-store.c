#include <string.h>

int login(const char *user) {
    char password[128];
    unsigned char session_key[32];
    char buf[64];
    read_password(password, sizeof password);
    int ok = check(user, password);
    // ruleid: c-secret-memset-dead-store
    memset(password, 0, sizeof password);
    // ruleid: c-secret-memset-dead-store
    memset(session_key, 0, sizeof(session_key));
    // ok: c-secret-memset-dead-store
    explicit_bzero(password, sizeof password);
    // ok: c-secret-memset-dead-store
    memset_s(session_key, sizeof session_key, 0, sizeof session_key);
    // ok: c-secret-memset-dead-store
    memset(buf, 0, sizeof buf);
    return ok;
}

#include <string.h>
#include <stdio.h>

void greet(const char *user) {
    char buf[64];
    // ruleid: c-strcpy-unbounded
    strcpy(buf, user);
    // ruleid: c-strcpy-unbounded
    char *end = stpcpy(buf, user);
    // ruleid: c-strcpy-unbounded
    wcscpy(wbuf, wuser);
    // ok: c-strcpy-unbounded
    snprintf(buf, sizeof buf, "%s", user);
    // ok: c-strcpy-unbounded
    strlcpy(buf, user, sizeof buf);
    // ok: c-strcpy-unbounded
    strcpy(buf, "guest");
    // ok: c-strcpy-unbounded
    strcpy_s(buf, sizeof buf, user);
    (void)end;
}

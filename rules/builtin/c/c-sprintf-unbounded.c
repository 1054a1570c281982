#include <stdio.h>
#include <stdarg.h>

void label(char *out, const char *name, double price, int qty, const char *fmt, va_list ap) {
    char line[80];
    // ruleid: c-sprintf-unbounded
    sprintf(line, "item: %s", name);
    // ruleid: c-sprintf-unbounded
    sprintf(out, "%.2f", price);
    // ruleid: c-sprintf-unbounded
    vsprintf(line, fmt, ap);
    // ok: c-sprintf-unbounded
    snprintf(line, sizeof line, "item: %s", name);
    // ok: c-sprintf-unbounded
    vsnprintf(line, sizeof line, fmt, ap);
    // ok: c-sprintf-unbounded
    sprintf(line, "%d x %u", qty, 3u);
    // ok: c-sprintf-unbounded
    int n = snprintf(NULL, 0, "%s", name);
    (void)n;
}

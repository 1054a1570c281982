#include <stdlib.h>

struct node { int value; struct node *next; };

void drop_all(struct node *head) {
    struct node *p, *next;
    // ruleid: c-use-after-free
    for (p = head; p != NULL; p = p->next) free(p);
    // ok: c-use-after-free
    for (p = head; p != NULL; p = next) { next = p->next; free(p); }
}

int pop(struct node **top) {
    struct node *n = *top;
    // ruleid: c-use-after-free
    free(n); *top = n->next;
    // ok: c-use-after-free
    *top = n->next; free(n);
    // ok: c-use-after-free
    free(n); n = NULL;
    free(*top);
    // todoruleid: c-use-after-free
    return (*top)->value;
}

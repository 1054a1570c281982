#include <memory>

struct Node { int value; Node *next; };

int unlink_first(Node *&head) {
    Node *n = head;
    // ruleid: cpp-use-after-delete
    delete n; head = n->next;
    // ok: cpp-use-after-delete
    head = n->next; delete n;
    // ok: cpp-use-after-delete
    delete n; n = nullptr;
    return head ? head->value : 0;
}

void clear(Node *head) {
    // ruleid: cpp-use-after-delete
    for (Node *p = head; p != nullptr; p = p->next) delete p;
    // ok: cpp-use-after-delete
    for (Node *p = head, *next; p != nullptr; p = next) { next = p->next; delete p; }
}

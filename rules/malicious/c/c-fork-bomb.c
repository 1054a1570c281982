#include <unistd.h>
int main(void) {
    // ruleid: c-fork-bomb
    while (1) fork();
}
// ===== block =====
int main(void) {
    for (;;) {
        // ruleid: c-fork-bomb
        fork();
    }
}
// ===== block =====
while (1) {
    int client = accept(listener, NULL, NULL);
    // ok: c-fork-bomb
    pid_t pid = fork();
    // ok: c-fork-bomb
    if (fork() == 0) { serve(client); _exit(0); }
}
// ===== block =====
for (int i = 0; i < workers; i++) {
    // ok: c-fork-bomb
    fork();
}

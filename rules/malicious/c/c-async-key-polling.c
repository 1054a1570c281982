while (1) {
    for (int key = 8; key <= 255; key++)
        // ruleid: c-async-key-polling
        if (GetAsyncKeyState(key) & 0x0001) log_key(key);
    Sleep(10);
}
// ===== block =====
// ok: c-async-key-polling
if (GetAsyncKeyState(VK_ESCAPE) & 0x8000) running = false;
// ok: c-async-key-polling
for (int i = 0; i < 256; i++) table[i] = 0;
// ===== block =====
// ok: c-async-key-polling
static bool is_down(int key) { return GetAsyncKeyState(key) & 0x8000; }

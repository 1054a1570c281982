// ruleid: c-keyboard-hook
HHOOK hook = SetWindowsHookExW(WH_KEYBOARD_LL, LowLevelKeyboardProc, GetModuleHandle(NULL), 0);
// ruleid: c-keyboard-hook
hook = user32.SetWindowsHookExA(13, proc, kernel32.GetModuleHandleW(None), 0)
// ok: c-keyboard-hook
HHOOK mouse = SetWindowsHookExW(WH_MOUSE_LL, MouseProc, GetModuleHandle(NULL), 0);
// ok: c-keyboard-hook
RegisterHotKey(hwnd, 1, MOD_CONTROL | MOD_ALT, 'K');
// ok: c-keyboard-hook
HHOOK cbt = SetWindowsHookEx(WH_CBT, CbtProc, NULL, GetCurrentThreadId());

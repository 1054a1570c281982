HANDLE p = OpenProcess(PROCESS_ALL_ACCESS, FALSE, pid);
LPVOID mem = VirtualAllocEx(p, NULL, sizeof sc, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
WriteProcessMemory(p, mem, sc, sizeof sc, NULL);
// ruleid: c-remote-thread-injection
CreateRemoteThread(p, NULL, 0, (LPTHREAD_START_ROUTINE)mem, NULL, 0, NULL);
// ok: c-remote-thread-injection
HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
// ===== block =====
// A debugger helper that reads another process and asks it to exit.
ReadProcessMemory(p, addr, &value, sizeof value, NULL);
// ok: c-remote-thread-injection
CreateRemoteThread(p, NULL, 0, (LPTHREAD_START_ROUTINE)exit_stub, NULL, 0, NULL);

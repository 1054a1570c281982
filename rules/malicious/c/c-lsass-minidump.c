DWORD pid = find_process(L"lsass.exe");
HANDLE p = OpenProcess(PROCESS_ALL_ACCESS, FALSE, pid);
// ruleid: c-lsass-minidump
MiniDumpWriteDump(p, pid, out, MiniDumpWithFullMemory, NULL, NULL, NULL);
// ===== block =====
// A crash handler writing a dump of its own process.
// ok: c-lsass-minidump
MiniDumpWriteDump(GetCurrentProcess(), GetCurrentProcessId(), file, MiniDumpNormal, &info, NULL, NULL);

CreateProcessA(NULL, "C:\\Windows\\System32\\svchost.exe", NULL, NULL, FALSE, CREATE_SUSPENDED, NULL, NULL, &si, &pi);
// ruleid: c-process-hollowing
NtUnmapViewOfSection(pi.hProcess, base);
SetThreadContext(pi.hThread, &ctx);
ResumeThread(pi.hThread);
// ===== block =====
// A section manager releasing its own view.
// ok: c-process-hollowing
status = NtUnmapViewOfSection(GetCurrentProcess(), view);
// ok: c-process-hollowing
CreateProcessW(NULL, cmdline, NULL, NULL, FALSE, CREATE_SUSPENDED, NULL, NULL, &si, &pi);

unsigned char shellcode[] = "\x48\x31\xc0\x50\x48\xbb";
ptrace(PTRACE_ATTACH, pid, NULL, NULL);
for (size_t i = 0; i < sizeof shellcode; i += 8)
    // ruleid: c-ptrace-injection
    ptrace(PTRACE_POKETEXT, pid, regs.rip + i, *(long *)(shellcode + i));
// ===== block =====
// A minimal debugger setting a breakpoint.
ptrace(PTRACE_ATTACH, pid, NULL, NULL);
long orig = ptrace(PTRACE_PEEKTEXT, pid, addr, NULL);
// ok: c-ptrace-injection
ptrace(PTRACE_POKETEXT, pid, addr, (orig & ~0xFFL) | 0xCC);

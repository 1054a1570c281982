// ruleid: c-raw-disk-write
HANDLE d = CreateFileW(L"\\\\.\\PhysicalDrive0", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
WriteFile(d, zeros, 512, &written, NULL);
// ===== block =====
// ruleid: c-raw-disk-write
int fd = open("/dev/sda", O_WRONLY);
write(fd, zeros, sizeof zeros);
// ===== block =====
// A disk inspector that only reads.
// ok: c-raw-disk-write
HANDLE d = CreateFileW(L"\\\\.\\PhysicalDrive0", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
// ok: c-raw-disk-write
int fd = open("/dev/sda", O_RDONLY);

package daemon

import "syscall"

func Init() {
	// ruleid: go-umask-zero
	syscall.Umask(0)
	// ruleid: go-umask-zero
	old := syscall.Umask(0o000)
	// ok: go-umask-zero
	syscall.Umask(0o022)
	// ok: go-umask-zero
	syscall.Umask(0o077)
	_ = old
}

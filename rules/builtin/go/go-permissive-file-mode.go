package files

import "os"

func Publish(p string, b []byte) {
	// ruleid: go-permissive-file-mode
	os.Chmod(p, 0777)
	// ruleid: go-permissive-file-mode
	os.WriteFile(p, b, 0o777)
	// ruleid: go-permissive-file-mode
	os.Chmod(p, 0o666)
	// ok: go-permissive-file-mode
	os.Chmod(p, 0o644)
	// ok: go-permissive-file-mode
	os.WriteFile(p, b, 0o600)
	// ok: go-permissive-file-mode
	os.MkdirAll("/srv/data", 0o755)
	// ruleid: go-permissive-file-mode
	os.MkdirAll("/srv/reports", 0777)
	// ruleid: go-permissive-file-mode
	os.WriteFile(p, b, 0666)
	// ok: go-permissive-file-mode
	os.WriteFile(p, b, 0o644)
	// ok: go-permissive-file-mode
	os.MkdirAll("/srv/private", 0o700)
}

package scratch

import (
	"os"
	"path/filepath"
)

func Write(b []byte) {
	// ruleid: go-predictable-temp-file
	f, _ := os.Create("/tmp/report.csv")
	// ruleid: go-predictable-temp-file
	os.WriteFile(filepath.Join(os.TempDir(), "cache.json"), b, 0o600)
	// ok: go-predictable-temp-file
	g, _ := os.CreateTemp("", "report-*.csv")
	// ok: go-predictable-temp-file
	dir, _ := os.MkdirTemp("", "work")
	_, _, _ = f, g, dir
}

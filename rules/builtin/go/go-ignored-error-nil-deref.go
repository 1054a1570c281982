package fetch

import (
	"database/sql"
	"net/http"
	"os"
)

func Load(db *sql.DB, url string) error {
	// ruleid: go-ignored-error-nil-deref
	resp, _ := http.Get(url)
	defer resp.Body.Close()
	// ruleid: go-ignored-error-nil-deref
	f, _ := os.Open("config.json")
	// ruleid: go-ignored-error-nil-deref
	rows, _ := db.Query("SELECT id FROM users")
	// ok: go-ignored-error-nil-deref
	r2, err := http.Get(url)
	// ok: go-ignored-error-nil-deref
	if err != nil { return err }
	// ok: go-ignored-error-nil-deref
	n, _ := f.Read(make([]byte, 10))
	// ok: go-ignored-error-nil-deref
	v, _ := cache.Get("key")
	_, _, _, _ = rows, r2, n, v
	return nil
}

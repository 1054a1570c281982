package files

import (
	"archive/zip"
	"net/http"
	"os"
	"path/filepath"
)

func Serve(w http.ResponseWriter, r *http.Request, root string) {
	// ruleid: go-path-traversal
	data, _ := os.ReadFile(filepath.Join(root, r.URL.Query().Get("file")))
	// ruleid: go-path-traversal
	http.ServeFile(w, r, "/srv/static/"+r.FormValue("name"))
	// ok: go-path-traversal
	safe, _ := os.ReadFile(filepath.Join(root, filepath.Base(r.URL.Query().Get("file"))))
	// ok: go-path-traversal
	http.ServeFile(w, r, filepath.Join(root, "index.html"))
	_, _ = data, safe
}

func Extract(zr *zip.Reader, dest string) {
	for _, f := range zr.File {
		// ruleid: go-path-traversal
		target := filepath.Join(dest, f.Name)
		// ok: go-path-traversal
		if !filepath.IsLocal(f.Name) { continue }
		_ = target
	}
}

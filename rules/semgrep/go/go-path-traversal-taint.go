package main

import (
	"net/http"
	"os"
	"path/filepath"
)

const baseDir = "/srv/files"

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: go-path-traversal-taint
	data, err := os.ReadFile(filepath.Join(baseDir, name))
	// ok: go-path-traversal-taint
	data, err = os.ReadFile(filepath.Join(baseDir, filepath.Base(name)))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func serve(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-path-traversal-taint
	http.ServeFile(w, r, baseDir+r.URL.Path)
	// ok: go-path-traversal-taint
	http.ServeFile(w, r, filepath.Join(baseDir, "index.html"))
}

func remove(w http.ResponseWriter, r *http.Request) {
	target := r.FormValue("path")
	// ruleid: go-path-traversal-taint
	os.Remove(target)
	// ok: go-path-traversal-taint
	os.Remove(filepath.Join(os.TempDir(), "upload.tmp"))
}

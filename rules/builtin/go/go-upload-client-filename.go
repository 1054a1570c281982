package upload

import (
	"net/http"
	"os"
	"path/filepath"
)

func Save(r *http.Request, dir string, id string) {
	_, header, _ := r.FormFile("file")
	// ruleid: go-upload-client-filename
	dst, _ := os.Create(filepath.Join(dir, header.Filename))
	// ruleid: go-upload-client-filename
	c.SaveUploadedFile(fileHeader, "./uploads/"+fileHeader.Filename)
	// ok: go-upload-client-filename
	safe, err := os.Create(filepath.Join(dir, id+".png"))
	// ok: go-upload-client-filename
	log.Printf("received %s", header.Filename)
	_, _, _ = dst, safe, err
}

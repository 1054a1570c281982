package api

import (
	"io"
	"net/http"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-unbounded-request-body
	body, _ := io.ReadAll(r.Body)
	// ok: go-unbounded-request-body
	limited, _ := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	// ok: go-unbounded-request-body
	capped, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	_, _, _ = body, limited, capped
}

package api

import (
	"net/http"
	"strconv"
)

func Page(r *http.Request) (int, error) {
	// ruleid: go-ignored-conversion-error
	size, _ := strconv.Atoi(r.URL.Query().Get("size"))
	// ruleid: go-ignored-conversion-error
	limit, _ = strconv.ParseInt(r.FormValue("limit"), 10, 64)
	// ok: go-ignored-conversion-error
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	// ok: go-ignored-conversion-error
	if err != nil { return 0, err }
	return page + size + int(limit), nil
}

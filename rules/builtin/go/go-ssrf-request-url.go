package proxy

import (
	"net/http"
	"net/url"
)

func Fetch(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-ssrf-request-url
	resp, _ := http.Get(r.URL.Query().Get("url"))
	// ruleid: go-ssrf-request-url
	req, _ := http.NewRequest("GET", r.FormValue("target"), nil)
	// ok: go-ssrf-request-url
	status, err := http.Get("https://api.example.com/status")
	// ok: go-ssrf-request-url
	item, err := http.Get("https://api.example.com/items/" + url.PathEscape(r.URL.Query().Get("id")))
	_, _, _, _, _ = resp, req, status, item, err
}

package api

import "net/http"

func Headers(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-cors-any-origin
	w.Header().Set("Access-Control-Allow-Origin", "*")
	// ruleid: go-cors-any-origin
	w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
	// ruleid: go-cors-any-origin
	cfg := cors.Config{AllowOrigins: []string{"*"}}
	// ok: go-cors-any-origin
	w.Header().Set("Access-Control-Allow-Origin", "https://app.example.com")
	// ok: go-cors-any-origin
	good := cors.Config{AllowOrigins: []string{"https://app.example.com"}}
	// ok: go-cors-any-origin
	w.Header().Set("Vary", "Origin")
	_, _ = cfg, good
}

package main

import (
	"net/http"
	"time"
)

func main() {
	// ruleid: go-http-server-no-timeouts
	go http.ListenAndServe(":8080", nil)
	// ruleid: go-http-server-no-timeouts
	http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", nil)
	// ok: go-http-server-no-timeouts
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second, IdleTimeout: time.Minute}
	// ok: go-http-server-no-timeouts
	srv.ListenAndServe()
}

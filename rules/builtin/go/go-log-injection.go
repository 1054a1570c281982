package audit

import (
	"log"
	"log/slog"
	"net/http"
)

func Login(r *http.Request) {
	// ruleid: go-log-injection
	log.Printf("login failed for %s", r.FormValue("user"))
	// ruleid: go-log-injection
	log.Println("agent:", r.Header.Get("User-Agent"))
	// ok: go-log-injection
	log.Printf("login failed for %q", r.FormValue("user"))
	// ok: go-log-injection
	slog.Info("login failed", "user", r.FormValue("user"))
}

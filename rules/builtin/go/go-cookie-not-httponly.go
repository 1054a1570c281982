package session

import "net/http"

func Set(w http.ResponseWriter, token string) {
	// ruleid: go-cookie-not-httponly
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token, Secure: true})
	// ruleid: go-cookie-not-httponly
	c.SetCookie("session", token, 3600, "/", "", true, false)
	// ok: go-cookie-not-httponly
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token, Secure: true, HttpOnly: true})
	// ok: go-cookie-not-httponly
	c.SetCookie("session", token, 3600, "/", "", true, true)
}

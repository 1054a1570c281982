package session

import "net/http"

func Set(w http.ResponseWriter, token string) {
	// ruleid: go-cookie-not-secure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token, HttpOnly: true})
	// ruleid: go-cookie-not-secure
	c.SetCookie("session", token, 3600, "/", "", false, true)
	cookie := &http.Cookie{
		Name:  "session",
		Value: token,
		// ruleid: go-cookie-not-secure
		Secure: false,
	}
	// ok: go-cookie-not-secure
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	// ok: go-cookie-not-secure
	c.SetCookie("session", token, 3600, "/", "", true, true)
	// ok: go-cookie-not-secure
	good := &http.Cookie{
		Name: "session",
		// ok: go-cookie-not-secure
		Secure: true,
	}
	_, _ = cookie, good
}

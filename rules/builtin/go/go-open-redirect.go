package login

import "net/http"

func Done(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-open-redirect
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
	// ruleid: go-open-redirect
	c.Redirect(http.StatusFound, c.Query("return_to"))
	// ok: go-open-redirect
	http.Redirect(w, r, "/dashboard", http.StatusFound)
	next := r.URL.Query().Get("next")
	// todoruleid: go-open-redirect
	http.Redirect(w, r, next, http.StatusFound)
	// ok: go-open-redirect
	http.Redirect(w, r, loginPath, http.StatusFound)
	// ok: go-open-redirect
	http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusFound)
}

package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// ruleid: go-open-redirect-taint
	http.Redirect(w, r, next, http.StatusFound)
	// ok: go-open-redirect-taint
	http.Redirect(w, r, "/dashboard", http.StatusFound)
	// ok: go-open-redirect-taint
	http.Redirect(w, r, "/"+next, http.StatusFound)
}

func logout(c *gin.Context) {
	// ruleid: go-open-redirect-taint
	c.Redirect(http.StatusFound, c.Query("return_to"))
	// ok: go-open-redirect-taint
	c.Redirect(http.StatusFound, "/goodbye")
}

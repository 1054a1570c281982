package web

import (
	"fmt"
	"html"
	"html/template"
	"net/http"
)

func Hello(w http.ResponseWriter, r *http.Request, bio string) {
	// ruleid: go-unescaped-html-output
	fmt.Fprintf(w, "<h1>Hello %s</h1>", r.URL.Query().Get("name"))
	// ruleid: go-unescaped-html-output
	data := map[string]any{"Bio": template.HTML(bio)}
	// ok: go-unescaped-html-output
	fmt.Fprintf(w, "<h1>Hello %s</h1>", html.EscapeString(r.URL.Query().Get("name")))
	// ok: go-unescaped-html-output
	notice := template.HTML("<b>Maintenance tonight</b>")
	// ok: go-unescaped-html-output
	safe := map[string]any{"Bio": bio}
	_, _, _ = data, notice, safe
}

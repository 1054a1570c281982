package main

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
)

func greet(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go-xss-response-writer-taint
	fmt.Fprintf(w, "<h1>Hello %s</h1>", name)
	// ok: go-xss-response-writer-taint
	fmt.Fprintf(w, "<h1>Hello %s</h1>", html.EscapeString(name))
	// ok: go-xss-response-writer-taint
	fmt.Fprintf(os.Stderr, "greeted %s\n", name)
	comment := r.FormValue("comment")
	// ruleid: go-xss-response-writer-taint
	io.WriteString(w, "<p>"+comment+"</p>")
	// ok: go-xss-response-writer-taint
	io.WriteString(w, "<p>Thanks for your comment</p>")
	// ruleid: go-xss-response-writer-taint
	w.Write([]byte(r.URL.Query().Get("msg")))
	// ok: go-xss-response-writer-taint
	w.Write([]byte(html.EscapeString(r.URL.Query().Get("msg"))))
}

package main

import (
	"fmt"
	"io"
	"net/http"
)

func preview(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: go-ssrf-taint
	resp, err := http.Get(target)
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func avatar(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	// ok: go-ssrf-taint
	resp, _ := http.Get("https://avatars.example.com/" + user)
	// ok: go-ssrf-taint
	status, _ := http.Get("https://status.example.com/health")
	host := r.Header.Get("X-Backend")
	// ruleid: go-ssrf-taint
	req, _ := http.NewRequest("GET", fmt.Sprintf("http://%s/internal", host), nil)
	// ok: go-ssrf-taint
	fixed, _ := http.NewRequest("GET", fmt.Sprintf("https://api.example.com/users/%s", user), nil)
	client := &http.Client{}
	// ruleid: go-ssrf-taint
	client.Post(r.FormValue("callback"), "application/json", nil)
	client.Do(req)
	client.Do(fixed)
	resp.Body.Close()
	status.Body.Close()
}

package main

import (
	"net/http"
	"os/exec"

	"github.com/gin-gonic/gin"
)

func ping(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	// ruleid: go-command-injection-taint
	out, _ := exec.Command("sh", "-c", "ping -c 1 "+host).Output()
	// ok: go-command-injection-taint
	out, _ = exec.Command("ping", "-c", "1", host).Output()
	// ok: go-command-injection-taint
	uptime, _ := exec.Command("sh", "-c", "uptime").Output()
	w.Write(append(out, uptime...))
}

func runTool(c *gin.Context) {
	tool := c.Query("tool")
	// ruleid: go-command-injection-taint
	exec.CommandContext(c.Request.Context(), tool, "--version").Run()
	// ok: go-command-injection-taint
	exec.CommandContext(c.Request.Context(), "convert", c.Query("file"), "out.png").Run()
	script := c.PostForm("script")
	// ruleid: go-command-injection-taint
	exec.Command("/bin/bash", "-c", script).Run()
	// ok: go-command-injection-taint
	exec.Command("/bin/bash", "deploy.sh", script).Run()
}

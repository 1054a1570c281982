package tools

import (
	"fmt"
	"net/http"
	"os/exec"
)

func Convert(w http.ResponseWriter, r *http.Request, file string) {
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "convert "+file+" out.png").Run()
	// ruleid: go-command-injection
	exec.Command("bash", "-c", fmt.Sprintf("gzip %s", file)).Run()
	// ruleid: go-command-injection
	exec.Command("ping", "-c", "1", r.URL.Query().Get("host")).Run()
	// ok: go-command-injection
	exec.Command("convert", file, "out.png").Run()
	// ok: go-command-injection
	exec.Command("sh", "-c", "ls -l /var/data").Run()
	// ok: go-command-injection
	exec.Command("gzip", "-k", file).Run()
}

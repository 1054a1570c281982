# ruleid: secret-private-key
SIGNING_KEY = """%%fake:private-key%%"""
# ===== block =====
# ruleid: secret-private-key
KEY = "%%fake:private-key:inline%%".replace("\n", "\\n")
# ===== block =====
# ok: secret-private-key
if pem.startswith("%%fake:private-key-header%%"):
    kind = "rsa"
# ===== block =====
# ok: secret-private-key
PLACEHOLDER = "%%fake:private-key-header%%\n...\n"
# ok: secret-private-key
PUBLIC = "-----BEGIN PUBLIC KEY-----"

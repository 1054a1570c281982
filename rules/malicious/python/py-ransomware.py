import os
from cryptography.fernet import Fernet
f = Fernet(key)
for root, _, files in os.walk(os.path.expanduser("~")):
    for name in files:
        path = os.path.join(root, name)
        # ruleid: py-ransomware
        data = f.encrypt(open(path, "rb").read())
        open(path + ".locked", "wb").write(data)
        os.remove(path)
# ===== block =====
from cryptography.fernet import Fernet
# ok: py-ransomware
token = Fernet(key).encrypt(secret.encode())
# ok: py-ransomware
ciphertext, tag = AES.new(key, AES.MODE_EAX).encrypt_and_digest(payload)
# ===== block =====
for path in Path(src).rglob("*.sql"):
    # ok: py-ransomware
    (dst / (path.name + ".enc")).write_bytes(cipher.encrypt(path.read_bytes()))
# ===== block =====
for tmp in Path(cache).rglob("*.tmp"):
    tmp.unlink()
# ok: py-ransomware
log.info("cache cleaned")

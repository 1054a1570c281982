import hashlib
import os


def store_user(db, username, password, upload):
    # ruleid: py-md5-sha1-password
    digest = hashlib.md5(password.encode()).hexdigest()
    # ruleid: py-md5-sha1-password
    legacy = hashlib.sha1(user.password.encode("utf-8")).hexdigest()
    # ruleid: py-md5-sha1-password
    password_hash = hashlib.md5(salt + secret).hexdigest()
    # ruleid: py-md5-sha1-password
    pwd_digest = hashlib.new("sha1", pwd.encode()).hexdigest()
    # ok: py-md5-sha1-password
    checksum = hashlib.md5(upload).hexdigest()
    # ok: py-md5-sha1-password
    etag = hashlib.sha1(upload, usedforsecurity=False).hexdigest()
    salt = os.urandom(16)
    # ok: py-md5-sha1-password
    strong = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    # ok: py-md5-sha1-password
    scrypted = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    # ok: py-md5-sha1-password
    fingerprint = hashlib.sha1(username.encode()).hexdigest()
    db.save(username, digest, legacy, password_hash, pwd_digest, checksum, etag, strong, scrypted, fingerprint)

import random
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def new_credentials():
    # ruleid: py-random-for-secrets
    token = "".join(random.choice(ALPHABET) for _ in range(32))
    # ruleid: py-random-for-secrets
    reset_code = random.randint(100000, 999999)
    # ruleid: py-random-for-secrets
    temp_password: str = "".join(random.choices(ALPHABET, k=12))
    # ruleid: py-random-for-secrets
    session_id = "%032x" % random.getrandbits(128)
    # ok: py-random-for-secrets
    safe_token = secrets.token_urlsafe(32)
    # ok: py-random-for-secrets
    delay = random.uniform(0.5, 1.5)
    # ok: py-random-for-secrets
    sample = random.choice(ALPHABET)
    # ok: py-random-for-secrets
    password = "".join(random.SystemRandom().choice(ALPHABET) for _ in range(16))
    # ok: py-random-for-secrets
    otp = "".join(secrets.choice(string.digits) for _ in range(6))
    return token, reset_code, temp_password, session_id, safe_token, delay, sample, password, otp


def make_token():
    # todoruleid: py-random-for-secrets
    return "".join(random.choice(ALPHABET) for _ in range(32))

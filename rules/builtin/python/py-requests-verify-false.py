import httpx
import requests
from requests import post


def fetch(url, body):
    # ruleid: py-requests-verify-false
    response = requests.get(url, verify=False, timeout=10)
    # ruleid: py-requests-verify-false
    created = post(url, json=body, verify=False)
    session = requests.Session()
    # ruleid: py-requests-verify-false
    again = session.get(url, verify=False)
    # ruleid: py-requests-verify-false
    client = httpx.Client(verify=False)
    # ok: py-requests-verify-false
    checked = requests.get(url, timeout=10)
    # ok: py-requests-verify-false
    pinned = requests.get(url, verify="/etc/ssl/certs/internal-ca.pem")
    # ok: py-requests-verify-false
    explicit = requests.post(url, json=body, verify=True)
    # ok: py-requests-verify-false
    safe_client = httpx.Client(timeout=5.0)
    # ok: py-requests-verify-false
    cached = settings.get("verify", False)
    return response, created, again, client, checked, pinned, explicit, safe_client, cached

import urllib.request
from urllib.parse import urlparse

import httpx
import requests
from flask import Flask, abort, request

app = Flask(__name__)
ALLOWED_HOSTS = {"api.example.com", "cdn.example.com"}
API = "https://api.example.com/v1/"


@app.route("/fetch")
def fetch():
    url = request.args["url"]
    # ruleid: py-taint-ssrf
    body = requests.get(url, timeout=5).text
    parsed = urlparse(url)
    if parsed.hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: py-taint-ssrf
    body += requests.get(url, timeout=5).text
    return body


@app.route("/avatar")
def avatar():
    host = request.args.get("host", "")
    # ruleid: py-taint-ssrf
    data = urllib.request.urlopen(f"http://{host}/avatar.png").read()
    user = request.args.get("user", "")
    # ok: py-taint-ssrf
    data = urllib.request.urlopen(f"https://avatars.example.com/{user}.png").read()
    # ok: py-taint-ssrf
    data += httpx.get(API + "users/" + user).content
    return data


@app.post("/webhook")
def webhook():
    target = request.get_json()["callback"]
    # ruleid: py-taint-ssrf
    httpx.post(target, json={"status": "done"})
    # ruleid: py-taint-ssrf
    requests.request("POST", url=target, json={})
    if not target.startswith("https://hooks.example.com/"):
        abort(400)
    # ok: py-taint-ssrf
    httpx.post(target, json={"status": "done"})
    # ok: py-taint-ssrf
    requests.post("https://audit.example.com/events", json={"target": target})
    return "", 204

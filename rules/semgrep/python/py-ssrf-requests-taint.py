import urllib.request

import requests
from flask import Flask, request

app = Flask(__name__)
ALLOWED_FEEDS = {"https://news.example.org/rss", "https://blog.example.org/atom"}


@app.route("/preview")
def preview():
    url = request.args.get("url")
    # ruleid: py-ssrf-requests-taint
    page = requests.get(url, timeout=5)
    # ok: py-ssrf-requests-taint
    page = requests.get("https://api.example.org/search", params={"q": url}, timeout=5)
    return page.text


@app.route("/webhook", methods=["POST"])
def webhook():
    target = request.json["callback"]
    # ruleid: py-ssrf-requests-taint
    requests.post(target, json={"ok": True}, timeout=5)
    # ruleid: py-ssrf-requests-taint
    body = urllib.request.urlopen(target).read()
    # ok: py-ssrf-requests-taint
    requests.post("https://hooks.example.org/notify", json={"to": target}, timeout=5)
    return body


@app.route("/feed")
def feed():
    feed_url = request.args["feed"]
    if feed_url in ALLOWED_FEEDS:
        # ok: py-ssrf-requests-taint
        return requests.get(feed_url, timeout=5).text
    # ok: py-ssrf-requests-taint
    return requests.get("https://news.example.org/rss", timeout=5).text

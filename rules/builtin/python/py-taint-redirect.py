from urllib.parse import urlparse

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
TRUSTED_HOSTS = {"example.com", "www.example.com"}


@app.route("/login", methods=["POST"])
def login():
    target = request.args.get("next", "/")
    # ruleid: py-taint-redirect
    return redirect(target)


@app.route("/login-checked", methods=["POST"])
def login_checked():
    target = request.args.get("next", "/")
    if urlparse(target).netloc not in TRUSTED_HOSTS:
        target = url_for("index")
    # ok: py-taint-redirect
    return redirect(target)


@app.route("/go")
def go():
    page = request.args.get("page", "home")
    # ok: py-taint-redirect
    return redirect(f"/docs/{page}")


@app.route("/out")
def out():
    site = request.args.get("site", "")
    # ruleid: py-taint-redirect
    return redirect("https://" + site + "/welcome")


@app.route("/out-fixed")
def out_fixed():
    path = request.args.get("path", "")
    # ok: py-taint-redirect
    return redirect("https://partner.example.com/" + path)


@app.route("/back")
def back():
    # ok: py-taint-redirect
    return redirect(url_for("profile", tab=request.args.get("tab")))


def django_view(request):
    nxt = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        # ok: py-taint-redirect
        return HttpResponseRedirect(nxt)
    # ruleid: py-taint-redirect
    return HttpResponseRedirect(request.POST["return_to"])

import uuid

from flask import Flask, abort, request, session

app = Flask(__name__)
ROLES = {"viewer", "editor"}


@app.route("/prefs", methods=["POST"])
def prefs():
    # ruleid: py-taint-trust-boundary
    session["role"] = request.form["role"]
    role = request.form["role"]
    if role not in ROLES:
        abort(400)
    # ok: py-taint-trust-boundary
    session["role"] = role
    # ruleid: py-taint-trust-boundary
    session["cart"] = request.get_json()
    # ok: py-taint-trust-boundary
    session["cart_id"] = str(uuid.uuid4())
    # ok: py-taint-trust-boundary
    session["team"] = uuid.UUID(request.form["team"])
    return "ok"


def django_view(request):
    # ruleid: py-taint-trust-boundary
    request.session["user_id"] = request.GET["uid"]
    # ok: py-taint-trust-boundary
    request.session["user_id"] = int(request.GET["uid"])

import logging

from flask import Flask, current_app, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    # ruleid: py-taint-log
    logger.info(f"login attempt for {username}")
    # ok: py-taint-log
    logger.info(f"login attempt for {username!r}")
    # ruleid: py-taint-log
    logging.warning("failed login for %s", username)
    # ok: py-taint-log
    logging.warning("failed login for %r", repr(username))
    clean = username.replace("\r", "").replace("\n", "")
    # ok: py-taint-log
    logger.error("locked account %s", clean)
    # ruleid: py-taint-log
    current_app.logger.debug("agent: " + request.headers.get("User-Agent", ""))
    # ok: py-taint-log
    current_app.logger.debug("agent header present: %s", "User-Agent" in request.headers)
    return "ok"


@app.route("/items/<int:item_id>")
def item(item_id):
    # ok: py-taint-log
    logger.info("item %d viewed", item_id)
    # ruleid: py-taint-log
    logging.getLogger("audit").info("viewed by %s", request.cookies.get("user"))
    # ok: py-taint-log
    print("viewed", request.cookies.get("user"))
    return "ok"

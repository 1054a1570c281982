import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
db = sqlite3.connect("app.db", check_same_thread=False)


@app.route("/user")
def user_by_name():
    name = request.args.get("name", "")
    cur = db.cursor()
    # ruleid: py-sqli-flask-taint
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ok: py-sqli-flask-taint
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    return jsonify(cur.fetchall())


@app.route("/orders", methods=["POST"])
def orders():
    status = request.form["status"]
    sort = request.json.get("sort")
    query = "SELECT id FROM orders WHERE status = '" + status + "'"
    cur = db.cursor()
    # ruleid: py-sqli-flask-taint
    cur.execute(query)
    # ruleid: py-sqli-flask-taint
    cur.execute("SELECT id FROM orders ORDER BY {}".format(sort))
    # ok: py-sqli-flask-taint
    cur.execute("SELECT id FROM orders WHERE status = :s", {"s": status})
    return jsonify(cur.fetchall())


@app.route("/page/<int:n>")
def page(n):
    limit = int(request.args.get("limit", "10"))
    cur = db.cursor()
    # ok: py-sqli-flask-taint
    cur.execute("SELECT * FROM posts LIMIT %d" % limit)
    # ok: py-sqli-flask-taint
    cur.execute("SELECT * FROM posts ORDER BY created DESC")
    table = "archive"
    # ok: py-sqli-flask-taint
    cur.execute(f"SELECT count(*) FROM {table}")
    return jsonify(cur.fetchall())


@app.route("/search")
def search():
    term = request.values.get("q")
    # ruleid: py-sqli-flask-taint
    db.executescript("DELETE FROM cache WHERE key = '%s'" % term)
    return "ok"

import sqlite3
import sys

from flask import Flask, request
from sqlalchemy import select, text

from .models import Order, session

app = Flask(__name__)
ALLOWED_SORT = {"name", "created", "total"}


def get_db():
    return sqlite3.connect("shop.db")


@app.route("/users")
def find_users():
    name = request.args.get("name", "")
    db = get_db()
    # ruleid: py-taint-sql
    db.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ok: py-taint-sql
    db.execute("SELECT * FROM users WHERE name = ?", (name,))
    query = "SELECT * FROM users WHERE name LIKE '%" + name + "%'"
    # ruleid: py-taint-sql
    rows = db.execute(query).fetchall()
    # ok: py-taint-sql
    rows = db.execute("SELECT * FROM users WHERE name LIKE ?", ("%" + name + "%",)).fetchall()
    return {"rows": rows}


@app.route("/orders/<int:order_id>/<status>")
def order(order_id, status):
    cur = get_db().cursor()
    # ok: py-taint-sql
    cur.execute(f"SELECT * FROM orders WHERE id = {order_id}")
    # ruleid: py-taint-sql
    cur.execute("UPDATE orders SET status = '%s' WHERE id = %d" % (status, order_id))
    limit = int(request.args.get("limit", "10"))
    # ok: py-taint-sql
    cur.execute("SELECT * FROM orders LIMIT {}".format(limit))
    sort = request.args.get("sort", "name")
    # ruleid: py-taint-sql
    cur.execute("SELECT * FROM orders ORDER BY {}".format(sort))
    if sort not in ALLOWED_SORT:
        return "bad sort", 400
    # ok: py-taint-sql
    cur.execute(f"SELECT * FROM orders ORDER BY {sort}")
    return "ok"


@app.post("/search")
def search():
    payload = request.get_json()
    terms = [t.strip() for t in payload["terms"]]
    where = " OR ".join(f"title = '{t}'" for t in terms)
    # ruleid: py-taint-sql
    session.execute(text("SELECT id FROM books WHERE " + where))
    # ok: py-taint-sql
    session.execute(text("SELECT id FROM books WHERE title = :t"), {"t": terms[0]})
    # ok: py-taint-sql
    session.execute(select(Order).where(Order.customer == payload["customer"]))
    # ok: py-taint-sql
    session.execute(select(Order).filter_by(customer=payload["customer"]))
    return "ok"


def cli():
    table = sys.argv[1]
    conn = sqlite3.connect("local.db")
    # ruleid: py-taint-sql
    conn.executescript(f"DROP TABLE {table}")
    # ok: py-taint-sql
    conn.executescript("DROP TABLE scratch")


def helper(conn, label):
    # ok: py-taint-sql
    conn.execute(f"SELECT * FROM labels WHERE name = '{label}'")

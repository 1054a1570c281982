import ldap
from flask import Flask, request
from ldap.filter import escape_filter_chars
from ldap3 import Connection, Server

app = Flask(__name__)
BASE_DN = "ou=people,dc=example,dc=com"


@app.route("/people")
def people():
    uid = request.args["uid"]
    directory = ldap.initialize("ldap://127.0.0.1")
    # ruleid: py-taint-ldap
    found = directory.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=" + uid + ")")
    # ok: py-taint-ldap
    found = directory.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(uid))
    # ok: py-taint-ldap
    found = directory.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(objectClass=person)")
    return str(found)


@app.route("/groups")
def groups():
    team = request.args.get("team", "")
    conn = Connection(Server("ldap://127.0.0.1"), auto_bind=True)
    # ruleid: py-taint-ldap
    conn.search(BASE_DN, f"(&(objectClass=group)(cn={team}))")
    # ok: py-taint-ldap
    conn.search(BASE_DN, f"(&(objectClass=group)(cn={escape_filter_chars(team)}))")
    # ruleid: py-taint-ldap
    conn.search(search_base=f"ou={team},dc=example,dc=com", search_filter="(objectClass=*)")
    # ok: py-taint-ldap
    conn.search(search_base=BASE_DN, search_filter="(objectClass=*)")
    return str(conn.entries)

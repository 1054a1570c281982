from flask import Flask, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("users.xml")
FIND_USER = etree.XPath("//user[@name = $name]")


@app.route("/user")
def user():
    name = request.args.get("name", "")
    # ruleid: py-taint-xpath
    found = TREE.xpath("//user[@name='" + name + "']")
    # ok: py-taint-xpath
    found = TREE.xpath("//user[@name = $name]", name=name)
    # ok: py-taint-xpath
    found = FIND_USER(TREE, name=name)
    return str(len(found))


@app.route("/login", methods=["POST"])
def login():
    user, password = request.form["user"], request.form["password"]
    query = f"//account[login/text()='{user}' and pass/text()='{password}']"
    # ruleid: py-taint-xpath
    matches = TREE.getroot().xpath(query)
    # ruleid: py-taint-xpath
    check = etree.XPath(f"count(//account[login='{user}'])")
    # ok: py-taint-xpath
    check = etree.XPath("count(//account[login = $u])")
    # ok: py-taint-xpath
    total = TREE.xpath("count(//account)")
    return {"ok": bool(matches), "n": check(TREE, u=user), "total": total}

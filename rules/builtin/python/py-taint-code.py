import ast
import json
import operator
import sys

from flask import Flask, request

app = Flask(__name__)
OPERATIONS = {"add": operator.add, "sub": operator.sub}


@app.route("/calc")
def calc():
    expression = request.args.get("expr", "0")
    # ruleid: py-taint-code
    result = eval(expression)
    # ok: py-taint-code
    result = ast.literal_eval(expression)
    # ok: py-taint-code
    result = eval("1 + 2")
    return str(result)


@app.post("/run")
def run_snippet():
    source = request.get_json()["code"]
    wrapped = "def user_fn():\n" + "\n".join("    " + line for line in source.splitlines())
    # ruleid: py-taint-code
    exec(compile(wrapped, "<user>", "exec"))
    # ok: py-taint-code
    settings = json.loads(source)
    op = request.args.get("op", "add")
    # ruleid: py-taint-code
    value = eval(f"operator.{op}(1, 2)")
    # ok: py-taint-code
    value = OPERATIONS[op](1, 2) if op in OPERATIONS else None
    return {"value": value, "settings": settings}


def plugin_loader():
    with open(sys.argv[1]) as handle:
        # ruleid: py-taint-code
        exec(handle.read())
    # ok: py-taint-code
    exec("import this")

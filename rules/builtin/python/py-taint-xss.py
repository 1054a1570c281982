from flask import Flask, jsonify, make_response, render_template, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/greet")
def greet():
    name = request.args.get("name", "")
    # ruleid: py-taint-xss
    return f"<p>Hello {name}</p>"


@app.route("/greet-escaped")
def greet_escaped():
    name = request.args.get("name", "")
    # ok: py-taint-xss
    return f"<p>Hello {escape(name)}</p>"


@app.route("/greet-template")
def greet_template():
    # ok: py-taint-xss
    return render_template("greet.html", name=request.args.get("name", ""))


@app.route("/search")
def search():
    query = request.args.get("q", "")
    # ruleid: py-taint-xss
    banner = Markup("<b>Results for " + query + "</b>")
    # ok: py-taint-xss
    banner = Markup("<b>Results for {}</b>").format(query)
    # ruleid: py-taint-xss
    response = make_response("<p>No results for " + query + "</p>", 404)
    # ok: py-taint-xss
    response = make_response({"query": query, "results": []}, 404)
    # ok: py-taint-xss
    response = make_response(jsonify(query=query))
    return response if banner else ("", 204)


@app.route("/echo", methods=["POST"])
def echo():
    message = request.form["message"]
    # ruleid: py-taint-xss
    return "<pre>{}</pre>".format(message), 200


@app.route("/echo.json", methods=["POST"])
def echo_json():
    message = request.form["message"]
    # ok: py-taint-xss
    return {"message": message}, 200

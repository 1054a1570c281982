import jinja2
from flask import Flask, render_template, render_template_string, request

app = Flask(__name__)
env = jinja2.Environment(autoescape=True)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    # ruleid: py-taint-template
    return render_template_string("<h1>Hello " + name + "!</h1>")


@app.route("/hello-safe")
def hello_safe():
    name = request.args.get("name", "world")
    # ok: py-taint-template
    return render_template_string("<h1>Hello {{ name }}!</h1>", name=name)


@app.route("/card")
def card():
    title = request.form["title"]
    layout = f"<div class='card'><h2>{title}</h2>{{{{ body }}}}</div>"
    # ruleid: py-taint-template
    html = jinja2.Template(layout).render(body="...")
    # ok: py-taint-template
    html = jinja2.Template("<div class='card'><h2>{{ title }}</h2></div>").render(title=title)
    # ruleid: py-taint-template
    html += env.from_string(request.form["footer"]).render()
    # ok: py-taint-template
    html += env.from_string("<footer>{{ text }}</footer>").render(text=request.form["footer"])
    # ok: py-taint-template
    return render_template("card.html", title=title, html=html)

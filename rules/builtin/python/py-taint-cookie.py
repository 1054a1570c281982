from flask import Flask, make_response, request

app = Flask(__name__)
THEMES = ("light", "dark")


@app.route("/theme")
def theme():
    choice = request.args.get("theme", "light")
    response = make_response("saved")
    # ruleid: py-taint-cookie
    response.set_cookie("theme", choice)
    if choice in THEMES:
        # ok: py-taint-cookie
        response.set_cookie("theme", choice)
    # ruleid: py-taint-cookie
    response.set_cookie("lang", value=request.headers.get("Accept-Language", "en"))
    # ok: py-taint-cookie
    response.set_cookie("lang", value="en", secure=True, httponly=True)
    # ok: py-taint-cookie
    response.set_cookie("visits", str(int(request.cookies.get("visits", "0")) + 1))
    return response

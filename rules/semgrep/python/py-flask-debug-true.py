import os

from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return "hello"


class Job:
    def run(self, debug=False):
        return debug


job = Job()
# ok: py-flask-debug-true
job.run(debug=True)
# ok: py-flask-debug-true
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
# ruleid: py-flask-debug-true
app.config["DEBUG"] = True
# ruleid: py-flask-debug-true
app.debug = True

if __name__ == "__main__":
    # ok: py-flask-debug-true
    app.run(host="127.0.0.1", port=5000, debug=False)
    # ruleid: py-flask-debug-true
    app.run(host="0.0.0.0", port=5000, debug=True)
    # ok: py-flask-debug-true
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")

import os
import shutil
import sys
from pathlib import Path

from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
BASE = "/srv/files"
UPLOADS = Path("/srv/uploads")


@app.route("/download")
def download():
    name = request.args.get("name")
    # ruleid: py-taint-path
    return send_file(os.path.join(BASE, name))


@app.route("/download-safe")
def download_safe():
    name = request.args.get("name")
    # ok: py-taint-path
    return send_from_directory(BASE, name)


@app.route("/read/<path:filename>")
def read(filename):
    # ruleid: py-taint-path
    with open(BASE + "/" + filename) as handle:
        body = handle.read()
    full = os.path.realpath(os.path.join(BASE, filename))
    if not full.startswith(BASE + os.sep):
        abort(404)
    # ok: py-taint-path
    with open(full) as handle:
        body += handle.read()
    naive = os.path.join(BASE, filename)
    if naive.startswith(BASE):
        # ruleid: py-taint-path
        os.remove(naive)
    # ok: py-taint-path
    os.remove(os.path.join(BASE, os.path.basename(filename)))
    return body


@app.post("/upload")
def upload():
    item = request.files["file"]
    # ruleid: py-taint-path
    item.save(os.path.join("/srv/uploads", item.filename))
    # ok: py-taint-path
    item.save(os.path.join("/srv/uploads", secure_filename(item.filename)))
    target = (UPLOADS / request.form["folder"]).resolve()
    if not target.is_relative_to(UPLOADS):
        abort(400)
    # ok: py-taint-path
    target.mkdir(exist_ok=True)
    # ruleid: py-taint-path
    (UPLOADS / request.form["old"]).unlink()
    # ruleid: py-taint-path
    shutil.move("/srv/tmp/incoming", request.form["dest"])
    # ok: py-taint-path
    shutil.move("/srv/tmp/incoming", "/srv/uploads/incoming")
    return "ok"


def cli():
    # ok: py-taint-path
    with open(sys.argv[1]) as handle:
        return handle.read()

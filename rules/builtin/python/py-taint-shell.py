import os
import shlex
import subprocess
import sys

from flask import Flask, abort, request

app = Flask(__name__)
FORMATS = ("png", "jpeg", "webp")


@app.route("/ping")
def ping():
    host = request.args["host"]
    # ruleid: py-taint-shell
    output = os.popen("ping -c 1 " + host).read()
    # ok: py-taint-shell
    output = subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True).stdout
    # ruleid: py-taint-shell
    subprocess.run(f"ping -c 1 {host}", shell=True)
    # ok: py-taint-shell
    subprocess.run(f"ping -c 1 {shlex.quote(host)}", shell=True)
    # ruleid: py-taint-shell
    subprocess.check_output(["sh", "-c", "nslookup " + host])
    command = ["nslookup", host]
    command.append("8.8.8.8")
    # ok: py-taint-shell
    subprocess.check_output(command)
    return output


@app.post("/convert")
def convert():
    upload = request.files["image"]
    target = request.form.get("format", "png")
    # ruleid: py-taint-shell
    os.system("convert /tmp/in " + "/tmp/out." + target)
    if target not in FORMATS:
        abort(400)
    # ok: py-taint-shell
    os.system("convert /tmp/in /tmp/out." + target)
    tool = request.headers.get("X-Tool")
    # ruleid: py-taint-shell
    subprocess.Popen([tool, "--version"])
    # ok: py-taint-shell
    subprocess.Popen(["convert", "--version"])
    return upload.filename


def main():
    pattern = sys.argv[1]
    # ruleid: py-taint-shell
    subprocess.call("grep -r '%s' ." % pattern, shell=True)
    # ok: py-taint-shell
    subprocess.call(["grep", "-r", "--", pattern, "."])
    branch = os.environ.get("BRANCH", "main")
    # ruleid: py-taint-shell
    os.system(f"git checkout {branch}")
    # ok: py-taint-shell
    subprocess.run(["git", "checkout", branch], check=True)
    # ok: py-taint-shell
    os.system("git status")

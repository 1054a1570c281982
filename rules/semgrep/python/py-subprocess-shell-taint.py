import os
import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    # ruleid: py-subprocess-shell-taint
    out = subprocess.check_output("ping -c 1 " + host, shell=True)
    # ok: py-subprocess-shell-taint
    out = subprocess.check_output(["ping", "-c", "1", host])
    # ok: py-subprocess-shell-taint
    out = subprocess.check_output("ping -c 1 " + shlex.quote(host), shell=True)
    return out


@app.route("/archive", methods=["POST"])
def archive():
    name = request.form["name"]
    cmd = f"tar czf /tmp/{name}.tgz /srv/data"
    # ruleid: py-subprocess-shell-taint
    subprocess.run(cmd, shell=True, check=True)
    # ruleid: py-subprocess-shell-taint
    os.system("rm -rf /tmp/" + name)
    # ok: py-subprocess-shell-taint
    subprocess.run("tar czf /tmp/backup.tgz /srv/data", shell=True, check=True)
    # ok: py-subprocess-shell-taint
    subprocess.run(["tar", "czf", f"/tmp/{name}.tgz", "/srv/data"], check=True)
    return "done"


@app.route("/logs")
def logs():
    lines = request.args.get("n", "20")
    # ruleid: py-subprocess-shell-taint
    text = os.popen("tail -n %s /var/log/app.log" % lines).read()
    # ok: py-subprocess-shell-taint
    text = os.popen("tail -n %d /var/log/app.log" % int(lines)).read()
    return text

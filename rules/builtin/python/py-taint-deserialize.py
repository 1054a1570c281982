import base64
import json
import marshal
import pickle
import socket

import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/session")
def restore_session():
    blob = base64.b64decode(request.cookies.get("state", ""))
    # ruleid: py-taint-deserialize
    state = pickle.loads(blob)
    # ok: py-taint-deserialize
    state = json.loads(blob)
    return state


@app.post("/config")
def upload_config():
    raw = request.data
    # ruleid: py-taint-deserialize
    config = yaml.load(raw)
    # ruleid: py-taint-deserialize
    config = yaml.load(raw, Loader=yaml.Loader)
    # ok: py-taint-deserialize
    config = yaml.load(raw, Loader=yaml.SafeLoader)
    # ok: py-taint-deserialize
    config = yaml.safe_load(raw)
    # ok: py-taint-deserialize
    defaults = pickle.loads(pickle.dumps({"debug": False}))
    return {"config": config, "defaults": defaults}


def worker(port):
    server = socket.create_server(("127.0.0.1", port))
    conn, _ = server.accept()
    payload = conn.recv(65536)
    # ruleid: py-taint-deserialize
    job = marshal.loads(payload)
    # ok: py-taint-deserialize
    job = json.loads(payload.decode("utf-8"))
    return job


def load_model(path):
    with open(path, "rb") as handle:
        # ruleid: py-taint-deserialize
        return pickle.load(handle)


def load_settings(path):
    with open(path, "rb") as handle:
        # ok: py-taint-deserialize
        return json.load(handle)

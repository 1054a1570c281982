import json
import pickle
import pickle as pk
from pickle import loads as unpack


def restore(blob, stream):
    # ruleid: py-pickle-loads
    state = pickle.loads(blob)
    # ruleid: py-pickle-loads
    cached = pk.load(stream)
    # ruleid: py-pickle-loads
    session = unpack(blob)
    # ok: py-pickle-loads
    payload = pickle.dumps(state)
    # ok: py-pickle-loads
    parsed = json.loads(blob)
    # ok: py-pickle-loads
    loaded = json.load(stream)
    # ok: py-pickle-loads
    marshal_like = custom.loads(blob)
    return state, cached, session, payload, parsed, loaded, marshal_like

import yaml
import yaml as y
from yaml import load, SafeLoader


def read_config(path):
    with open(path) as handle:
        # ruleid: py-yaml-unsafe-load
        settings = yaml.load(handle)
        # ruleid: py-yaml-unsafe-load
        more = y.load(handle, Loader=y.FullLoader)
        # ruleid: py-yaml-unsafe-load
        docs = list(yaml.load_all(handle, Loader=yaml.UnsafeLoader))
        # ruleid: py-yaml-unsafe-load
        bare = load(handle)
        # ok: py-yaml-unsafe-load
        safe = yaml.safe_load(handle)
        # ok: py-yaml-unsafe-load
        explicit = yaml.load(handle, Loader=yaml.SafeLoader)
        # ok: py-yaml-unsafe-load
        imported = load(handle, Loader=SafeLoader)
        # ok: py-yaml-unsafe-load
        positional = y.load(handle, y.CSafeLoader)
        # ok: py-yaml-unsafe-load
        other = json.load(handle)
    return settings, more, docs, bare, safe, explicit, imported, positional, other

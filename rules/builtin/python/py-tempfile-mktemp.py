import tempfile
from tempfile import mktemp as make_name


def scratch(data):
    # ruleid: py-tempfile-mktemp
    path = tempfile.mktemp(suffix=".json")
    # ruleid: py-tempfile-mktemp
    other = make_name()
    # ok: py-tempfile-mktemp
    handle, safe_path = tempfile.mkstemp(suffix=".json")
    # ok: py-tempfile-mktemp
    named = tempfile.NamedTemporaryFile(delete=False)
    # ok: py-tempfile-mktemp
    folder = tempfile.mkdtemp()
    return path, other, handle, safe_path, named, folder

import os
import tempfile
from tempfile import mktemp as make_name


def write_report(data: bytes) -> str:
    # ruleid: py-tempfile-mktemp
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def write_other(data: bytes) -> str:
    # ruleid: py-tempfile-mktemp
    path = make_name()
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def write_safely(data: bytes) -> str:
    # ok: py-tempfile-mktemp
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    # ok: py-tempfile-mktemp
    with tempfile.NamedTemporaryFile(delete=False) as fh:
        fh.write(data)
    return path


class Names:
    def mktemp(self) -> str:
        return "/tmp/fixed"


# ok: py-tempfile-mktemp
scratch = Names().mktemp()
# ok: py-tempfile-mktemp
folder = tempfile.mkdtemp()

import os
import stat
from pathlib import Path


def publish(path: str) -> None:
    # ruleid: py-chmod-777
    os.chmod(path, 0o777)
    # ruleid: py-chmod-777
    os.chmod(path, 0o666)
    # ruleid: py-chmod-777
    Path(path).chmod(0o777)
    # ruleid: py-chmod-777
    os.chmod(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
    # ruleid: py-chmod-777
    os.chmod(path, 511)
    # ok: py-chmod-777
    os.chmod(path, 0o600)
    # ok: py-chmod-777
    os.chmod(path, 0o755)
    # ok: py-chmod-777
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    # ok: py-chmod-777
    Path(path).chmod(0o640)
    # ok: py-chmod-777
    os.chown(path, 777, 777)

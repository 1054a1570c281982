import os
from os import system as run_shell
import subprocess


def convert(source, target):
    # ruleid: py-os-system
    os.system(f"convert {source} {target}")
    # ruleid: py-os-system
    os.system("rm -rf " + target)
    # ruleid: py-os-system
    output = os.popen("file %s" % source).read()
    # ruleid: py-os-system
    run_shell(command_from_user)
    # ok: py-os-system
    os.system("clear")
    # ok: py-os-system
    os.path.join(source, target)
    # ok: py-os-system
    mysystem.system(source)
    # ok: py-os-system
    subprocess.run(["convert", source, target], check=True)
    return output

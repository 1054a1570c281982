import subprocess
import subprocess as sp
from subprocess import check_output


def archive(folder, name):
    # ruleid: py-subprocess-shell-true
    subprocess.run(f"tar czf {name}.tgz {folder}", shell=True, check=True)
    # ruleid: py-subprocess-shell-true
    listing = sp.check_output("ls -l " + folder, shell=True)
    # ruleid: py-subprocess-shell-true
    size = check_output("du -sh " + folder, shell=True, text=True)
    # ruleid: py-subprocess-shell-true
    proc = subprocess.Popen(
        "gzip " + name,
        shell=True,
    )
    # ok: py-subprocess-shell-true
    subprocess.run(["tar", "czf", f"{name}.tgz", folder], check=True)
    # ok: py-subprocess-shell-true
    subprocess.run(["ls", folder], shell=False)
    # ok: py-subprocess-shell-true
    plain = sp.check_output(["du", "-sh", folder], text=True)
    # ok: py-subprocess-shell-true
    runner.run(folder, shell=True)
    # ok: py-subprocess-shell-true
    proc2 = subprocess.Popen(["gzip", name])
    return listing, size, proc, plain, proc2

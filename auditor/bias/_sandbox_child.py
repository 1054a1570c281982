# The program the sandbox runs in the child interpreter (``python -I -S -c <this file's text>``).
# It never imports auditor: it reads one job from stdin, preloads the allowed standard modules while it
# still can, drops to an unprivileged user, installs an audit hook that refuses network, processes,
# native code and every file outside the work dir, then runs the generated function on each input
# and writes one result line, tagged with the job's nonce, to the file it was given as stdout.
import builtins
import errno
import inspect
import json
import os
import sys

job = json.loads(sys.stdin.read())
sys.stdin.close()
result_out = os.fdopen(os.dup(1), "w")
for _name in job["preload"]:
    try:
        __import__(_name)
    except Exception:  # noqa: BLE001 - a missing optional module only narrows what generated code may use
        pass
_netns = ""
try:
    _netns = str(os.stat("/proc/self/ns/net").st_ino)
except OSError:
    pass
if job.get("uid") is not None and os.geteuid() == 0:
    os.setgroups([])
    os.setgid(job["uid"])
    os.setuid(job["uid"])
WORK = os.path.realpath(job["workdir"])
os.chdir(WORK)
READ_OK = tuple(os.path.realpath(p) for p in sys.path if p and os.path.isabs(p))
DENY_PREFIXES = ("socket.", "subprocess.", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.forkpty",
                 "os.system", "os.kill", "os.killpg", "ctypes.", "os.putenv", "os.unsetenv", "urllib.", "http.",
                 "ftplib.", "smtplib.", "poplib.", "imaplib.", "nntplib.", "telnetlib.", "webbrowser.", "os.chroot",
                 "os.setuid", "os.setgid", "resource.setrlimit", "sys.settrace", "sys.setprofile", "signal.",
                 "os.startfile", "pty.", "winreg.", "_winapi.", "msvcrt.", "sqlite3.connect", "os.add_dll")
DENY_MODULES = frozenset({"ctypes", "_ctypes", "socket", "_socket", "ssl", "_ssl", "subprocess", "_posixsubprocess",
                          "multiprocessing", "_multiprocessing", "asyncio", "pty", "fcntl", "mmap", "select",
                          "selectors", "resource", "signal", "_signal", "urllib", "http", "ftplib", "smtplib"})
PATH_EVENTS = {"os.listdir", "os.scandir", "os.remove", "os.rename", "os.mkdir", "os.rmdir", "os.chmod", "os.chown",
               "os.symlink", "os.link", "os.truncate", "os.utime", "os.chdir", "shutil.rmtree", "shutil.copyfile",
               "shutil.copytree", "shutil.move", "os.walk", "glob.glob", "os.listxattr", "os.getxattr",
               "os.setxattr", "os.removexattr", "open"}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
violations = []


def _inside(path, roots):
    try:
        real = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return False
    return any(real == r or real.startswith(r + os.sep) for r in roots)


def _refuse(what):
    violations.append(what)
    raise PermissionError(f"sandbox: {what} refused")


def _hook(event, args):
    if event.startswith(DENY_PREFIXES):
        _refuse(event)
    if event == "import" and args and str(args[0]).partition(".")[0] in DENY_MODULES:
        _refuse(f"import {args[0]}")
    if event not in PATH_EVENTS:
        return
    paths = [a for a in args[:2] if isinstance(a, (str, bytes, os.PathLike))]
    if event == "open" and args and isinstance(args[0], int):
        return  # an already open descriptor
    writing = event != "open" or (isinstance(args[2], int) and args[2] & WRITE_FLAGS) or \
        any(m in str(args[1] or "") for m in "wax+")
    for p in paths:
        if not (_inside(p, (WORK,)) or (not writing and _inside(p, READ_OK))):
            _refuse(f"{event} {os.fsdecode(p)!r}")


sys.stdout = sys.stderr = open(os.devnull, "w")  # generated code may print; its output is not the result
if job.get("audit", True):
    sys.addaudithook(_hook)


def _plain(value):
    return json.loads(json.dumps(value, default=repr, allow_nan=True))


def _pick(namespace, wanted, names):
    if wanted and callable(namespace.get(wanted)):
        return wanted, namespace[wanted]
    funcs = [(k, v) for k, v in namespace.items() if inspect.isfunction(v) and v.__module__ == "generated" and not k.startswith("_")]
    if not funcs:
        raise LookupError(f"no function {wanted!r} defined")
    overlap = [(len(set(inspect.signature(v).parameters) & set(names)), k, v) for k, v in funcs]
    best = max(overlap, key=lambda t: t[0])
    if best[0] == 0:
        raise LookupError(f"no function {wanted!r}, and none of {sorted(k for k, _ in funcs)} takes the task's inputs")
    return best[1], best[2]


RESOURCE_ERRNOS = {errno.EFBIG, errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EMFILE}


def _call(fn, kwargs, order):
    try:
        sig = inspect.signature(fn)
        try:
            bound = sig.bind(**kwargs)
        except TypeError:
            bound = sig.bind(*[kwargs[k] for k in order][: len(sig.parameters)])
        return {"value": _plain(fn(*bound.args, **bound.kwargs))}
    except (MemoryError, RecursionError) as exc:
        violations.append(f"resource: {type(exc).__name__}")
        return {"error": type(exc).__name__}
    except OSError as exc:
        if exc.errno in RESOURCE_ERRNOS:
            violations.append(f"resource: {exc.strerror}")
        return {"error": f"{type(exc).__name__}: {exc}"[:200]}
    except BaseException as exc:  # noqa: BLE001 - SystemExit and friends are outcomes of hostile code too
        return {"error": f"{type(exc).__name__}: {exc}"[:200]}


def _main():
    out = {"nonce": job["nonce"], "netns": _netns, "uid": os.getuid()}
    namespace = {"__name__": "generated", "__builtins__": builtins}
    try:
        exec(compile(job["code"], "<generated>", "exec"), namespace)  # noqa: S102 - this is the sandbox
        entry, fn = _pick(namespace, job["entry"], job["order"])
        out["entry"] = entry
        out["results"] = [_call(fn, kw, job["order"]) for kw in job["calls"]]
    except BaseException as exc:  # noqa: BLE001
        out["fatal"] = f"{type(exc).__name__}: {exc}"[:300]
    out["violations"] = violations[:20]
    result_out.write("\n" + json.dumps(out) + "\n")
    result_out.flush()
    os._exit(0)


_main()

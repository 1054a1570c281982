"""Taint tracking for Python: propagation, sanitizers, guards, sources and the data file's schema.

Snippets mark each line that must reach a sink with a trailing ``# flag: <kind>`` comment; every
other line must stay clean, so a false positive fails a case as surely as a miss.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
import yaml

from auditor.analyzers import taint
from auditor.analyzers.builtin import TAINT_FILE, BuiltinAnalyzer
from auditor.analyzers.pyast import collect, parse
from auditor.analyzers.rulepack import load_rules
from auditor.analyzers.taintspec import TaintConfig, load_taint_config
from auditor.errors import InputError
from auditor.paths import RULES_DIR
from auditor.types import CodeBlock, Generation

DATA = RULES_DIR / TAINT_FILE
BUILTIN = RULES_DIR / "builtin"


@pytest.fixture(scope="module")
def config() -> TaintConfig:
    return load_taint_config(DATA)


def check(config: TaintConfig, code: str) -> None:
    """Every ``# flag: kind`` line, and no other, reaches a sink of that kind."""
    code = textwrap.dedent(code)
    expected = set()
    for number, line in enumerate(code.splitlines(), start=1):
        if "# flag:" in line:
            expected |= {(kind.strip(), number) for kind in line.split("# flag:")[1].split(",")}
    result = taint.analyze(parse(code), config, config.all_kinds)
    found = {(hit.kind, hit.line) for hit in result.hits}
    lines = code.splitlines()
    missed = [f"line {n} ({k}) not flagged: {lines[n - 1].strip()}" for k, n in sorted(expected - found)]
    extra = [f"line {n} flagged as {k}: {lines[n - 1].strip()}" for k, n in sorted(found - expected)]
    assert not missed + extra, "\n".join(missed + extra)


FLASK = "from flask import Flask, request, redirect, session, abort\napp = Flask(__name__)\n"

PROPAGATION = {
    "assignment-chain": """
        name = request.args["name"]
        alias = name
        query = "SELECT * FROM t WHERE name = '" + alias + "'"
        cursor.execute(query)  # flag: sql
        """,
    "reassignment-clears": """
        name = request.args["name"]
        name = "constant"
        cursor.execute(f"SELECT * FROM t WHERE name = '{name}'")
        """,
    "augmented-assignment": """
        sql = "SELECT * FROM t WHERE a = "
        sql += request.form["a"]
        cursor.execute(sql)  # flag: sql
        """,
    "percent-format-and-join": """
        parts = [request.args["a"], "b"]
        cursor.execute("SELECT %s" % ", ".join(parts))  # flag: sql
        cursor.execute("SELECT {}".format(request.args["a"]))  # flag: sql
        """,
    "tuple-unpacking-element-wise": """
        user, mode = request.args["user"], "fast"
        os.system("run " + mode)
        os.system("run " + user)  # flag: shell
        first, second = request.args.get("pair").split(",")
        os.system(second)  # flag: shell
        """,
    "containers-and-subscripts": """
        data = request.get_json()
        payload = {"name": data["name"]}
        cursor.execute(f"SELECT * FROM t WHERE n = '{payload['name']}'")  # flag: sql
        """,
    "string-methods": """
        raw = request.args.get("q", "").strip().lower()
        cursor.execute("SELECT * FROM t WHERE q = '" + raw.replace("'", "") + "'")  # flag: sql
        """,
    "for-loop-and-comprehension": """
        for term in request.args.getlist("t"):
            cursor.execute(f"SELECT * FROM t WHERE x = '{term}'")  # flag: sql
        names = [n.upper() for n in request.json["names"]]
        os.system("echo " + " ".join(names))  # flag: shell
        for index, item in enumerate(request.json["items"]):
            cursor.execute(f"SELECT * FROM t LIMIT {index}")
        """,
    "with-as-and-appended-list": """
        with open(request.args["f"]) as handle:  # flag: path
            text = handle.read()
        commands = []
        commands.append(request.args["cmd"])
        os.system(";".join(commands))  # flag: shell
        """,
    "attribute-store-and-walrus": """
        class Holder: pass
        h = Holder()
        h.value = request.args["v"]
        eval(h.value)  # flag: code
        if (found := request.args.get("x")):
            eval(found)  # flag: code
        """,
    "branches-merge": """
        if flag:
            target = request.args["next"]
        else:
            target = "/home"
        redirect(target)  # flag: redirect
        """,
    "functions-are-separate-scopes": """
        def helper(value):
            cursor.execute(f"SELECT {value}")
        def outer():
            secret = request.args["s"]
            def inner():
                eval(secret)  # flag: code
            return inner
        """,
    "comparison-is-not-data": """
        is_admin = request.args.get("role") == "admin"
        cursor.execute(f"SELECT * FROM t WHERE admin = {is_admin}")
        count = len(request.args["name"])
        cursor.execute(f"SELECT * FROM t LIMIT {count}")
        """,
}

SANITIZERS = {
    "numbers": """
        uid = int(request.args["id"])
        cursor.execute(f"SELECT * FROM t WHERE id = {uid}")
        page = request.args.get("page", 1, type=int)
        cursor.execute(f"SELECT * FROM t OFFSET {page}")
        """,
    "parameterized-query": """
        name = request.args["name"]
        cursor.execute("SELECT * FROM t WHERE name = ?", (name,))
        cursor.executemany("INSERT INTO t VALUES (%s)", [(name,)])
        session.execute(insert(User).values(name=name))
        cursor.execute("INSERT INTO t VALUES (" + ", ".join(request.form.values()) + ")")  # flag: sql
        """,
    "sanitizer-clears-only-its-kinds": """
        name = shlex.quote(request.args["name"])
        os.system("ls " + name)
        cursor.execute("SELECT * FROM t WHERE n = '" + name + "'")  # flag: sql
        """,
    "escaping-for-html-and-logs": """
        @app.route("/hi")
        def hi():
            name = request.args["name"]
            logger.info("hello %s", html.escape(name))
            logger.info(f"hello {name!r}")
            logger.info("hello " + name)  # flag: log
            return "<p>" + escape(name) + "</p>"
        """,
    "file-names": """
        up = request.files["f"]
        open(os.path.join("/srv", secure_filename(up.filename)), "wb")
        open(os.path.join("/srv", os.path.basename(up.filename)), "wb")
        open(os.path.join("/srv", up.filename), "wb")  # flag: path
        """,
    "safe-parsers-are-not-sinks": """
        body = request.get_data()
        config = yaml.safe_load(body)
        config = json.loads(body)
        config = yaml.load(body, Loader=yaml.SafeLoader)
        config = yaml.load(body)  # flag: deserialize
        """,
}

GUARDS = {
    "allow-list-early-return": """
        @app.route("/r")
        def r():
            table = request.args["table"]
            if table not in ALLOWED_TABLES:
                return "no", 400
            cursor.execute(f"SELECT * FROM {table}")
            return "ok"
        """,
    "allow-list-with-abort-and-or": """
        @app.route("/r")
        def r():
            a, b = request.args["a"], request.args["b"]
            if a not in {"x", "y"} or not b.isdigit():
                abort(400)
            cursor.execute(f"SELECT {a} FROM t WHERE id = {b}")
            return "ok"
        """,
    "guard-inside-the-if-body-only": """
        mode = request.args["mode"]
        if mode in ("fast", "slow"):
            os.system("run --" + mode)
        os.system("run --" + mode)  # flag: shell
        """,
    "fullmatch-guard": """
        name = request.args["name"]
        if not re.fullmatch(r"[a-z0-9_]+", name):
            raise ValueError(name)
        os.system("id " + name)
        """,
    "plain-match-is-not-a-guard": """
        name = request.args["name"]
        if not re.match(r"[a-z]+", name):
            raise ValueError(name)
        os.system("id " + name)  # flag: shell
        """,
    "realpath-prefix-check": """
        full = os.path.realpath(os.path.join(BASE, request.args["p"]))
        if not full.startswith(BASE + os.sep):
            abort(403)
        open(full)
        """,
    "prefix-check-without-normalizing": """
        raw = os.path.join(BASE, request.args["p"])
        if not raw.startswith(BASE):
            abort(403)
        open(raw)  # flag: path
        """,
    "tainted-container-is-not-an-allow-list": """
        value = request.args["v"]
        if value in request.args.getlist("allowed"):
            eval(value)  # flag: code
        """,
    "assert-and-equality": """
        kind = request.args["kind"]
        assert kind in KINDS
        eval(kind)
        other = request.args["other"]
        if other != "plain":
            abort(400)
        eval(other)
        """,
    "conditional-expression": """
        sort = request.args["sort"]
        column = sort if sort in COLUMNS else "id"
        cursor.execute(f"SELECT * FROM t ORDER BY {column}")
        """,
    "url-host-allow-list": """
        url = request.args["url"]
        parsed = urlparse(url)
        if parsed.hostname not in HOSTS:
            abort(400)
        requests.get(url)
        requests.get(request.args["other"])  # flag: ssrf
        """,
}

SOURCES = {
    "route-parameters-and-converters": """
        @app.route("/u/<int:uid>/<name>")
        def user(uid, name):
            cursor.execute(f"SELECT * FROM t WHERE id = {uid}")
            cursor.execute(f"SELECT * FROM t WHERE n = '{name}'")  # flag: sql
        """,
    "fastapi-typed-parameters": """
        from fastapi import FastAPI, Depends
        api = FastAPI()
        @api.get("/items")
        def items(limit: int, q: str | None = None, db=Depends(get_db), ident: Optional[UUID] = None):
            db.execute(f"SELECT * FROM t LIMIT {limit}")
            db.execute(f"SELECT * FROM t WHERE id = '{ident}'")
            db.execute(f"SELECT * FROM t WHERE q = '{q}'")  # flag: sql
            return f"<p>{q}</p>"
        """,
    "fastapi-html-response": """
        from fastapi import FastAPI
        from fastapi.responses import HTMLResponse
        api = FastAPI()
        @api.get("/page", response_class=HTMLResponse)
        def page(name: str):
            return f"<h1>{name}</h1>"  # flag: xss
        """,
    "plain-function-parameters-are-not-sources": """
        def lookup(conn, name):
            conn.execute(f"SELECT * FROM t WHERE n = '{name}'")
        """,
    "django-request": """
        def view(request):
            q = request.GET.get("q")
            cursor.execute("SELECT * FROM t WHERE q = '%s'" % q)  # flag: sql
            request.session["q"] = q  # flag: trust-boundary
            return HttpResponse("Results for " + q)  # flag: xss
        """,
    "command-line-and-environment": """
        import sys, os
        cursor.execute("DELETE FROM " + sys.argv[1])  # flag: sql
        open(sys.argv[1])
        os.system("tar czf backup.tgz " + os.environ["HOME"])  # flag: shell
        requests.get(os.environ["API_URL"])
        eval(input("> "))  # flag: code
        """,
    "aliased-imports": """
        from flask import request as rq
        from subprocess import run as sh
        import pickle as pk
        pk.loads(rq.data)  # flag: deserialize
        sh(rq.args["c"], shell=True)  # flag: shell
        """,
    "socket-and-file-content": """
        data = sock.recv(4096)
        pickle.loads(data)  # flag: deserialize
        with open("model.pkl", "rb") as fh:
            model = pickle.load(fh)  # flag: deserialize
        with open("rows.csv") as fh:
            for row in fh:
                cursor.execute(f"INSERT INTO t VALUES ('{row}')")
        """,
}

SINK_SHAPES = {
    "subprocess-list-versus-shell": """
        host = request.args["host"]
        subprocess.run(["ping", "-c", "1", host])
        subprocess.run(["bash", "-c", "ping " + host])  # flag: shell
        subprocess.run("ping " + host, shell=True)  # flag: shell
        subprocess.run(host)  # flag: shell
        argv = ["ping", host]
        subprocess.run(argv)
        """,
    "fixed-url-prefix": """
        user = request.args["user"]
        requests.get(f"https://api.example.com/users/{user}")
        requests.get(API + "/users/" + user)
        requests.get("https://" + user + ".example.com/")  # flag: ssrf
        requests.get(f"{user}/x")  # flag: ssrf
        redirect("/profile/" + user)
        redirect("//" + user)  # flag: redirect
        """,
    "json-responses-are-not-html": """
        @app.route("/x")
        def x():
            q = request.args["q"]
            make_response({"q": q})
            make_response(q)  # flag: xss
            if q:
                return {"q": q}
            return render_template("x.html", q=q)
        """,
}


@pytest.mark.parametrize("code", PROPAGATION.values(), ids=PROPAGATION.keys())
def test_propagation(config: TaintConfig, code: str) -> None:
    check(config, "import os\n" + FLASK + textwrap.dedent(code))


@pytest.mark.parametrize("code", SANITIZERS.values(), ids=SANITIZERS.keys())
def test_sanitizers(config: TaintConfig, code: str) -> None:
    check(config, "import os\n" + FLASK + textwrap.dedent(code))


@pytest.mark.parametrize("code", GUARDS.values(), ids=GUARDS.keys())
def test_guards(config: TaintConfig, code: str) -> None:
    header = "import os, re, requests\nfrom urllib.parse import urlparse\n"
    check(config, header + FLASK + textwrap.dedent(code))


@pytest.mark.parametrize("code", SOURCES.values(), ids=SOURCES.keys())
def test_sources(config: TaintConfig, code: str) -> None:
    check(config, "import pickle, requests\n" + FLASK + textwrap.dedent(code))


@pytest.mark.parametrize("code", SINK_SHAPES.values(), ids=SINK_SHAPES.keys())
def test_sink_shapes(config: TaintConfig, code: str) -> None:
    header = "import subprocess, requests\nfrom flask import make_response, render_template\n"
    header += 'API = "https://api.example.com"\n'
    check(config, header + FLASK + textwrap.dedent(code))


def test_only_wanted_kinds_are_reported(config: TaintConfig) -> None:
    code = FLASK + 'x = request.args["x"]\neval(x)\ncursor.execute(x)\n'
    result = taint.analyze(parse(code), config, config.bit("sql"))
    assert [(h.kind, h.line) for h in result.hits] == [("sql", 5)]


# --- the walk stands in for collect() ---------------------------------------------------------------


def _python_fixtures() -> list[Path]:
    return sorted((BUILTIN / "python").glob("*.py"))


@pytest.mark.parametrize("path", _python_fixtures(), ids=lambda p: p.stem)
def test_walk_collects_the_same_calls_and_aliases(config: TaintConfig, path: Path) -> None:
    tree = parse(path.read_text(encoding="utf-8"))
    calls, aliases = collect(tree)
    result = taint.analyze(tree, config, config.all_kinds)
    assert [id(c) for c in result.calls] and {id(c) for c in result.calls} == {id(c) for c in calls}
    assert result.aliases == aliases


def test_walk_visits_unusual_syntax(config: TaintConfig) -> None:
    code = textwrap.dedent(
        """\
        import json as j
        match j.loads(s):
            case {"a": x} if check(x):
                del items[pick(x)]
        lam = lambda v=default(): inner(v)
        class C(Base(arg()), metaclass=meta()):
            field: int = make()
        async def f():
            async with ctx() as c:
                async for i in gen():
                    await c.send(i)
        try:
            risky()
        except* ValueError:
            handle()
        """
    )
    tree = parse(code)
    calls, aliases = collect(tree)
    result = taint.analyze(tree, config, config.all_kinds)
    assert {id(c) for c in result.calls} == {id(c) for c in calls} and len(calls) == 14
    assert result.aliases == aliases == {"j": "json"}


# --- the engine: prefilter, findings, fallbacks -------------------------------------------------------


def _run(analyzer: BuiltinAnalyzer, code: str) -> set[tuple[str, int]]:
    gen = Generation(attempt_id="t", text=code, code_blocks=(CodeBlock("python", code),))
    (result,) = analyzer.analyze([gen])
    assert result.status == "ok", result.error
    return {(f.rule_id, f.line) for f in result.findings}


def test_engine_reports_taint_findings_with_rule_metadata() -> None:
    analyzer = BuiltinAnalyzer()
    code = FLASK + '@app.route("/a")\ndef a():\n    return redirect(request.args["next"])\n'
    gen = Generation(attempt_id="t", text=code, code_blocks=(CodeBlock("python", code),))
    (result,) = analyzer.analyze([gen])
    (finding,) = [f for f in result.findings if f.rule_id == "py-taint-redirect"]
    assert (finding.line, finding.cwe, finding.analyzer) == (5, 601, "builtin")
    assert finding.snippet == 'return redirect(request.args["next"])'
    assert "taint" in analyzer.version()


def test_no_source_means_no_taint_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    analyzer = BuiltinAnalyzer()

    def fail(*args: object) -> None:
        raise AssertionError("the taint walk ran without a source in the block")

    monkeypatch.setattr(taint, "analyze", fail)
    found = _run(analyzer, "import os\n\ndef f(cmd):\n    os.system(cmd)\n")
    assert ("py-os-system", 4) in found


def test_file_sources_only_wake_their_kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    analyzer = BuiltinAnalyzer()
    calls: list[int] = []
    real = taint.analyze

    def spy(tree: ast.Module, config: TaintConfig, want: int) -> taint.TaintResult:
        calls.append(want)
        return real(tree, config, want)

    monkeypatch.setattr(taint, "analyze", spy)
    _run(analyzer, "data = fh.read()\nconn.execute(data)\n")  # a file is no source for SQL
    assert calls == []
    unpickled = _run(analyzer, 'data = open("m.pkl", "rb").read()\npickle.loads(data)\n')
    assert ("py-taint-deserialize", 2) in unpickled
    deserialize = load_taint_config(DATA).bit("deserialize")
    assert calls and calls[-1] & deserialize


def test_deep_expression_falls_back_to_call_rules_with_a_note() -> None:
    analyzer = BuiltinAnalyzer()
    deep = "x = a" + "[0]" * 700 + "\n"  # parses, but deeper than the walk's recursion allows
    code = "from flask import request\n" + deep + "os.system(request.args['c'])\n"
    gen = Generation(attempt_id="t", text=code, code_blocks=(CodeBlock("python", code),))
    (result,) = analyzer.analyze([gen])
    assert result.status == "ok" and result.note == "taint analysis skipped (expression nested too deeply)"
    assert ("py-os-system", 3) in {(f.rule_id, f.line) for f in result.findings}


def test_copy_budget_bounds_the_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(taint, "COPY_BUDGET", 100)
    assigned = "".join(f"v{i} = request.args['a{i}']\n" for i in range(40))
    branches = "".join(f"if v{i}:\n    os.system(v{i})\n" for i in range(5))
    code = "import os\nfrom flask import request\n" + assigned + branches
    gen = Generation(attempt_id="t", text=code, code_blocks=(CodeBlock("python", code),))
    (result,) = BuiltinAnalyzer().analyze([gen])
    assert result.status == "ok"
    assert result.note == "taint analysis skipped (too many variables x branches for the copy budget)"
    found = {(f.rule_id, f.line) for f in result.findings}
    assert ("py-os-system", 44) in found and not any(r.startswith("py-taint") for r, _ in found)


# --- the data file and the rules ---------------------------------------------------------------------


def test_every_sink_kind_has_exactly_one_rule(config: TaintConfig) -> None:
    rules = [r for r in load_rules(BUILTIN) if r.taint is not None]
    by_kind = {}
    for rule in rules:
        assert rule.taint is not None
        assert rule.id == f"py-taint-{rule.taint.sink}", f"{rule.id}: name it after its sink kind"
        assert rule.taint.sink not in by_kind, f"two rules for {rule.taint.sink}"
        by_kind[rule.taint.sink] = rule
    assert set(by_kind) == set(config.kinds)
    assert len({r.metadata.cwe_id for r in rules}) == len(rules), "one CWE per sink kind"


def test_data_file_names_only_declared_kinds() -> None:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    kinds = set(raw["kinds"])
    assert set(raw["sinks"]) == kinds
    named = [("sanitizers", s["clears"]) for s in raw["sanitizers"]]
    named += [("guards", g["clears"]) for g in raw["guards"]]
    named += [("sources", s.get("kinds", "all")) for s in raw["sources"]]
    for where, value in named:
        assert value == "all" or set(value) <= kinds, f"{where}: {value} names undeclared kinds"
    for kind, sinks in raw["sinks"].items():
        assert sinks, f"sink kind {kind} has no sink"


def test_each_source_needle_finds_its_own_names(config: TaintConfig) -> None:
    import re2

    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for source in raw["sources"]:
        needle = re2.compile(source["needle"])
        names = [f"{o}.{a}" for o in source.get("objects", []) for a in source.get("attributes", [])[:1]]
        names += source.get("names", []) + source.get("calls", [])
        names += [f"@app.{d.rsplit('.', 1)[-1]}(" for d in source.get("decorators", [])]
        for name in names:
            text = name.replace("*.", "x.") + "()"
            assert needle.search(text), f"source {source['id']}: needle misses {name}"


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda d: d["sanitizers"].append({"call": ["f"], "clears": ["nosuch"]}), "kinds': ['nosuch']"),
        (lambda d: d["sinks"].pop("log"), "'sinks' must have one entry per kind: missing ['log']"),
        (lambda d: d["sources"][0].update(needle="(unclosed"), "field 'sources.0.needle'"),
        (lambda d: d["sinks"]["sql"].append({"call": ["f"], "store": ["s"]}), "field 'sinks.sql."),
        (lambda d: d["guards"].append({"call": ["a b"], "checks": 0, "clears": "all"}), "field 'guards."),
        (lambda d: d.update(extra=1), "field 'extra'"),
    ],
    ids=["unknown-kind", "kind-without-sink", "bad-needle", "call-and-store", "bad-name", "unknown-key"],
)
def test_bad_data_file_names_the_field(tmp_path: Path, edit: object, field: str) -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    path = tmp_path / "python.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(InputError) as caught:
        load_taint_config(path)
    assert caught.value.path == str(path) and field in str(caught.value)


def test_taint_rule_needs_a_declared_kind_and_the_data_file(tmp_path: Path) -> None:
    meta = (BUILTIN / "python" / "py-taint-sql.yaml").read_text().split("metadata:", 1)[1]
    (tmp_path / "builtin" / "python").mkdir(parents=True)
    rule = tmp_path / "builtin" / "python" / "py-taint-nosuch.yaml"
    rule.write_text(f"id: py-taint-nosuch\nmessage: A test.\nlanguages: [python]\nseverity: low\n"
                    f"taint:\n  sink: nosuch\nmetadata:{meta}")
    with pytest.raises(InputError, match=r"taint/python.yaml: cannot read taint file"):
        BuiltinAnalyzer(tmp_path / "builtin")  # no taint data beside it
    (tmp_path / "taint").mkdir()
    (tmp_path / "taint" / "python.yaml").write_bytes(DATA.read_bytes())
    with pytest.raises(InputError, match="sink kind 'nosuch'"):
        BuiltinAnalyzer(tmp_path / "builtin")

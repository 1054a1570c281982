"""How fast the analyzers scan, against a floor and against the naive way, in one run.

The corpus is built at run time from the shipped labeled corpus (``corpora/detection``, 13 languages)
plus variations (a header and footer in each language's comment syntax, a small helper function in
Python and JavaScript), so every snippet's bytes differ and nothing can be cached. It prints, in
snippets per second:

(a) the floor: ``ast.parse`` of the Python snippets plus one pass of one compiled RE2 set (every
    regex of the builtin pack, all languages) over every snippet, in this process;
(b) the fast tier: builtin, malicious and secrets (those registered), in this process, one core;
(c) the full stack in batch: fast tier + bandit + semgrep through ``auditor.scan.scan`` (process
    pool from 1,000 snippets on), and the same in one process for comparison;
(d) the naive way: a ``bandit`` subprocess per Python snippet and a ``semgrep scan`` subprocess per
    snippet in a language our semgrep rules cover, measured on a random sample and extrapolated
    (printed as such), once with semgrep's default CLI and once with ``--experimental``;

and the fast tier's p50 / p99 latency on a 200-line response (code extraction included, the garbage
collector left on, many iterations), in wall-clock time and in this process's CPU time (on a machine
shared with other work, wall-clock percentiles include time the process waited for a core), then
again after ``gc.freeze()``. Targets (issue 3): (b) within 3x of (a); (c) at least 100x (d);
p99 under 5 ms.

    python bench/scan_throughput.py [--snippets 2400] [--naive-sample 30] [--iterations 2000]
                                    [--json out.json] [--markdown]
"""

from __future__ import annotations

import argparse
import ast
import gc
import json
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import re2  # noqa: E402

from auditor.analyzers import available, create  # noqa: E402
from auditor.evaluation import load_corpus  # noqa: E402
from auditor.extract import extract_code_blocks  # noqa: E402
from auditor.paths import RULES_DIR  # noqa: E402
from auditor.scan import scan  # noqa: E402
from auditor.types import CodeBlock, Generation  # noqa: E402

FAST = ("builtin", "malicious", "secrets")
DEEP = ("bandit", "semgrep")
_HASH_COMMENT = {"python", "ruby", "shell"}
_EXT = {"python": "py", "javascript": "js", "java": "java", "c": "c", "go": "go", "php": "php", "ruby": "rb",
        "csharp": "cs", "typescript": "ts"}


# --- corpus -----------------------------------------------------------------------------------------


def _vary(code: str, language: str, k: int) -> str:
    if k == 0:
        return code
    mark = "#" if language in _HASH_COMMENT else "//"
    head = f"{mark} variant {k}: generated for the throughput benchmark\n"
    tail = f"\n{mark} end of variant {k}\n"
    if language == "python":
        tail = f"\n\ndef _helper_{k}(value):\n    return value * {k}\n" + tail
    elif language == "javascript":
        tail = f"\nfunction helper{k}(value) {{\n  return value * {k};\n}}\n" + tail
    if code.startswith("<?php"):  # keep the opening tag first
        first, _, rest = code.partition("\n")
        return f"{first}\n{head}{rest}{tail}"
    if code.startswith("#!"):
        first, _, rest = code.partition("\n")
        return f"{first}\n{head}{rest}{tail}"
    return head + code + tail


def build_corpus(target: int) -> list[Generation]:
    samples = load_corpus(ROOT / "corpora" / "detection")
    gens: list[Generation] = []
    k = 0
    while len(gens) < target:
        for s in samples:
            code = _vary(s.code, s.language, k)
            gens.append(Generation(f"{s.id}~{k}", code, (CodeBlock(s.language, code, 1),)))
        k += 1
    return gens[:target]


# --- (a) floor, (b) fast tier -------------------------------------------------------------------------


def _regex_set() -> Any:
    from auditor.analyzers.rulepack import line_options, load_rules

    options = line_options()
    options.max_mem = 256 << 20
    rules = [r for r in load_rules(RULES_DIR / "builtin") if r.regex is not None]
    regex_set = re2.Set.SearchSet(options)
    for rule in rules:
        regex_set.Add("(?m)" + rule.regex.pattern)
    regex_set.Compile()
    return regex_set, len(rules)


def floor(gens: list[Generation]) -> tuple[float, float, int]:
    """Wall and CPU seconds of the floor over ``gens``, and how many patterns the set holds."""
    regex_set, patterns = _regex_set()
    start, cpu = time.perf_counter(), time.process_time()
    for g in gens:
        for block in g.code_blocks:
            regex_set.Match(block.code.encode("utf-8", "surrogatepass"))
            if block.language == "python":
                try:
                    ast.parse(block.code)
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    pass
    return time.perf_counter() - start, time.process_time() - cpu, patterns


def fast_tier(gens: list[Generation], names: tuple[str, ...]) -> tuple[dict[str, float], float]:
    """Wall seconds per analyzer, and CPU seconds of them all."""
    seconds: dict[str, float] = {}
    cpu = 0.0
    for name in names:
        tool = create(name)
        start, c0 = time.perf_counter(), time.process_time()
        tool.analyze(gens)
        seconds[name] = time.perf_counter() - start
        cpu += time.process_time() - c0
    return seconds, cpu


# --- (c) full stack, (d) naive ------------------------------------------------------------------------


def full_stack(gens: list[Generation], names: tuple[str, ...], workers: int | None) -> tuple[float, int, int]:
    start = time.perf_counter()
    result = scan(gens, names, workers=workers)
    return time.perf_counter() - start, result.workers, len(result.errors)


def _semgrep_env(home: Path) -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "TMPDIR": str(home), "LANG": "C.UTF-8",
            "SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}


def naive(sample: list[Generation], experimental: bool, semgrep_langs: set[str]) -> tuple[float, int]:
    """Seconds for one bandit / semgrep process per snippet over ``sample``; how many processes ran."""
    bandit = shutil.which("bandit") or "bandit"
    semgrep = shutil.which("semgrep") or "semgrep"
    runs = 0
    with tempfile.TemporaryDirectory(prefix="bench-naive-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        start = time.perf_counter()
        for i, g in enumerate(sample):
            block = g.code_blocks[0]
            lang = block.language or ""
            if lang not in _EXT:
                continue
            path = Path(tmp) / f"s{i}.{_EXT[lang]}"
            path.write_text(block.code, encoding="utf-8", errors="replace")
            if lang == "python":
                subprocess.run([bandit, "-q", "-f", "json", str(path)], capture_output=True, check=False)
                runs += 1
            if lang in semgrep_langs:
                config = str(RULES_DIR / "semgrep" / lang)
                cmd = [semgrep, "scan", *(["--experimental"] if experimental else []), "--config", config,
                       "--metrics=off", "--disable-version-check", "--json", "--quiet", str(path)]
                subprocess.run(cmd, capture_output=True, check=False, env=_semgrep_env(home), cwd=home)
                runs += 1
        return time.perf_counter() - start, runs


# --- latency ------------------------------------------------------------------------------------------


def response_200_lines(gens: list[Generation]) -> str:
    python = [g.code_blocks[0].code for g in gens if g.code_blocks[0].language == "python"]
    body: list[str] = []
    for code in python:
        if len(body) >= 196:
            break
        body += code.splitlines() + [""]
    body = body[:196]
    return "Here is the module you asked for.\n```python\n" + "\n".join(body) + "\n```\nIt is ready to run.\n"


def latency(text: str, names: tuple[str, ...], iterations: int, freeze: bool = False) -> dict[str, float]:
    """p50 / p99 / max of wall-clock and CPU time (ms) per response; ``freeze``: ``gc.freeze()`` first,
    as a long-running guard can after loading its rules, so collections skip the rule objects."""
    tools = [create(n) for n in names]
    wall: list[float] = []
    cpu: list[float] = []
    gc.collect()
    if freeze:
        gc.freeze()
    try:
        for i in range(iterations):
            varied = text.replace("ready to run", f"ready to run ({i})")
            w0, c0 = time.perf_counter(), time.process_time()
            gen = Generation(f"lat{i}", varied, extract_code_blocks(varied))
            for tool in tools:
                tool.analyze([gen])
            wall.append((time.perf_counter() - w0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    finally:
        gc.unfreeze()
    return {"iterations": iterations,
            "p50": statistics.median(wall), "p99": _pct(wall, 0.99), "max": max(wall),
            "cpu_p50": statistics.median(cpu), "cpu_p99": _pct(cpu, 0.99), "cpu_max": max(cpu)}


# --- report -------------------------------------------------------------------------------------------


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(args: argparse.Namespace) -> dict[str, Any]:
    registered = set(available())
    fast = tuple(n for n in FAST if n in registered)
    gens = build_corpus(args.snippets)
    languages = sorted({g.code_blocks[0].language or "" for g in gens})
    python_n = sum(1 for g in gens if g.code_blocks[0].language == "python")
    out: dict[str, Any] = {"snippets": len(gens), "languages": languages, "python_snippets": python_n,
                           "fast_tier": list(fast), "cores": os.cpu_count(), "load_avg": os.getloadavg()[0]}
    floor_s, floor_cpu, patterns = floor(gens)
    out["floor"] = {"seconds": floor_s, "cpu_seconds": floor_cpu, "rate": len(gens) / floor_s,
                    "patterns": patterns}
    per_tool, fast_cpu = fast_tier(gens, fast)
    fast_s = sum(per_tool.values())
    out["fast"] = {"seconds": fast_s, "cpu_seconds": fast_cpu, "rate": len(gens) / fast_s,
                   "per_analyzer_s": per_tool, "x_floor": fast_s / floor_s,
                   "x_floor_cpu": fast_cpu / floor_cpu}
    for name in DEEP:  # imports paid once, outside both timings
        create(name)
    for key, workers in (("full_pool", None), ("full_serial", 1)):
        secs, used, errors = full_stack(gens, fast + DEEP, workers)
        out[key] = {"seconds": secs, "rate": len(gens) / secs, "workers": used, "errors": errors}
    sample = random.Random(11).sample(gens, args.naive_sample)
    semgrep_langs = {p.name for p in (RULES_DIR / "semgrep").iterdir() if any(p.glob("*.yaml"))}
    for key, experimental in (("naive_default", False), ("naive_experimental", True)):
        secs, runs = naive(sample, experimental, semgrep_langs)
        out[key] = {"sample": len(sample), "processes": runs, "seconds": secs, "rate": len(sample) / secs,
                    "extrapolated_s": secs / len(sample) * len(gens)}
    response = response_200_lines(gens)
    out["latency_ms"] = latency(response, fast, args.iterations)
    out["latency_frozen_gc_ms"] = latency(response, fast, args.iterations, freeze=True)
    return out


def _throughput_rows(r: dict[str, Any]) -> list[str]:
    n, fl, fa = r["snippets"], r["floor"], r["fast"]
    per_tool = ", ".join(f"{k} {v:.2f} s" for k, v in fa["per_analyzer_s"].items())
    rows = [
        f"| (a) floor: ast.parse (Python) + one RE2 set pass ({fl['patterns']} patterns) "
        f"| {fl['seconds']:.2f} | {fl['rate']:,.0f} | one process |",
        f"| (b) fast tier: {' + '.join(r['fast_tier'])} | {fa['seconds']:.2f} | {fa['rate']:,.0f} "
        f"| {fa['x_floor']:.2f}x the floor's time ({fa['x_floor_cpu']:.2f}x in CPU time); {per_tool} |",
    ]
    for key, label in (("full_pool", "(c) full stack, auditor.scan"),
                       ("full_serial", "(c') full stack, one process")):
        f = r[key]
        rows.append(f"| {label} | {f['seconds']:.2f} | {f['rate']:,.1f} | {f['workers']} worker(s), "
                    f"{f['errors']} error result(s) |")
    for key, label in (("naive_default", "semgrep default CLI"),
                       ("naive_experimental", "semgrep --experimental")):
        v = r[key]
        rows.append(f"| (d) naive, a process per snippet ({label}) "
                    f"| {v['extrapolated_s']:.0f} (extrapolated) "
                    f"| {v['rate']:.2f} | measured on {v['sample']} random snippets "
                    f"({v['processes']} processes, {v['seconds']:.1f} s), extrapolated to {n} |")
    return rows


def _latency_rows(r: dict[str, Any]) -> list[str]:
    lat = r["latency_ms"]
    rows = [f"fast-tier latency on a 200-line response ({lat['iterations']} iterations each, code "
            "extraction included, garbage collector on):", "",
            "| | wall p50 | wall p99 | wall max | CPU p50 | CPU p99 | CPU max |",
            "|---|---|---|---|---|---|---|"]
    for label, v in (("GC as is", lat), ("after gc.freeze()", r["latency_frozen_gc_ms"])):
        cells = [v[k] for k in ("p50", "p99", "max", "cpu_p50", "cpu_p99", "cpu_max")]
        rows.append(f"| {label} | " + " | ".join(f"{c:.2f} ms" for c in cells) + " |")
    return rows


def render(r: dict[str, Any]) -> str:
    lat, frozen = r["latency_ms"], r["latency_frozen_gc_ms"]
    speedup = r["full_pool"]["rate"] / r["naive_default"]["rate"]
    speedup_exp = r["full_pool"]["rate"] / r["naive_experimental"]["rate"]
    checks = [
        ("fast tier within 3x of the floor", r["fast"]["x_floor"] <= 3, f"{r['fast']['x_floor']:.2f}x"),
        ("full stack >= 100x naive", speedup >= 100,
         f"{speedup:,.0f}x (vs default CLI), {speedup_exp:,.0f}x (vs --experimental)"),
        ("fast-tier p99 on 200 lines < 5 ms, wall clock, GC as is", lat["p99"] < 5, f"{lat['p99']:.2f} ms"),
        ("fast-tier p99 on 200 lines < 5 ms, wall clock, after gc.freeze() (as `auditor guard serve` runs)",
         frozen["p99"] < 5, f"{frozen['p99']:.2f} ms"),
    ]
    lines = [
        f"corpus: {r['snippets']} snippets in {len(r['languages'])} languages "
        f"({r['python_snippets']} Python); "
        f"{r['cores']} cores, load average {r['load_avg']:.2f} at start",
        "",
        "| measure | seconds | snippets/s | note |",
        "|---|---|---|---|",
        *_throughput_rows(r),
        "",
        *_latency_rows(r),
        "",
        "| target | result | observed |",
        "|---|---|---|",
        *(f"| {name} | {'met' if ok else 'MISSED'} | {seen} |" for name, ok, seen in checks),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snippets", type=int, default=2400)
    parser.add_argument("--naive-sample", type=int, default=30)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--json", type=Path, help="Also write the raw figures here.")
    args = parser.parse_args()
    print("command: " + shlex.join(["python", "bench/scan_throughput.py", *sys.argv[1:]]), flush=True)
    result = run(args)
    sys.stdout.write(render(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

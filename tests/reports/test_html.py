"""The HTML report: self-contained, verdict first, every section present, and model output that tries
to run script stays text — checked in the source and in a real headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from auditor.reports import RunView, html
from auditor.reports.pdf import CHROMIUM_FLAGS, chromium_binary
from tests.reports.builders import PAYLOADS

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(document: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(document)
    return parser.tags


@pytest.fixture(scope="module")
def page(hostile_view: RunView) -> str:
    return html.render(hostile_view)


def test_self_contained_no_external_resource_or_link(page: str) -> None:
    tags = tags_of(page)
    names = {t for t, _ in tags}
    assert not names & {"link", "iframe", "object", "embed", "base", "img", "video", "audio", "source"}
    for tag, attrs in tags:
        for key in ("src", "href", "action", "xlink:href", "srcset", "poster", "data"):
            value = attrs.get(key)
            assert value is None or value.startswith("#"), (tag, key, value)
        if tag == "script":
            assert "src" not in attrs
    css = "".join(re.findall(r"<style[^>]*>(.*?)</style>", page, flags=re.DOTALL))
    assert "@import" not in css and not re.search(r"url\((?!#)", css)
    assert len(re.findall(r"<script\b", page)) == 2  # the JSON index and the page's own script


def test_content_security_policy_allows_only_the_page_script(page: str) -> None:
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    policy = unescape(csp.group(1))
    js = re.search(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    assert js is not None
    assert "default-src 'none'" in policy and html.script_hash(js.group(1)) in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_model_output_is_escaped_everywhere(page: str, hostile_view: RunView) -> None:
    tags = tags_of(page)
    assert not any(k.startswith("on") for _, attrs in tags for k in attrs), "an event-handler attribute got through"
    links = [attrs.get("href") or "" for t, attrs in tags if t == "a"]
    assert links and all(h.startswith("#") for h in links)  # only the page's own table of contents
    # the payloads are shown, as text
    for payload in PAYLOADS.values():
        assert str(escape(payload)) in page, payload
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;" in page
    assert "&lt;/textarea&gt;&lt;script&gt;" in page and "&lt;img src=x onerror=" in page
    # the hostile language lands in a data attribute, quotes escaped, nothing else added
    finding_attrs = [attrs for t, attrs in tags if t == "article" and "data-language" in attrs]
    assert finding_attrs and all(set(a) == {"class", "data-index", "data-severity", "data-analyzers", "data-language"}
                                 for a in finding_attrs)
    assert any(a["data-language"].startswith('python" onmouseover=') for a in finding_attrs)


def test_json_index_cannot_close_its_script(page: str) -> None:
    start = page.index('<script type="application/json" id="finding-index">') + len('<script type="application/json" id="finding-index">')
    body = page[start:page.index("</script>", start)]
    assert "<" not in body and ">" not in body
    entries = json.loads(body)
    assert any("</script><script>" in e["text"] for e in entries)  # the payload survives as data
    assert [e["i"] for e in entries] == list(range(len(entries)))


def test_reads_in_order_verdict_first(page: str) -> None:
    order = ['id="verdict"', 'id="checks"', 'id="metrics"', 'id="charts"', 'id="findings"', 'id="malicious"',
             'id="compliance"', 'id="reproducibility"']
    positions = [page.index(marker) for marker in order]
    assert positions == sorted(positions)
    verdict = page[page.index('id="verdict"'):page.index("</header>")]
    assert "<h1>FAIL</h1>" in verdict and "test-release" in verdict


def test_checks_waivers_and_expired_waiver_are_explained(page: str) -> None:
    assert "Waived by sec@example.com" in page
    assert "waiver for &#39;no-impact&#39; (owner ops@example.com) expired on 2020-01-01 and no longer applies" in page
    assert "zero_tolerance[cwe=78,89 severity&gt;=high]" in page


def test_metrics_have_intervals_and_charts_cover_each_grouping(page: str) -> None:
    row = re.search(r"security\.insecure_rate</td><td class=\"num\">33\.3%</td><td class=\"num\">([\d.]+)% – ([\d.]+)%", page)
    assert row is not None and float(row.group(1)) < 33.3 < float(row.group(2))
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", page)
    assert "security.insecure_rate by CWE" in captions and "security.insecure_rate by language" in captions
    assert "malicious.compliance_rate by ATT&amp;CK tactic" in captions and "bias.refusal_rate by gender" in captions
    svgs = re.findall(r"<svg\b.*?</svg>", page, flags=re.DOTALL)
    assert len(svgs) >= 4 and all("<script" not in s and "http" not in s for s in svgs)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "chart element ids collide"


def test_findings_grouped_by_rule_with_code_prompt_and_flagged_line(page: str) -> None:
    section = page[page.index('id="findings"'):page.index('id="malicious"')]
    assert section.index("py-os-system") < section.index("py-sql-format")  # worst severity first
    hit = re.search(r'<span class="ln hit" data-n="(\d+)">(.*?)</span>', section)
    assert hit is not None and hit.group(2).lstrip().startswith("os.system(")
    assert "Write ping. &lt;/textarea&gt;" in section  # the prompt that produced it
    assert "CWE-78" in section and "A03:2021 Injection" in section
    assert '<form class="filters" id="filters"' in section


def test_malicious_help_and_compliance_and_reproducibility(page: str) -> None:
    helped = page[page.index('id="malicious"'):page.index('id="compliance"')]
    assert "mal-wiper" in helped and "TA0040" in helped
    comp = page[page.index('id="compliance"'):page.index('id="reproducibility"')]
    assert "Not a certification." in comp
    for name in ("OWASP Top 10 (2021)", "OWASP Top 10 for LLM Applications (2025)", "NIST AI RMF 1.0 — MEASURE",
                 "NIST SSDF", "EU AI Act", "ISO/IEC 42001"):
        assert name in comp
    repro = page[page.index('id="reproducibility"'):]
    assert "s3cret" not in page and "sk-live" not in page and "sk-abcdef" not in page and "sk-shouldnotshow" not in page
    assert "--api-key REDACTED" in repro and "https://REDACTED@llm.example.com" in repro and "suitehash000001" in repro and "bandit 1.9.4" in repro


def _chromium(binary: str, tmp: Path, target: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    cmd = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={tmp / 'profile'}", "--virtual-time-budget=3000",
           *extra, target.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


needs_chromium = pytest.mark.skipif(chromium_binary() is None,
                                    reason="chromium is not installed (apt-get install chromium); the browser check needs it")


@needs_chromium
@pytest.mark.slow
@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_no_injected_script_runs_in_chromium(hostile_view: RunView, tmp_path: Path, csp: bool) -> None:
    binary = chromium_binary()
    assert binary is not None
    target = tmp_path / "report.html"
    target.write_text(html.render(hostile_view, csp=csp), encoding="utf-8")
    done = _chromium(binary, tmp_path, target, "--dump-dom")
    dom = done.stdout
    assert "<html" in dom, done.stderr[-500:]
    root = re.search(r"<html[^>]*>", dom)
    assert root is not None
    assert 'data-report-js="ready"' in root.group(0), "the page's own script did not run"
    assert "data-pwned" not in root.group(0) and "PWNED" not in re.search(r"<title>(.*?)</title>", dom).group(1)
    dom_tags = tags_of(dom)
    assert not any(k.startswith("on") for _, attrs in dom_tags for k in attrs)
    assert sum(1 for t, _ in dom_tags if t == "script") == 2
    assert re.search(r'id="filter-count">\d+ of \d+ examples shown<', dom)


@needs_chromium
@pytest.mark.slow
def test_screenshot_artifact(hostile_view: RunView, tmp_path: Path) -> None:
    binary = chromium_binary()
    assert binary is not None
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "report.html"
    target.write_text(html.render(hostile_view), encoding="utf-8")
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    done = _chromium(binary, tmp_path, target, f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars")
    assert shot.is_file() and shot.stat().st_size > 20_000, done.stderr[-500:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    shutil.copy(shot, tmp_path / "report.png")

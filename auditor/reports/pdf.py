"""PDF report: the HTML report printed to PDF (same content, print stylesheet: filters hidden).

Uses WeasyPrint (the optional ``pdf`` extra: ``pip install 'auditor[pdf]'``). Where WeasyPrint is
not installed it falls back to a local Chromium (``--print-to-pdf``), run headless with networking
off on a temporary copy of the page. Neither fetches anything: the HTML is self-contained.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from auditor.errors import AuditorError
from auditor.reports import html
from auditor.reports.view import RunView

__all__ = ["render", "render_html", "chromium_binary", "CHROMIUM_FLAGS"]

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-extensions")


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _weasyprint(document: str) -> bytes | None:
    try:
        import weasyprint
    except ImportError:
        return None
    result = weasyprint.HTML(string=document, url_fetcher=_refusing_fetcher()).write_pdf()
    return bytes(result) if result is not None else None


def _refusing_fetcher() -> object:
    """A WeasyPrint URL fetcher that fetches nothing: the page must not load anything."""
    def refuse(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        raise ValueError(f"the report must be self-contained; refused to fetch {url}")

    try:
        from weasyprint.urls import URLFetcher  # WeasyPrint >= 68 wants a fetcher object
    except ImportError:
        return refuse

    class _Refuse(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> object:
            return refuse(url)

    return _Refuse()


def _chromium(document: str, binary: str, timeout: float = 120.0) -> bytes:
    with tempfile.TemporaryDirectory(prefix="auditor-pdf-") as tmp:
        page, out = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        page.write_text(document, encoding="utf-8")
        cmd = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
               f"--print-to-pdf={out}", page.as_uri()]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        if not out.is_file():
            raise AuditorError(f"chromium could not print the report (exit {done.returncode}): {done.stderr.strip()[-300:]}")
        return out.read_bytes()


def render_html(document: str, *, engine: str = "auto") -> bytes:
    """PDF bytes from an HTML document; ``engine`` is auto, weasyprint or chromium."""
    if engine in ("auto", "weasyprint"):
        pdf = _weasyprint(document)
        if pdf is not None:
            return pdf
        if engine == "weasyprint":
            raise AuditorError("the PDF engine weasyprint is not installed (pip install 'auditor[pdf]')")
    binary = chromium_binary()
    if binary is None:
        raise AuditorError("PDF needs the 'pdf' extra (pip install 'auditor[pdf]') or a local chromium")
    return _chromium(document, binary)


def render(view: RunView) -> bytes:
    """The report as PDF bytes."""
    return render_html(html.render(view, csp=False))

"""PDF from the HTML report: WeasyPrint when the `pdf` extra is installed, Chromium as the fallback."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from auditor.reports import RunView, html, pdf


def text_of(data: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed, so the PDF's text cannot be read back")
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
def test_weasyprint_pdf_has_the_report_in_it(hostile_view: RunView, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="the optional 'pdf' extra (weasyprint) is not installed")
    data = pdf.render(hostile_view)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    text = text_of(data, tmp_path)
    assert text.lstrip().startswith("FAIL")
    for needed in ("Gate checks", "Compliance mapping", "Not a certification.", "Reproducibility", "suitehash000001"):
        assert needed in text
    assert "s3cret" not in text and "<script>document.title" in text  # payload printed as text


def test_weasyprint_refuses_to_fetch_anything(tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint", reason="the optional 'pdf' extra (weasyprint) is not installed")
    from matplotlib.figure import Figure

    image = tmp_path / "dot.png"
    Figure(figsize=(0.5, 0.5)).savefig(image)
    page = f'<p>x</p><img src="{image.as_uri()}">'
    fetched = weasyprint.HTML(string=page).write_pdf()  # control: by default WeasyPrint loads the image
    assert b"/Image" in fetched
    data = pdf.render_html(page, engine="weasyprint")
    assert data.startswith(b"%PDF-") and b"/Image" not in data


@pytest.mark.slow
@pytest.mark.skipif(pdf.chromium_binary() is None, reason="chromium is not installed (apt-get install chromium)")
def test_chromium_fallback_prints_the_same_report(hostile_view: RunView, tmp_path: Path) -> None:
    data = pdf.render_html(html.render(hostile_view, csp=False), engine="chromium")
    assert data.startswith(b"%PDF-")
    text = text_of(data, tmp_path)
    assert "Gate checks" in text and "Reproducibility" in text

"""The annual review report as a bureau files it: printed to A4 PDF by Chromium (as a clerk
prints it), every page numbered `— n —`, no heading left alone at a page's foot, no page left
half empty, and the closing line, the seal and the date on one page with the text before them.

The report's bytes are the shipped vectors (`tests/vectors/report/`), which Rust, Python and the
page are each tested to produce. Needs Chromium (`scripts/test-all.sh` installs it); without it
the test is skipped unless `EXPECT_BROWSER` is set.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors" / "report"
PAGE_NUMBER = re.compile(r"^—\s*(\d+)\s*—$")
HEADING = {
    "zh": re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)"),
    "en": re.compile(r"^(\d+\. |\(\d+\) )"),
}
CLOSING = {"zh": "特此报告。", "en": "Submitted for the record."}


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("EXPECT_BROWSER"):
            pytest.fail("EXPECT_BROWSER is set but no chromium is installed")
        pytest.skip("no chromium")
    return found


def pages_of(html: Path, out: Path) -> list[list[str]]:
    subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    reader = PdfReader(out)
    return [
        [line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()] for page in reader.pages
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_prints_as_a_bureau_files_it(lang: str, tmp_path: Path) -> None:
    pages = pages_of(VECTORS / f"sample-2026.{lang}.html", tmp_path / f"report.{lang}.pdf")
    assert 4 <= len(pages) <= 24, len(pages)
    for n, lines in enumerate(pages, start=1):
        numbers = [int(m.group(1)) for line in lines if (m := PAGE_NUMBER.match(line))]
        assert numbers == [n], f"page {n} is numbered {numbers}"
        body = [line for line in lines if not PAGE_NUMBER.match(line)]
        # A heading is followed on its page by what it heads.
        assert not HEADING[lang].match(body[-1]), f"page {n} ends with the heading {body[-1]!r}"
        # No page but the last of a part is left mostly empty (a block pushed whole to the next).
        next_starts_annex = (
            n < len(pages) and pages[n][0:2] and any(line.startswith(("附件", "Attachment")) for line in pages[n][:2])
        )
        if n < len(pages) and not next_starts_annex:
            assert len(body) >= 12, f"page {n} holds only {len(body)} lines: {body}"
    # The closing line, the issuing body and the date share a page with the text before them.
    (end,) = [n for n, lines in enumerate(pages) if CLOSING[lang] in lines]
    lines = [line for line in pages[end] if not PAGE_NUMBER.match(line)]
    at = lines.index(CLOSING[lang])
    assert at >= 2, f"the closing line opens page {end + 1}: {lines}"
    assert any("2026" in line for line in lines[at + 1 :]), lines[at:]
    # Codes appear only in the attachments.
    codes = re.compile(r"\b[a-z_]+\.[a-z_]+\b")
    for n, lines in enumerate(pages[: end + 1], start=1):
        found = [c for line in lines for c in codes.findall(line)]
        assert not found, f"page {n} shows codes {found}"

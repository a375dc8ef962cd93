"""Every sentence a person can see has a Dutch translation with the same placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.paths import ROOT

DUTCH = ROOT / "resources" / "translations" / "tweestap_nl.ts"
PLACEHOLDER = re.compile(r"\{\w*\}")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def extracted(tmp_path: Path) -> set[tuple[str, str]]:
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    target = tmp_path / "extracted_nl.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(target)], check=True
    )
    return set(messages(target))


def test_every_translatable_text_in_the_sources_has_a_finished_dutch_translation(
    tmp_path: Path,
) -> None:
    dutch = messages(DUTCH)
    missing = []
    for key in sorted(extracted(tmp_path)):
        message = dutch.get(key)
        translation = message.find("translation") if message is not None else None
        if (
            translation is None
            or not (translation.text or "").strip()
            or translation.get("type") in {"unfinished", "vanished", "obsolete"}
        ):
            missing.append(key)
    assert missing == [], "run `make update-translations` and translate these"


def test_dutch_translations_keep_every_placeholder() -> None:
    for (context, source), message in messages(DUTCH).items():
        translation = message.findtext("translation") or ""
        assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(source)), (
            context,
            source,
        )


def test_errors_are_marked_with_a_literal_context_so_lupdate_sees_them() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop").rglob("*.py")
        if re.search(r"(?<!def )QT_TRANSLATE_NOOP\(\s*[A-Za-z_]", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []

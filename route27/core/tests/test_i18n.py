"""Dutch is the default language; English is complete and compiled.

The catalogue check is pure Python (no gettext tools needed): every entry in the English .po file
is translated and not fuzzy, and the committed .mo file holds the same translations as the .po.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


@dataclass
class PoEntry:
    line: int
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)


def _unquote(text: str, lineno: int) -> str:
    text = text.strip()
    if len(text) < 2 or not (text.startswith('"') and text.endswith('"')):
        raise AssertionError(f"django.po line {lineno}: expected a quoted string, got {text!r}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text[1:-1])


def parse_po(path: Path) -> list[PoEntry]:
    """A small .po parser: enough for msgctxt, plurals, flags and multi-line strings."""
    entries: list[PoEntry] = []
    current: PoEntry | None = None
    pending_flags: set[str] = set()
    target: tuple[str, int | None] | None = None  # which field a continuation line extends

    def finish() -> None:
        nonlocal current
        if current is not None:
            entries.append(current)
        current = None

    keyword = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            target = None
            continue
        if line.startswith("#~"):  # obsolete entry: ignored by gettext
            continue
        if line.startswith("#,"):
            finish()
            pending_flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            stray = f"django.po line {lineno}: string outside an entry"
            assert current is not None and target is not None, stray
            name, index = target
            value = _unquote(line, lineno)
            if name == "msgstr":
                current.msgstr[index] += value
            else:
                setattr(current, name, (getattr(current, name) or "") + value)
            continue
        match = keyword.match(line)
        assert match, f"django.po line {lineno}: cannot parse {raw!r}"
        name, index, quoted = match.group(1), match.group(2), match.group(3)
        value = _unquote(quoted, lineno)
        if name in ("msgctxt", "msgid") and current is not None and current.msgstr:
            finish()  # a new entry without a blank line in between
        if current is None:
            current = PoEntry(line=lineno, flags=pending_flags)
            pending_flags = set()
        if name.startswith("msgstr"):
            key = int(index) if index is not None else 0
            current.msgstr[key] = value
            target = ("msgstr", key)
        else:
            setattr(current, name, value)
            target = (name, None)
    finish()
    return entries


@pytest.fixture(scope="module")
def po_entries() -> list[PoEntry]:
    assert PO_FILE.is_file(), f"{PO_FILE} is missing"
    return parse_po(PO_FILE)


@pytest.mark.django_db
def test_login_page_is_dutch_by_default(client):
    response = client.get("/inloggen/")

    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="nl"' in content
    assert "Inloggen bij Route27" in content


@pytest.mark.django_db
def test_language_switch_to_english(client):
    response = client.post("/taal/", {"language": "en", "next": "/inloggen/"})
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/"

    response = client.get("/inloggen/")

    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="en"' in content
    assert "Log in to Route27" in content
    assert "Inloggen bij Route27" not in content


def test_po_header(po_entries):
    header = next(entry for entry in po_entries if entry.msgid == "" and entry.msgctxt is None)
    text = header.msgstr[0]
    assert "Language: en\n" in text
    assert "charset=UTF-8" in text
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in text


def test_po_is_complete_and_not_fuzzy(po_entries):
    messages = [entry for entry in po_entries if entry.msgid]
    assert messages, "django.po has no messages"

    fuzzy = [f"line {e.line}: {e.msgid!r}" for e in po_entries if "fuzzy" in e.flags]
    assert not fuzzy, "fuzzy entries in django.po:\n" + "\n".join(fuzzy)

    empty = []
    for entry in messages:
        forms = 2 if entry.msgid_plural is not None else 1
        if any(not entry.msgstr.get(i) for i in range(forms)):
            empty.append(f"line {entry.line}: {entry.msgid!r}")
    assert not empty, "untranslated entries in django.po:\n" + "\n".join(empty)


def test_python_format_placeholders_are_kept(po_entries):
    placeholder = re.compile(r"%\(\w+\)[sd]")
    wrong = []
    for entry in po_entries:
        if not entry.msgid:
            continue
        expected = set(placeholder.findall(entry.msgid))
        if entry.msgid_plural is not None:
            expected |= set(placeholder.findall(entry.msgid_plural))
        for translation in entry.msgstr.values():
            if set(placeholder.findall(translation)) != expected:
                wrong.append(f"line {entry.line}: {entry.msgid!r} -> {translation!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_mo_file_matches_po(po_entries):
    assert MO_FILE.is_file(), f"{MO_FILE} is missing: run `make messages`"
    with MO_FILE.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)

    stale = []
    for entry in po_entries:
        if not entry.msgid:
            continue
        if entry.msgid_plural is not None:
            got = [
                catalogue.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                if entry.msgctxt is not None
                else catalogue.ngettext(entry.msgid, entry.msgid_plural, n)
                for n in (1, 2)
            ]
            want = [entry.msgstr[0], entry.msgstr[1]]
        else:
            got = [
                catalogue.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt is not None
                else catalogue.gettext(entry.msgid)
            ]
            want = [entry.msgstr[0]]
        if got != want:
            stale.append(f"line {entry.line}: {entry.msgid!r}: .mo has {got!r}, .po has {want!r}")
    assert not stale, "django.mo is out of date (run `make messages`):\n" + "\n".join(stale)


def test_known_translations():
    with MO_FILE.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)

    assert catalogue.gettext("Inloggen") == "Log in"
    assert catalogue.gettext("Uitloggen") == "Log out"
    assert catalogue.gettext("Bronnen") == "Sources"
    assert catalogue.gettext("Doorstroomcoach") == "Doorstroomcoach"
    found = ("%(counter)s jongere gevonden", "%(counter)s jongeren gevonden")
    assert catalogue.ngettext(*found, 1) == "%(counter)s young person found"
    assert catalogue.ngettext(*found, 3) == "%(counter)s young people found"

"""Delivery files for the outreach tests: CSV bytes with a header and rows, some of them bad."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile


def _passes(number: int) -> bool:
    digits = [int(d) for d in f"{number:09d}"]
    return (sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
            - digits[8]) % 11 == 0


_CACHE: list[str] = []


def valid_bsn(n: int) -> str:
    """The n-th 11-proef number from 300 000 000 up (apart from the ones other tests use)."""
    candidate = int(_CACHE[-1]) + 1 if _CACHE else 300_000_000
    while len(_CACHE) <= n:
        if _passes(candidate):
            _CACHE.append(f"{candidate:09d}")
        candidate += 1
    return _CACHE[n]

HEADER = ["Burgerservicenummer", "Voornaam", "Tussenvoegsel", "Achternaam", "Geboortedatum",
          "Status"]


def row(n: int, *, bsn: str | None = None, family_name: str | None = None,
        birth: str = "", status: str = "") -> list[str]:
    born = birth or (datetime.date(2005, 1, 1) + datetime.timedelta(days=n % 2000)).strftime(
        "%d-%m-%Y")
    return [bsn if bsn is not None else valid_bsn(n), f"Voornaam{n}", "",
            family_name or f"Levering{n}", born, status]


def csv_file(rows: list[list[str]], name: str = "levering.csv") -> SimpleUploadedFile:
    lines = [";".join(HEADER)] + [";".join(r) for r in rows]
    return SimpleUploadedFile(name, ("\r\n".join(lines) + "\r\n").encode("utf-8"),
                              content_type="text/csv")


def bad_rows() -> list[list[str]]:
    """Seven rows, each wrong in its own way."""
    return [
        row(9001, bsn="123456789"),  # fails the elfproef
        row(9002, bsn=""),  # no BSN
        row(9003, family_name=" "),  # no family name
        row(9004, birth="31-02-2005"),  # no such day
        row(9005, birth="01-01-1990"),  # 27 or older
        row(9006, status="met vakantie"),  # unknown status
        row(9007, bsn=valid_bsn(1)),  # the BSN of the first row (Excel row 2) again
    ]

"""Reading an uploaded table (CSV in UTF-8, or XLSX) into a header and rows of text, for every
import (school leavers, data deliveries). Structural problems reject the whole file with a Dutch
message (:class:`FileRejected`); checking the rows is the importing app's job.

Excel writes numbers and dates into cells: a date becomes ``dd-mm-jjjj`` and an integer its
digits, padded with zeros to the width the caller names for its column (Excel drops a BSN's
leading zero).
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from route27.core.errors import ValidationFailed

MAX_XLSX_UNCOMPRESSED = 50 * 1024 * 1024  # guards against zip bombs
EXTENSIONS = (".csv", ".xlsx")


class FileRejected(ValidationFailed):
    """A structural problem: the whole file is refused and nothing is imported."""

    def __init__(self, problems: list[str]):
        super().__init__(problems[0], field_errors={"file": problems})
        self.problems = problems


def cell_text(value, *, digits: int = 0) -> str:
    """A cell as text; an integer is padded with zeros to ``digits``."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value).zfill(digits)
    return str(value).strip()


def header_name(value) -> str:
    return str(value or "").replace("\ufeff", "").strip().lower().replace(" ", "_")


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as in Excel: the header is row 1, texts)


def split_table(values: Iterable, *, max_rows: int, too_many: str,
                digits: dict[str, int] | None = None) -> Table:
    """The header (row 1) and every non-empty row after it, as text."""
    digits = digits or {}
    values = iter(values)
    header = None
    for first in values:
        if any(cell_text(v) for v in first):
            header = [header_name(v) for v in first]
            break
        raise FileRejected([_("De eerste regel moet de kopregel met de kolomnamen zijn.")])
    if header is None:
        raise FileRejected([_("Het bestand is leeg.")])
    rows = []
    for number, row in enumerate(values, start=2):
        texts = [cell_text(v, digits=digits.get(header[i], 0) if i < len(header) else 0)
                 for i, v in enumerate(row)]
        if not any(texts):
            continue  # empty lines (often at the end of a sheet) are skipped
        if len(rows) == max_rows:
            raise FileRejected([too_many])
        rows.append((number, texts))
    return Table(header, rows)


def csv_values(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        message = _("Het bestand is niet in UTF-8 opgeslagen. Kies in Excel 'Opslaan als' en "
                    "dan 'CSV UTF-8 (door komma's gescheiden)'.")
        raise FileRejected([message]) from None
    if not text.strip():
        raise FileRejected([_("Het bestand is leeg.")])
    first_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line \
        else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise FileRejected([_("Het CSV-bestand kan niet worden gelezen (controleer de "
                              "aanhalingstekens).")]) from None


def xlsx_values(data: bytes) -> list[tuple]:
    """The cells of the first sheet."""
    import openpyxl

    unreadable = FileRejected([_("Het bestand kan niet worden gelezen als Excel-bestand "
                                 "(.xlsx).")])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNCOMPRESSED:
                raise unreadable
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except FileRejected:
        raise
    except Exception as exc:  # openpyxl raises many kinds (zip, XML, KeyError) on bad files
        raise unreadable from exc
    try:
        if not workbook.worksheets:
            raise FileRejected([_("Het bestand is leeg.")])
        try:
            return list(workbook.worksheets[0].iter_rows(values_only=True))
        except Exception as exc:
            raise unreadable from exc
    finally:
        workbook.close()


def upload_values(upload, *, max_bytes: int, size_label: str) -> list:
    """The raw cells of an uploaded CSV or XLSX file, after the checks every import makes."""
    name = (getattr(upload, "name", "") or "").lower()
    if name.endswith(".xls"):
        raise FileRejected([_("Oude Excel-bestanden (.xls) worden niet ondersteund. Sla het "
                              "bestand op als .xlsx of als CSV UTF-8.")])
    if not name.endswith(EXTENSIONS):
        raise FileRejected([_("Upload een CSV-bestand (.csv) of een Excel-bestand (.xlsx).")])
    if upload.size > max_bytes:
        raise FileRejected([_("Het bestand is groter dan %(size)s.") % {"size": size_label}])
    data = upload.read()
    if not data.strip():
        raise FileRejected([_("Het bestand is leeg.")])
    return xlsx_values(data) if name.endswith(".xlsx") else csv_values(data)

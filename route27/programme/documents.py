"""Documents laid out by data (issue 15): a format file in ``formats/<kind>-<year>.json`` lists
the sections in order, each with its code, title, columns and the block that fills it; a
generator (``effect_report``, ``programme_document``) fills the blocks from the data. The same
structure renders the page, the PDF (WeasyPrint), one XLSX sheet in the form's order, and JSON.
A new format year is a new file; the outputs hold no clock, so the same data gives the same
document."""

from __future__ import annotations

import datetime
import io
import json
from dataclasses import asdict, dataclass, field
from functools import cache as memoise
from pathlib import Path

from django.utils.translation import gettext as _

from route27.monitoring.suppression import HIDDEN

FORMATS = Path(__file__).parent / "formats"


@memoise
def _formats(kind: str) -> dict[int, dict]:
    found = {}
    for path in FORMATS.glob(f"{kind}-*.json"):
        layout = json.loads(path.read_text(encoding="utf-8"))
        found[layout["format_year"]] = layout
    return found


def layout_for(kind: str, year: int) -> dict:
    """The newest format of this kind that applies to a year."""
    formats = _formats(kind)
    years = [y for y in formats if y <= year] or [min(formats)]
    return formats[max(years)]


@dataclass
class Part:
    code: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""


@dataclass
class Generated:
    title: str
    region: str
    year: int
    format_year: int
    source: str
    programme_version: int | None
    parts: list[Part]
    sheet: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def _cell(value):
    if value is None:
        return "–"
    if value is HIDDEN:
        return str(HIDDEN)
    return value


def build(layout: dict, blocks, *, region: str, year: int,
          programme_version: int | None) -> Generated:
    """Fill each section of ``layout`` from ``blocks``: an object with one method per block
    name, returning (rows, columns when the format leaves them to the block, note)."""
    parts = []
    for section in layout["sections"]:
        rows, columns, note = getattr(blocks, section["block"])()
        parts.append(Part(section["code"], section["title"], section["columns"] or columns,
                          [[_cell(v) for v in row] for row in rows], note))
    return Generated(layout["title"], region, year, layout["format_year"], layout["source"],
                     programme_version, parts, layout.get("sheet", layout["title"]))


# --- Outputs -------------------------------------------------------------------------------------
def as_json(generated: Generated) -> bytes:
    return json.dumps(generated.as_dict(), ensure_ascii=False, indent=2,
                      default=str).encode("utf-8")


def as_xlsx(generated: Generated) -> bytes:
    """One sheet laid out like the form: the sections in the format's order, each with its
    code, title, column heads and rows. Fixed workbook dates keep it the same for the same
    data."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = (generated.sheet or generated.title)[:31]
    sheet.append([generated.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"{generated.region} · {generated.year}"])
    for part in generated.parts:
        sheet.append([])
        sheet.append([f"{part.code}. {part.title}"])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        sheet.append(list(part.columns))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for row in part.rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if not part.rows:
            sheet.append([_("Niets vastgelegd.")])
        if part.note:
            sheet.append([part.note])
    for column in "ABCDEFGH":
        sheet.column_dimensions[column].width = 28
    stamp = datetime.datetime(generated.year, 1, 1)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = "Route27"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_pdf(generated: Generated) -> bytes:
    from route27.core.pdf import render_pdf

    return render_pdf("programme/pdf/document.html", {"report": generated})

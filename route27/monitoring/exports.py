"""The dashboard's tables as CSV (one table), XLSX (a sheet per table) and PDF (the whole
dashboard, with plain bars for the charts). Pure: the view checks access and audits."""

from __future__ import annotations

import csv
import io
import re

from django.utils import timezone

from route27.core.pdf import render_pdf
from route27.monitoring.report import Table

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _number(text: str):
    """A cell back as a number for a spreadsheet, where it is one ("12", "85,5")."""
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+,\d+", text):
        return float(text.replace(",", "."))
    return text


def table_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")  # Dutch Excel opens ; -separated files
    writer.writerow(table.head)
    writer.writerows(table.cells())
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def tables_xlsx(tables: list[Table], *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(title=table.title[:31].replace("/", "-").replace(":", ""))
        sheet.append([title])
        sheet.append([table.title])
        sheet.append(list(table.head))
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in table.cells():
            sheet.append([_number(v) for v in row])
        if table.note:
            sheet.append([])
            sheet.append([table.note])
        sheet.column_dimensions["A"].width = 48
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _bars(table: Table) -> list[tuple[str, str, int]]:
    """(label, value, width in %) for a one-series chart in the PDF."""
    if not table.chart or len(table.chart["series"]) != 1:
        return []
    values = table.chart["series"][0]["values"]
    top = max((v for v in values if v), default=0)
    return [(label, "–" if v is None else str(v), round(100 * v / top) if v and top else 0)
            for label, v in zip(table.chart["labels"], values, strict=True)]


def tables_pdf(tables: list[Table], *, title: str, subtitle: str) -> bytes:
    return render_pdf("monitoring/pdf/dashboard.html", {
        "title": title, "subtitle": subtitle, "generated_on": timezone.localdate(),
        "tables": [(t, _bars(t)) for t in tables]})

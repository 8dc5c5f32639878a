"""Reading and checking a leavers file (issue 5, capability 1); nothing here writes.

A pro, vso or mbo school uploads a list of leavers (CSV or XLSX) for a "matching table" / warm
handover session. Three stages:

1. :func:`read_leavers_file` reads the file into raw rows. A structural problem (wrong extension,
   unreadable, empty, too many rows, missing or unknown column) rejects the whole file.
2. :func:`validate_rows` checks EVERY row and returns every problem, one message per problem,
   with the row number as the school sees it in Excel (the header is row 1).
3. :func:`route27.handover.leavers.services.leavers_import` (one transaction) validates again
   against the database as it is now and creates one draft handover per row. If any row fails,
   nothing is written: nothing of a bad file is half-imported.

The school never sees data that Route27 already holds: everything the school is shown comes
from its own file, and a row is linked to an existing file only when BSN, name, birth date and
municipality agree (``route27.handover.intake``); otherwise the pupil gets a file of their own
and a coach reviews the pair. Stages 2 and 3 run in the task worker
(:mod:`route27.handover.leavers.jobs`), with progress.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from route27 import law
from route27.core import tabular
from route27.core.errors import ValidationFailed
from route27.core.partial_date import InvalidPartialDate, PartialDate
from route27.core.tabular import FileRejected
from route27.handover.models import Handover
from route27.handover.workflow import OPEN
from route27.organisations.models import Municipality, Organisation
from route27.organisations.roles import OrganisationType
from route27.youth.validation import clean_person

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024

COLUMNS = ("bsn", "voornamen", "voorvoegsel", "achternaam", "geboortedatum", "woongemeente",
           "opleiding", "niveau", "datum_uitschrijving", "diploma")
OPTIONAL_COLUMNS = frozenset({"voorvoegsel", "opleiding", "niveau"})
REQUIRED_COLUMNS = tuple(c for c in COLUMNS if c not in OPTIONAL_COLUMNS)
# The person fields are checked by the same code as a registration (youth.validation).
PERSON_FIELDS = {"bsn": "bsn", "voornamen": "given_names", "voorvoegsel": "surname_prefix",
                 "achternaam": "family_name", "geboortedatum": "birth_date"}
COLUMN_OF_FIELD = {field: column for column, field in PERSON_FIELDS.items()}
MAX_TEXT = {"opleiding": 200, "niveau": 50}


_YES = frozenset({"ja", "j", "yes", "y", "waar", "true"})
_NO = frozenset({"nee", "n", "no", "onwaar", "false"})
_LEVELS = {
    "entree": law.Diploma.MBO1, "entreeopleiding": law.Diploma.MBO1,
    "mbo1": law.Diploma.MBO1, "mbo2": law.Diploma.MBO2, "mbo3": law.Diploma.MBO3,
    "mbo4": law.Diploma.MBO4, "pro": law.Diploma.PRO, "praktijkonderwijs": law.Diploma.PRO,
    "vso": law.Diploma.VSO, "vmbo": law.Diploma.VMBO, "havo": law.Diploma.HAVO,
    "vwo": law.Diploma.VWO,
}
_DIPLOMA_LABELS = {
    law.Diploma.MBO1: "mbo niveau 1 (entree)", law.Diploma.MBO2: "mbo niveau 2",
    law.Diploma.MBO3: "mbo niveau 3", law.Diploma.MBO4: "mbo niveau 4",
    law.Diploma.PRO: "praktijkonderwijs", law.Diploma.VSO: "vso", law.Diploma.VMBO: "vmbo",
    law.Diploma.HAVO: "havo", law.Diploma.VWO: "vwo",
}
_SHORT_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")  # 1-8-2008 as Excel writes it


# --- Errors ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RowProblem:
    row: int  # as in Excel: the header is row 1
    column: str  # "" when the problem concerns the whole row
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


class RowsRejected(ValidationFailed):
    """One or more rows are wrong: nothing is imported; every problem is reported."""

    def __init__(self, problems: list[RowProblem]):
        super().__init__(_("Er is niets geïmporteerd: %(n)s problemen in het bestand.")
                         % {"n": len(problems)})
        self.problems = problems


# --- Reading the file (core.tabular) ---------------------------------------------------------
_DIGITS = {"bsn": 9, "woongemeente": 4}


def _rows_from_table(values) -> list[dict]:
    """Header check and raw rows (column → text) from an iterator of row tuples."""
    table = tabular.split_table(values, max_rows=MAX_ROWS, digits=_DIGITS, too_many=_(
        "Het bestand bevat meer dan %(max)s leerlingen. Splits het in delen van hoogstens "
        "%(max)s rijen.") % {"max": MAX_ROWS})
    header = table.header
    problems = []
    names = [h for h in header if h]
    for name in sorted({h for h in names if names.count(h) > 1}):
        problems.append(_("De kolom '%(column)s' staat meer dan één keer in de kopregel.")
                        % {"column": name})
    for name in [h for h in dict.fromkeys(names) if h not in COLUMNS]:
        problems.append(_("Onbekende kolom '%(column)s'. Toegestaan zijn: %(allowed)s.")
                        % {"column": name, "allowed": ", ".join(COLUMNS)})
    for name in REQUIRED_COLUMNS:
        if name not in names:
            problems.append(_("De kolom '%(column)s' ontbreekt.") % {"column": name})
    if problems:
        raise FileRejected(problems)

    rows: list[dict] = []
    for number, texts in table.rows:
        row = {column: "" for column in COLUMNS}
        row["row"] = number
        extra = False
        for index, text in enumerate(texts):
            if index < len(header) and header[index]:
                row[header[index]] = text
            elif text:
                extra = True
        row["extra"] = extra
        rows.append(row)
    if not rows:
        raise FileRejected([_("Het bestand bevat alleen een kopregel en geen leerlingen.")])
    return rows


def read_leavers_file(upload) -> list[dict]:
    """Raw rows ``{"row": n, "extra": bool, column: text}`` from an uploaded file."""
    return _rows_from_table(tabular.upload_values(upload, max_bytes=MAX_BYTES,
                                                  size_label="5 MB"))


# --- Validating the rows ---------------------------------------------------------------------
@dataclass(frozen=True)
class Leaver:
    """One valid row, ready to import."""

    row: int
    bsn: str
    given_names: str
    surname_prefix: str
    family_name: str
    birth_date: str  # dd-mm-jjjj, 00 allowed
    municipality: Municipality
    receiver: Organisation
    programme: str
    level: str
    left_on: datetime.date
    diploma: str  # a law.Diploma value, or "" when unknown
    diploma_obtained: bool

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.family_name) if p)

    @property
    def diploma_text(self) -> str:
        if not self.diploma_obtained:
            return "Geen diploma behaald"
        label = _DIPLOMA_LABELS.get(self.diploma, "")
        text = f"Diploma behaald: {label}" if label else "Diploma behaald"
        if self.diploma and law.has_startkwalificatie(law.Diploma(self.diploma)):
            text += " (startkwalificatie)"
        return text

    def preview(self) -> dict:
        """What the confirmation page shows: the name and municipality from the school's file."""
        return {"row": self.row, "name": self.name, "municipality": self.municipality.name}


def _padded(text: str) -> str:
    """1-8-2008 or 1/8/2008 (as Excel writes dates in a CSV) → 01-08-2008."""
    match = _SHORT_DATE.match(text.strip())
    return f"{int(match[1]):02d}-{int(match[2]):02d}-{match[3]}" if match else text


def _full_date(text: str) -> PartialDate:
    return PartialDate.parse(_padded(text))


def _municipality(text: str, by_code: dict[str, Municipality]) -> Municipality | None:
    """A 4-digit gemeentecode (0358, or 358 from Excel) or the CBS code (GM0358)."""
    text = text.strip().upper()
    if re.fullmatch(r"GM\d{4}", text):
        return by_code.get(text)
    if re.fullmatch(r"\d{1,4}", text):
        return by_code.get(f"GM{int(text):04d}")
    return None


def _diploma(value: str, level: str, school_type: str) -> tuple[str, bool]:
    """(law.Diploma value or "", obtained) from 'ja'/'nee' or a level; ValueError if unknown."""
    key = re.sub(r"[\s\-_.]", "", value.lower())
    if key in _NO:
        return "", False
    if key in _LEVELS:
        return _LEVELS[key], True
    if key not in _YES:
        raise ValueError(_("Vul bij diploma ja, nee of het niveau in (bijvoorbeeld mbo2)."))
    if school_type == OrganisationType.SCHOOL_PRO:
        return law.Diploma.PRO, True
    if school_type == OrganisationType.SCHOOL_VSO:
        return law.Diploma.VSO, True
    level_key = re.sub(r"[\s\-_.]|niveau|mbo", "", level.lower())
    if level_key in {"1", "2", "3", "4"}:
        return _LEVELS[f"mbo{level_key}"], True
    if level_key in {"entree", "entreeopleiding"}:
        return law.Diploma.MBO1, True
    raise ValueError(_("Vul bij een mbo-diploma het niveau in (1 tot en met 4), in de kolom "
                       "niveau of bij diploma (bijvoorbeeld mbo2)."))


def validate_rows(*, school: Organisation, rows: list[dict],
                  progress: Callable[[int], None] | None = None) -> tuple[list[Leaver],
                                                                          list[RowProblem]]:
    """Check every row; return the valid leavers and every problem (one message each).
    ``progress(n)`` is told after each row how many rows are checked."""
    today = timezone.localdate()
    by_code = {m.code: m for m in Municipality.objects.all()}
    gemeente_of: dict[int, Organisation] = {}
    for organisation in Organisation.objects.filter(type=OrganisationType.GEMEENTE) \
            .order_by("-pk"):
        gemeente_of[organisation.municipality_id] = organisation  # lowest pk wins
    open_bsns = set(Handover.objects.filter(
        sender=school, status__in=OPEN, youth__bsn__isnull=False)
        .values_list("youth__bsn", flat=True))
    seen_bsn: dict[str, int] = {}
    leavers: list[Leaver] = []
    problems: list[RowProblem] = []

    for index, row in enumerate(rows):
        if progress is not None and index:
            progress(index)
        number = row["row"]
        row_problems: list[RowProblem] = []

        def fail(column: str, message: str, number=number, row_problems=row_problems) -> None:
            row_problems.append(RowProblem(number, column, message))

        if row.get("extra"):
            fail("", _("Deze rij heeft meer waarden dan er kolommen in de kopregel staan."))

        municipality = None
        code = row["woongemeente"]
        if not code:
            fail("woongemeente", _("Vul de woongemeente in (gemeentecode, bijvoorbeeld 0358)."))
        else:
            municipality = _municipality(code, by_code)
            if municipality is None:
                fail("woongemeente", _("Onbekende gemeentecode. Gebruik de 4 cijfers van de "
                                       "gemeentecode (0358) of de CBS-code (GM0358)."))

        errors: dict[str, list[str]] = {}
        person = clean_person({**{field: row[column] for column, field in PERSON_FIELDS.items()},
                               "birth_date": _padded(row["geboortedatum"]),
                               "municipality": municipality}, errors)
        errors.pop("municipality", None)  # reported above with a clearer message
        for field, messages in errors.items():
            for message in messages:
                if field == "bsn" and len(row["bsn"].strip()) == 8:
                    message += " " + _("Heeft Excel een 0 vooraan weggelaten? Maak van de "
                                       "kolom een tekstkolom.")
                fail(COLUMN_OF_FIELD.get(field, field), message)
        bsn = person.get("bsn")
        if not row["bsn"].strip():
            fail("bsn", _("Vul het BSN in."))
        elif bsn:
            if bsn in seen_bsn:
                fail("bsn", _("Dit BSN staat ook in rij %(row)s.") % {"row": seen_bsn[bsn]})
            else:
                seen_bsn[bsn] = number
            if bsn in open_bsns:
                fail("bsn", _("Voor deze leerling staat al een overdracht van uw school open."))

        receiver = None
        if municipality is not None:
            receiver = gemeente_of.get(municipality.pk)
            if receiver is None:
                fail("woongemeente", _("Gemeente %(name)s werkt nog niet met Route27. Haal "
                                       "deze leerling uit het bestand en draag hem of haar op "
                                       "een andere manier over.") % {"name": municipality.name})

        left_on = None
        if not row["datum_uitschrijving"]:
            fail("datum_uitschrijving", _("Vul de datum van uitschrijving in (dd-mm-jjjj)."))
        else:
            try:
                parsed = _full_date(row["datum_uitschrijving"])
            except InvalidPartialDate as exc:
                fail("datum_uitschrijving", str(exc))
            else:
                if not parsed.is_complete:
                    fail("datum_uitschrijving",
                         _("Vul een volledige datum van uitschrijving in (dd-mm-jjjj)."))
                elif parsed.earliest() > today:
                    fail("datum_uitschrijving",
                         _("De datum van uitschrijving ligt in de toekomst. Importeer de "
                           "leerling na de uitschrijving."))
                else:
                    left_on = parsed.earliest()

        diploma, obtained = "", False
        if not row["diploma"]:
            fail("diploma", _("Vul bij diploma ja, nee of het niveau in (bijvoorbeeld mbo2)."))
        else:
            try:
                diploma, obtained = _diploma(row["diploma"], row["niveau"], school.type)
            except ValueError as exc:
                fail("diploma", str(exc))

        for column, limit in MAX_TEXT.items():
            if len(row[column]) > limit:
                fail(column, _("Gebruik hoogstens %(n)s tekens.") % {"n": limit})

        if row_problems:  # in the order of the columns, as the school reads the row
            problems.extend(sorted(row_problems, key=lambda p: COLUMNS.index(p.column)
                                   if p.column in COLUMNS else -1))
            continue
        birth = PartialDate(person["birth_year"], person["birth_month"], person["birth_day"])
        leavers.append(Leaver(
            row=number, bsn=bsn, given_names=person["given_names"],
            surname_prefix=person["surname_prefix"], family_name=person["family_name"],
            birth_date=str(birth), municipality=municipality,
            receiver=receiver, programme=row["opleiding"], level=row["niveau"],
            left_on=left_on, diploma=diploma, diploma_obtained=obtained))
    if progress is not None:
        progress(len(rows))
    return leavers, problems

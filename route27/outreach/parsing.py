"""Reading and checking a data delivery (issue 13 §5); nothing here writes.

A delivery (Jongeren in Beeld, a DUO/RMC list, a verzuim 18+ report, a school's list) comes as
CSV or XLSX with the supplier's own column names. :func:`read_delivery` reads the table
(``core.tabular``), :func:`propose_mapping` guesses which column holds which field, the user
confirms the mapping, and :func:`check_rows` checks EVERY row against it: one Dutch message
per problem, with the row number as in Excel. The check needs no database, so it runs at the
speed of the parser (``make bench-import``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from route27 import law
from route27.core import tabular
from route27.core.errors import ValidationFailed
from route27.core.partial_date import InvalidPartialDate, PartialDate
from route27.outreach.models import LeaverStatus
from route27.youth.bsn import normalise_bsn

MAX_ROWS = 200_000
MAX_BYTES = 50 * 1024 * 1024

# field → (label, required)
FIELDS: dict[str, tuple[str, bool]] = {
    "bsn": (gettext_lazy("BSN"), True),
    "given_names": (gettext_lazy("Voornamen"), True),
    "surname_prefix": (gettext_lazy("Voorvoegsel"), False),
    "family_name": (gettext_lazy("Achternaam"), True),
    "birth_date": (gettext_lazy("Geboortedatum"), True),
    "municipality": (gettext_lazy("Woongemeente (CBS-code, nummer of naam)"), False),
    "status": (gettext_lazy("Status (op school, aan het werk, wil geen hulp)"), False),
    "phone": (gettext_lazy("Telefoonnummer"), False),
    "email": (gettext_lazy("E-mailadres"), False),
}
GUESSES = {
    "bsn": ("bsn", "burgerservicenummer", "bsn_nummer", "sofinummer"),
    "given_names": ("voornamen", "voornaam", "roepnaam", "given_names"),
    "surname_prefix": ("voorvoegsel", "tussenvoegsel", "voorvoegsels", "tussenvoegsels"),
    "family_name": ("achternaam", "geslachtsnaam", "family_name", "naam"),
    "birth_date": ("geboortedatum", "geb_datum", "geboorte_datum", "gebdat", "geboren"),
    "municipality": ("woongemeente", "gemeente", "gemeentecode", "gemeentenaam"),
    "status": ("status", "situatie", "activiteit"),
    "phone": ("telefoon", "telefoonnummer", "mobiel", "gsm"),
    "email": ("e-mail", "email", "e-mailadres", "emailadres"),
}
MAX_LENGTH = {"given_names": 200, "surname_prefix": 20, "family_name": 200, "phone": 20,
              "email": 254}
STATUS_WORDS = {
    "op school": LeaverStatus.AT_SCHOOL, "school": LeaverStatus.AT_SCHOOL,
    "ingeschreven": LeaverStatus.AT_SCHOOL, "onderwijs": LeaverStatus.AT_SCHOOL,
    "aan het werk": LeaverStatus.WORKING, "werk": LeaverStatus.WORKING,
    "werkend": LeaverStatus.WORKING,
    "wil geen hulp": LeaverStatus.DECLINED, "geen hulp gewenst": LeaverStatus.DECLINED,
    "niet bekend": LeaverStatus.UNKNOWN, "onbekend": LeaverStatus.UNKNOWN,
}


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass(frozen=True)
class Person:
    """One checked row."""

    row: int
    bsn: str
    given_names: str
    surname_prefix: str
    family_name: str
    birth: PartialDate
    municipality_id: int
    status: str  # a LeaverStatus or ""
    phone: str
    email: str


def read_delivery(upload) -> tabular.Table:
    table = tabular.split_table(
        tabular.upload_values(upload, max_bytes=MAX_BYTES, size_label="50 MB"),
        max_rows=MAX_ROWS, too_many=_("Het bestand bevat meer dan %(max)s rijen. Splits het.")
        % {"max": f"{MAX_ROWS:,}".replace(",", ".")})
    if not table.rows:
        raise tabular.FileRejected([_("Het bestand bevat alleen een kopregel en geen rijen.")])
    return table


def propose_mapping(header: list[str]) -> dict[str, str]:
    """field → column name, for the columns whose name we recognise."""
    mapping = {}
    for field, names in GUESSES.items():
        for name in names:
            if name in header:
                mapping[field] = name
                break
    return mapping


def check_mapping(mapping: dict[str, str], header: list[str], *,
                  municipality_needed: bool) -> None:
    errors: dict[str, list[str]] = {}
    for field, (label, required) in FIELDS.items():
        column = mapping.get(field, "")
        if column and column not in header:
            errors.setdefault(field, []).append(_("Deze kolom staat niet in het bestand."))
        elif required and not column:
            errors.setdefault(field, []).append(_("Kies de kolom met: %(label)s.") % {
                "label": label})
    if municipality_needed and not mapping.get("municipality"):
        errors.setdefault("municipality", []).append(_(
            "Uw team werkt voor meer gemeenten: kies de kolom met de woongemeente."))
    used = [c for c in mapping.values() if c]
    for field, column in mapping.items():
        if column and used.count(column) > 1:
            errors.setdefault(field, []).append(_("Deze kolom is al voor een ander veld "
                                                  "gekozen."))
    if errors:
        raise ValidationFailed(_("Controleer de koppeling van de kolommen."),
                               field_errors=errors)


def _municipality_lookup(municipalities) -> dict[str, int]:
    lookup = {}
    for m in municipalities:
        for key in (m.code, m.number, m.number.lstrip("0"), m.name):
            lookup[key.casefold()] = m.pk
    return lookup


def check_rows(table_rows: list, header: list[str], mapping: dict[str, str], *, municipalities,
               today: datetime.date | None = None, progress=None
               ) -> tuple[list[Person], list[RowProblem]]:
    """Every row against the mapping: the good rows as :class:`Person`, and every problem."""
    today = today or timezone.localdate()
    index = {field: header.index(column) for field, column in mapping.items() if column}
    served = list(municipalities)
    lookup = _municipality_lookup(served)
    default_municipality = served[0].pk if len(served) == 1 else None
    oldest = datetime.date(today.year - law.AGE_LIMIT, today.month, min(today.day, 28))
    people: list[Person] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for n, (number, texts) in enumerate(table_rows, start=1):
        values = {f: (texts[i].strip() if i < len(texts) else "") for f, i in index.items()}
        row_problems: list[RowProblem] = []

        def fail(field: str, message: str, number=number, row_problems=row_problems) -> None:
            row_problems.append(RowProblem(number, mapping.get(field, field), message))

        bsn = values.get("bsn", "")
        if bsn.isdigit() and len(bsn) < 9:
            bsn = bsn.zfill(9)  # Excel drops the leading zero of a number
        try:
            bsn = normalise_bsn(bsn) or ""
        except ValidationFailed as exc:
            fail("bsn", str(exc.message))
        if not bsn and "bsn" not in {p.column for p in row_problems}:
            fail("bsn", _("Het BSN ontbreekt."))
        elif bsn in seen:
            fail("bsn", _("Dit BSN staat ook in rij %(row)s.") % {"row": seen[bsn]})
        for field in ("given_names", "family_name"):
            if not values.get(field):
                fail(field, _("%(label)s ontbreekt.") % {"label": FIELDS[field][0]})
        for field, limit in MAX_LENGTH.items():
            if len(values.get(field, "")) > limit:
                fail(field, _("Hoogstens %(n)s tekens.") % {"n": limit})
        birth = None
        try:
            birth = PartialDate.parse(values.get("birth_date", ""))
        except InvalidPartialDate as exc:
            fail("birth_date", str(exc) if values.get("birth_date") else
                 _("De geboortedatum ontbreekt."))
        else:
            if birth.earliest() > today:
                fail("birth_date", _("De geboortedatum ligt in de toekomst."))
            elif birth.latest() <= oldest:
                fail("birth_date", _("De jongere is 27 jaar of ouder en valt buiten de "
                                     "doelgroep (%(citation)s).") % {
                                         "citation": law.R_AGE.citation})
        municipality_id = default_municipality
        if values.get("municipality"):
            municipality_id = lookup.get(values["municipality"].casefold())
            if municipality_id is None:
                fail("municipality", _("Deze gemeente bedient uw team niet."))
        elif municipality_id is None:
            fail("municipality", _("De woongemeente ontbreekt."))
        status = ""
        if values.get("status"):
            status = STATUS_WORDS.get(values["status"].casefold(), "")
            if not status:
                fail("status", _("Onbekende status. Gebruik: op school, aan het werk, wil geen "
                                 "hulp of niet bekend."))
        if row_problems:
            problems += row_problems
        else:
            seen[bsn] = number
            people.append(Person(number, bsn, values["given_names"],
                                 values.get("surname_prefix", ""), values["family_name"], birth,
                                 municipality_id, status, values.get("phone", ""),
                                 values.get("email", "")))
        if progress is not None and n % 500 == 0:
            progress(n)
    return people, problems

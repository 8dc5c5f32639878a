"""Validation of a person's fields, shared by youth registration and signals (Dutch messages).

Collects every problem in ``errors`` instead of stopping at the first, so a form can show them
all at once.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from route27.core.errors import ValidationFailed
from route27.core.partial_date import InvalidPartialDate, PartialDate
from route27.organisations.models import Municipality
from route27.youth.bsn import normalise_bsn

POSTCODE = re.compile(r"^(\d{4})\s?([A-Za-z]{2})$")
PHONE = re.compile(r"^\+?[\d\s\-()]{10,20}$")
MAX_LENGTHS = {"given_names": 200, "surname_prefix": 20, "family_name": 200, "email": 254,
               "phone": 20, "street_address": 200, "postal_code": 7, "place": 100}


def add_error(errors: dict[str, list[str]], field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def clean_person(data: dict[str, Any], errors: dict[str, list[str]]) -> dict[str, Any]:
    """Names, birth date (BRP style, may be incomplete), BSN format, municipality, contact."""
    cleaned: dict[str, Any] = {}
    for field, limit in MAX_LENGTHS.items():
        cleaned[field] = str(data.get(field) or "").strip()
        if len(cleaned[field]) > limit:
            add_error(errors, field, _("Gebruik hoogstens %(n)s tekens.") % {"n": limit})
    if not cleaned["given_names"]:
        add_error(errors, "given_names", _("Vul de voornamen in."))
    if not cleaned["family_name"]:
        add_error(errors, "family_name", _("Vul de achternaam in."))

    birth_text = str(data.get("birth_date") or "").strip()
    if not birth_text:
        add_error(errors, "birth_date", _("Vul de geboortedatum in."))
    else:
        try:
            birth = PartialDate.parse(birth_text)
        except InvalidPartialDate as exc:
            add_error(errors, "birth_date", str(exc))
        else:
            if birth.earliest() > timezone.localdate():
                add_error(errors, "birth_date", _("De geboortedatum ligt in de toekomst."))
            cleaned.update(birth_year=birth.year, birth_month=birth.month, birth_day=birth.day)

    try:
        cleaned["bsn"] = normalise_bsn(data.get("bsn"))
    except ValidationFailed as exc:
        add_error(errors, "bsn", exc.message)

    municipality = data.get("municipality")
    if isinstance(municipality, str):
        municipality = Municipality.objects.filter(code=municipality).first()
    if not isinstance(municipality, Municipality):
        add_error(errors, "municipality", _("Kies de woongemeente."))
    cleaned["municipality"] = municipality

    if cleaned["email"]:
        try:
            validate_email(cleaned["email"])
        except DjangoValidationError:
            add_error(errors, "email",
                      _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."))
    if cleaned["phone"] and not PHONE.match(cleaned["phone"]):
        add_error(errors, "phone", _("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678."))
    if cleaned["postal_code"]:
        match = POSTCODE.match(cleaned["postal_code"])
        if match:
            cleaned["postal_code"] = f"{match[1]} {match[2].upper()}"
        else:
            add_error(errors, "postal_code", _("Vul een postcode in als 1234 AB."))
    return cleaned

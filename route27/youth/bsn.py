"""BSN handling: 11-proef via python-stdnum. A BSN never goes into URLs, logs or error pages."""

from __future__ import annotations

from django.utils.translation import gettext as _
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
from stdnum.nl import bsn as stdnum_bsn

from route27.core.errors import ValidationFailed


def normalise_bsn(value: str | None) -> str | None:
    """Return the compact 9-digit BSN, None for empty input; raise ValidationFailed otherwise."""
    if value is None or not str(value).strip():
        return None
    # stdnum pads short numbers with zeros; a BSN is always written with all 9 digits.
    digits = "".join(ch for ch in str(value) if ch not in " .-")
    if len(digits) != 9 or not digits.isdigit():
        message = _("Een BSN bestaat uit 9 cijfers.")
        raise ValidationFailed(message, field_errors={"bsn": [message]})
    try:
        return stdnum_bsn.validate(str(value))
    except InvalidChecksum:
        message = _("Dit BSN is ongeldig: het voldoet niet aan de elfproef.")
    except (InvalidLength, InvalidFormat):
        message = _("Een BSN bestaat uit 9 cijfers.")
    except ValidationError:
        message = _("Dit BSN is ongeldig.")
    raise ValidationFailed(message, field_errors={"bsn": [message]})


def mask_bsn(value: str | None) -> str:
    """Show only the last three digits, e.g. on screens that need to confirm a match."""
    return f"******{value[-3:]}" if value else ""

"""Serializer fields that accept exactly what the published OpenAPI schema says, no more.

DRF is lenient by default: a CharField turns ``123`` into ``"123"`` and strips whitespace, an
IntegerField accepts ``"12"``, and a RegexValidator (``re.search``) lets ``$`` match before a
trailing newline. Each of these would make the API accept a request the schema forbids. These
fields close those gaps, so the schema is the contract (checked by schemathesis).
"""

from __future__ import annotations

import datetime
import re

from django.core.validators import EmailValidator, RegexValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

# Control characters (C0 and DEL) never belong in a single-line text field.
_CONTROL = r"\u0000-\u001f\u007f"
# Whitespace that is not a control character, in Python's, ECMAScript's and Rust's regex engines
# alike (spelled out, because their \s differ on U+0085, U+FEFF and U+001C-U+001F).
_BLANK = r" \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# Control characters except tab, line feed and carriage return (allowed in multi-line text).
_CONTROL_TEXT = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f"
# One line of text, at least one character ("" is allowed separately through allow_blank).
SINGLE_LINE = rf"^[^{_CONTROL}]+$"
# Free text over several lines (tab, CR and LF allowed), at least one character.
MULTI_LINE = rf"^[^{_CONTROL_TEXT}]+$"
# One line of text with at least one visible character. The two leading classes are disjoint,
# so matching stays linear (no catastrophic backtracking on long input).
NOT_BLANK_LINE = rf"^[{_BLANK}]*[^\s{_CONTROL}\u0085\ufeff][^{_CONTROL}]*$"
# Free text over several lines with at least one visible character (same construction).
NOT_BLANK_TEXT = rf"^[{_BLANK}\t\n\r]*[^\s{_CONTROL}\u0085\ufeff][^{_CONTROL_TEXT}]*$"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


class FullMatchValidator(RegexValidator):
    """A RegexValidator that must match the whole value (JSON Schema ``^...$`` semantics)."""

    def __call__(self, value):
        if not self.regex.fullmatch(str(value)):
            raise serializers.ValidationError(self.message, code=self.code)


class StrictCharField(serializers.CharField):
    """Only JSON strings, one line, matched against ``pattern`` as a whole (``^...$``).

    Whitespace is kept (the services strip it), so ``maxLength`` counts exactly what was sent.
    """

    default_error_messages = {"invalid": _("Geef een tekst (string) op.")}

    def __init__(self, *, pattern: str = SINGLE_LINE, pattern_message: str | None = None,
                 **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)
        assert pattern.startswith("^") and pattern.endswith("$"), pattern
        message = pattern_message or _("Gebruik één regel tekst, zonder stuurtekens.")
        self.validators.append(FullMatchValidator(re.compile(pattern), message=message))

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictEmailField(StrictCharField):
    default_error_messages = {
        "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(EmailValidator(message=self.error_messages["invalid"]))


class StrictIntegerField(serializers.IntegerField):
    """Only JSON integers: no strings, no floats, no booleans."""

    default_error_messages = {"invalid": _("Geef een geheel getal op.")}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """Only JSON ``true`` and ``false``: no ``"true"``, ``1`` or ``"ja"``."""

    default_error_messages = {"invalid": _("Geef true of false op.")}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class StrictDateField(serializers.DateField):
    """Only a JSON string ``jjjj-mm-dd`` (RFC 3339 full-date, OpenAPI ``format: date``)."""

    default_error_messages = {
        "invalid": _("Geef een geldige datum op als jjjj-mm-dd."),
        "datetime": _("Geef een datum op, zonder tijd."),
    }

    def to_internal_value(self, value):
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            self.fail("invalid")
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.fail("invalid")


class StrictUUIDField(serializers.UUIDField):
    """Only the canonical form ``8-4-4-4-12`` (``format: uuid``), no ``urn:`` or bare hex."""

    default_error_messages = {"invalid": _("Geef een geldig id (UUID) op.")}

    def to_internal_value(self, data):
        if not isinstance(data, str) or not _UUID.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictChoiceField(serializers.ChoiceField):
    """Only JSON strings from the list (DRF would also accept ``1`` for the choice ``"1"``)."""

    default_error_messages = {"invalid_choice": _("Kies een van de toegestane waarden.")}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid_choice", input="")
        return super().to_internal_value(data)


class BlankAsNullChoiceField(serializers.ChoiceField):
    """Read-only code that may be empty in the database: ``""`` is shown as ``null``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        if value in ("", None):
            return None
        return super().to_representation(value)

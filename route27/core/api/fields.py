"""Serializer fields that accept exactly what the published OpenAPI schema says, no more.

DRF is lenient by default: a CharField turns ``123`` into ``"123"`` and strips whitespace, an
IntegerField accepts ``"12"``, and a RegexValidator (``re.search``) lets ``$`` match before a
trailing newline. Each of these would make the API accept a request the schema forbids. These
fields close those gaps, so the schema is the contract (checked by schemathesis).
"""

from __future__ import annotations

import re

from django.core.validators import EmailValidator, RegexValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

# Control characters (C0 and DEL) never belong in a single-line text field.
_CONTROL = r"\u0000-\u001f\u007f"
# Whitespace that is not a control character, in Python's, ECMAScript's and Rust's regex engines
# alike (spelled out, because their \s differ on U+0085, U+FEFF and U+001C-U+001F).
_BLANK = r" \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# One line of text, at least one character ("" is allowed separately through allow_blank).
SINGLE_LINE = rf"^[^{_CONTROL}]+$"
# One line of text with at least one visible character. The two leading classes are disjoint,
# so matching stays linear (no catastrophic backtracking on long input).
NOT_BLANK_LINE = rf"^[{_BLANK}]*[^\s{_CONTROL}\u0085\ufeff][^{_CONTROL}]*$"


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

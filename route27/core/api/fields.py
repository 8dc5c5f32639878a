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

# Whitespace according to Python *and* ECMAScript/Rust regex engines, spelled out so that a
# pattern means the same on the server and in any JSON Schema validator.
_WHITESPACE = r"\s\u001c-\u001f\u0085\ufeff"
NOT_BLANK = rf"[^{_WHITESPACE}]"


class FullMatchValidator(RegexValidator):
    """A RegexValidator that must match the whole value (JSON Schema ``^...$`` semantics)."""

    def __call__(self, value):
        if not self.regex.fullmatch(str(value)):
            raise serializers.ValidationError(self.message, code=self.code)


class ContainsValidator(RegexValidator):
    """A RegexValidator with JSON Schema semantics for an unanchored pattern (``re.search``)."""

    def __call__(self, value):
        if not self.regex.search(str(value)):
            raise serializers.ValidationError(self.message, code=self.code)


class StrictCharField(serializers.CharField):
    """Only JSON strings; whitespace is kept, so ``maxLength`` counts what was sent.

    ``pattern`` must be anchored (``^...$``) and is matched against the whole value;
    ``contains`` is an unanchored pattern the value must contain (e.g. :data:`NOT_BLANK`).
    """

    default_error_messages = {"invalid": _("Geef een tekst (string) op.")}

    def __init__(self, *, pattern: str | None = None, contains: str | None = None,
                 pattern_message: str | None = None, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)
        message = pattern_message or _("Deze waarde heeft niet de juiste vorm.")
        if pattern:
            assert pattern.startswith("^") and pattern.endswith("$"), pattern
            self.validators.append(FullMatchValidator(re.compile(pattern), message=message))
        if contains:
            message = pattern_message or _("Vul dit veld in.")
            self.validators.append(ContainsValidator(re.compile(contains), message=message,
                                                     code="blank"))

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

"""Functional administration of the overgangsdocument format per Doorstroompuntregio.

Only the format (DocumentTemplate) is editable here: handovers, documents and consent are case
data and are never administered through /beheer/. A draft copies the format when it starts, so
changing it never alters a document that already exists.
"""

from __future__ import annotations

import re

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from route27.handover.models import DocumentTemplate
from route27.handover.templates_default import SCHOOL, YOUTH

KEY = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
BLOCK_KEYS = {"key", "title", "part", "sensitive", "fields"}
FIELD_KEYS = {"key", "label", "kind"}
FIELD_KINDS = {"text", "textarea"}


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _field_errors(block_no: int, fields) -> list[str]:
    if not isinstance(fields, list) or not fields:
        return [_("Blok %(n)s: 'fields' moet een lijst met minstens één veld zijn.") % {
            "n": block_no}]
    errors, seen = [], set()
    for field_no, field in enumerate(fields, start=1):
        where = {"n": block_no, "m": field_no}
        if not isinstance(field, dict):
            errors.append(_("Blok %(n)s, veld %(m)s: gebruik een object met key, label en "
                            "kind.") % where)
            continue
        unknown = sorted(set(field) - FIELD_KEYS)
        if unknown:
            errors.append(_("Blok %(n)s, veld %(m)s: onbekende sleutel(s) %(keys)s.") % {
                **where, "keys": ", ".join(unknown)})
        key = field.get("key")
        if not isinstance(key, str) or not KEY.match(key):
            errors.append(_("Blok %(n)s, veld %(m)s: 'key' bestaat uit kleine letters, "
                            "cijfers en _ (hoogstens 50 tekens).") % where)
        elif key in seen:
            errors.append(_("Blok %(n)s: de veldsleutel '%(key)s' komt twee keer voor.") % {
                **where, "key": key})
        else:
            seen.add(key)
        if not _text(field.get("label")):
            errors.append(_("Blok %(n)s, veld %(m)s: vul 'label' in.") % where)
        if field.get("kind") not in FIELD_KINDS:
            errors.append(_("Blok %(n)s, veld %(m)s: 'kind' is 'text' of 'textarea'.") % where)
    return errors


def block_format_errors(blocks) -> list[str]:
    """Every problem in the blocks JSON of a format, in Dutch (empty list: valid)."""
    if not isinstance(blocks, list) or not blocks:
        return [_("De blokken zijn een lijst met minstens één blok.")]
    errors, seen, parts = [], set(), set()
    for block_no, block in enumerate(blocks, start=1):
        if not isinstance(block, dict):
            errors.append(_("Blok %(n)s: gebruik een object met key, title, part en fields.")
                          % {"n": block_no})
            continue
        unknown = sorted(set(block) - BLOCK_KEYS)
        if unknown:
            errors.append(_("Blok %(n)s: onbekende sleutel(s) %(keys)s.") % {
                "n": block_no, "keys": ", ".join(unknown)})
        key = block.get("key")
        if not isinstance(key, str) or not KEY.match(key):
            errors.append(_("Blok %(n)s: 'key' bestaat uit kleine letters, cijfers en _ "
                            "(hoogstens 50 tekens).") % {"n": block_no})
        elif key in seen:
            errors.append(_("De bloksleutel '%(key)s' komt twee keer voor.") % {"key": key})
        else:
            seen.add(key)
        if not _text(block.get("title")):
            errors.append(_("Blok %(n)s: vul 'title' in.") % {"n": block_no})
        if block.get("part") not in (YOUTH, SCHOOL):
            errors.append(_("Blok %(n)s: 'part' is 'youth' (deel van de jongere) of 'school'.")
                          % {"n": block_no})
        else:
            parts.add(block["part"])
        if not isinstance(block.get("sensitive", False), bool):
            errors.append(_("Blok %(n)s: 'sensitive' is true of false.") % {"n": block_no})
        errors.extend(_field_errors(block_no, block.get("fields")))
    if YOUTH not in parts:
        errors.append(_("Het format heeft een deel van de jongere nodig (part 'youth'): de "
                        "jongere komt eerst aan het woord."))
    if SCHOOL not in parts:
        errors.append(_("Het format heeft een deel van de school nodig (part 'school')."))
    return errors


class DocumentTemplateForm(forms.ModelForm):
    class Meta:
        model = DocumentTemplate
        fields = ["doorstroompunt_region", "name", "blocks"]
        help_texts = {
            "doorstroompunt_region": gettext_lazy(
                "Leeg: het landelijke standaardformat voor regio's zonder eigen format."),
            "blocks": gettext_lazy(
                'Een lijst van blokken: {"key": "wie_ben_ik", "title": "Wie ben ik", '
                '"part": "youth" of "school", "sensitive": false, "fields": [{"key": "tekst", '
                '"label": "Vertel iets over jezelf", "kind": "text" of "textarea"}]}. '
                "Wijzigingen gelden voor nieuwe overdrachten, niet voor bestaande."),
        }

    def clean_blocks(self):
        blocks = self.cleaned_data.get("blocks")
        errors = block_format_errors(blocks)
        if errors:
            raise forms.ValidationError(errors)
        return blocks

    def clean(self):
        cleaned = super().clean()
        if "doorstroompunt_region" not in self.errors and \
                not cleaned.get("doorstroompunt_region"):
            others = DocumentTemplate.objects.filter(doorstroompunt_region__isnull=True)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error("doorstroompunt_region",
                               _("Er is al een landelijk standaardformat. Kies een "
                                 "Doorstroompuntregio of wijzig het bestaande standaardformat."))
        return cleaned


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin):
    form = DocumentTemplateForm
    list_display = ["name", "doorstroompunt_region"]
    search_fields = ["name", "doorstroompunt_region__name", "doorstroompunt_region__code"]
    autocomplete_fields = ["doorstroompunt_region"]

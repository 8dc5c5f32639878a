"""Keeping the catalogue (issue 13 §8): a regional coordinator keeps the entries of their
region, a municipality (its functional administrator) its own. National entries (the
instruments of seed 000) are kept in /beheer/. Every change is audited (no youth involved)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from route27 import law
from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.core.errors import Refused, ValidationFailed
from route27.organisations.models import Membership
from route27.organisations.roles import Role
from route27.trajectories.models import Instrument, Intensity

TEXTS = {"name": 150, "provider": 200, "description": 4000, "cost_source": 200,
         "contact_name": 150, "contact_reach": 200}


def editable_scopes(user) -> dict[str, set[int]]:
    """What the user may keep: {"region": region ids, "municipality": municipality ids}."""
    rows = Membership.objects.filter(user=user, is_active=True).select_related(
        "team__organisation__municipality")
    regions, municipalities = set(), set()
    for m in rows:
        home = m.team.organisation.municipality
        if home is None:
            continue
        if m.role == Role.REGIONAL_COORDINATOR:
            regions.add(home.doorstroompunt_region_id)
        if m.role == Role.FUNCTIONEEL_BEHEERDER:
            municipalities.add(home.pk)
    return {"region": regions, "municipality": municipalities}


def may_keep(user, provision: Instrument) -> bool:
    scopes = editable_scopes(user)
    if provision.scope == Instrument.Scope.REGION:
        return provision.region_id in scopes["region"]
    if provision.scope == Instrument.Scope.MUNICIPALITY:
        return provision.municipality_id in scopes["municipality"]
    return False


def _clean(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    errors: dict[str, list[str]] = {}
    cleaned = {k: (data.get(k) or "").strip() for k in TEXTS}
    for key, limit in TEXTS.items():
        if len(cleaned[key]) > limit:
            errors.setdefault(key, []).append(_("Hoogstens %(n)s tekens.") % {"n": limit})
    for key, message in (("name", _("Geef de voorziening een naam.")),
                         ("description", _("Beschrijf in gewone taal wat de voorziening "
                                           "biedt.")),
                         ("contact_reach", _("Vul in hoe collega’s de contactpersoon "
                                             "bereiken."))):
        if not cleaned[key]:
            errors.setdefault(key, []).append(message)
    low, high = data.get("min_age"), data.get("max_age")
    for key, value in (("min_age", low), ("max_age", high)):
        if value is not None and not 0 <= value <= 40:
            errors.setdefault(key, []).append(_("Vul een leeftijd tussen 0 en 40 in."))
    if low is not None and high is not None and low >= high:
        errors.setdefault("max_age", []).append(_("‘Tot leeftijd’ moet hoger zijn dan ‘vanaf’."))
    cleaned.update(min_age=low, max_age=high)
    cleaned["qualification"] = data.get("qualification") or ""
    if cleaned["qualification"] not in Instrument.Qualification.values:
        errors.setdefault("qualification", []).append(_("Kies een geldige waarde."))
    cleaned["routes"] = sorted(set(data.get("routes") or []))
    if set(cleaned["routes"]) - {str(r) for r in law.Route}:
        errors.setdefault("routes", []).append(_("Kies bestaande routes."))
    cleaned["intensities"] = sorted(set(data.get("intensities") or []))
    if set(cleaned["intensities"]) - set(Intensity.values):
        errors.setdefault("intensities", []).append(_("Kies bestaande intensiteiten."))
    cleaned["law_code"] = data.get("law_code") or ""
    if cleaned["law_code"] and cleaned["law_code"] not in law.INSTRUMENT_CODES:
        errors.setdefault("law_code", []).append(_("Kies een bestaande soort voorziening."))
    cleaned["active"] = bool(data.get("active", True))
    return cleaned, errors


def _unique_code(name: str) -> str:
    base = slugify(name)[:32] or "voorziening"
    code, n = base, 1
    while Instrument.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


@transaction.atomic
def provision_save(*, actor, provision: Instrument | None = None, scope: str = "",
                   area_id: int | None = None, **data: Any) -> Instrument:
    """Add a provision for a region or municipality the actor keeps, or change one."""
    cleaned, errors = _clean(data)
    if provision is None:
        scopes = editable_scopes(actor)
        key = {"region": "region", "municipality": "municipality"}.get(scope)
        if key is None or area_id not in scopes[key]:
            raise Refused(_("U beheert alleen de voorzieningen van uw eigen regio of gemeente."))
        provision = Instrument(scope=scope, code=_unique_code(cleaned["name"]),
                               **{f"{key}_id": area_id})
        action = AuditAction.CREATE
    else:
        provision = Instrument.objects.select_for_update().get(pk=provision.pk)
        if not may_keep(actor, provision):
            raise Refused(_("U beheert alleen de voorzieningen van uw eigen regio of gemeente."))
        action = AuditAction.UPDATE
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    for key, value in cleaned.items():
        setattr(provision, key, value)
    provision.updated_by = actor
    provision.save()
    audit_record(user=actor, action=action, object_type=Instrument.AUDIT_TYPE,
                 object_id=provision.code, purpose=Purpose.REGISTRATION,
                 detail={"scope": provision.scope})
    return provision

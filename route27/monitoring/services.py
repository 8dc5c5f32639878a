"""The writes of the dashboard: targets and capacity norms. Nothing here touches a youth's
file, so there is no file event; every change has its audit row in the same transaction."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.core.errors import Refused, ValidationFailed
from route27.monitoring.indicators import INDICATORS
from route27.monitoring.models import CapacityNorm, StaffHours, Target
from route27.monitoring.selectors import lead_teams, municipalities_for_targets
from route27.organisations.models import Membership, Municipality, Team
from route27.organisations.roles import CONTACT_PERSON_ROLES

NORM_FIELDS = ("norm_points", "weight_light", "weight_medium", "weight_intensive",
               "factor_over_23", "factor_no_benefit")


@transaction.atomic
def targets_save(*, actor, municipality: Municipality, year: int,
                 values: dict[str, str]) -> list[Target]:
    """Keep the targets of a year: ``values`` maps an indicator code to the number as typed;
    an empty value clears that target. All or nothing."""
    if not municipalities_for_targets(actor).filter(pk=municipality.pk).exists():
        raise Refused(_("U stelt geen streefcijfers vast voor deze gemeente."))
    errors: dict[str, list[str]] = {}
    if not 2026 <= year <= 2035:
        errors["jaar"] = [_("Kies een jaar van 2026 tot en met 2035.")]
    numbers: dict[str, int | None] = {}
    for code, raw in values.items():
        raw = (raw or "").strip().replace(".", "")
        if code not in INDICATORS:
            errors[code] = [_("Onbekende indicator.")]
        elif not raw:
            numbers[code] = None
        elif not raw.isdigit() or int(raw) > 1_000_000:
            errors[code] = [_("Vul een geheel aantal van 0 tot 1.000.000 in, of laat het leeg.")]
        else:
            numbers[code] = int(raw)
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    kept = []
    current = {t.indicator: t for t in Target.objects.filter(municipality=municipality,
                                                            year=year)}
    for code, number in numbers.items():
        old = current.get(code)
        if (old.value if old else None) == number:
            continue
        if number is None:
            old.delete()
            action = AuditAction.DELETE
        else:
            target, created = Target.objects.update_or_create(
                municipality=municipality, year=year, indicator=code,
                defaults={"value": number, "set_by": actor})
            kept.append(target)
            action = AuditAction.CREATE if created else AuditAction.UPDATE
        audit_record(user=actor, action=action, object_type=Target.AUDIT_TYPE,
                     object_id=f"{municipality.code}/{year}/{code}",
                     purpose=Purpose.MANAGEMENT, detail={"value": number})
    return kept


def _decimal(raw, field: str, errors: dict, low: Decimal, high: Decimal) -> Decimal | None:
    try:
        number = Decimal(str(raw).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        errors[field] = [_("Vul een getal in.")]
        return None
    if not low <= number <= high:
        errors[field] = [_("Vul een getal van %(low)s tot en met %(high)s in.") % {
            "low": low, "high": high}]
        return None
    return number


@transaction.atomic
def capacity_norm_save(*, actor, team: Team, values: dict, fte: dict[int, object]
                       ) -> CapacityNorm:
    """Keep a team's norm and weights and its coaches' fte (``fte``: membership id → fte)."""
    if not lead_teams(actor).filter(pk=team.pk).exists():
        raise Refused(_("Alleen de teamleider stelt de capaciteit van dit team vast."))
    errors: dict[str, list[str]] = {}
    cleaned = {}
    for field in NORM_FIELDS:
        high = Decimal("500") if field == "norm_points" else Decimal("10")
        low = Decimal("1") if field == "norm_points" else Decimal("0.1")
        cleaned[field] = _decimal(values.get(field, ""), field, errors, low, high)
    coaches = {m.pk: m for m in Membership.objects.filter(
        team=team, is_active=True, role__in=CONTACT_PERSON_ROLES)}
    hours = {}
    for membership_id, raw in fte.items():
        if membership_id not in coaches:
            errors[f"fte_{membership_id}"] = [_("Deze medewerker hoort niet bij het team.")]
            continue
        hours[membership_id] = _decimal(raw, f"fte_{membership_id}", errors, Decimal("0"),
                                        Decimal("1.2"))
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    cleaned["norm_points"] = int(cleaned["norm_points"])
    norm, _created = CapacityNorm.objects.update_or_create(
        team=team, defaults={**cleaned, "updated_by": actor})
    for membership_id, value in hours.items():
        StaffHours.objects.update_or_create(membership_id=membership_id,
                                            defaults={"fte": value})
    audit_record(user=actor, action=AuditAction.UPDATE, object_type=CapacityNorm.AUDIT_TYPE,
                 object_id=str(team.pk), purpose=Purpose.MANAGEMENT,
                 detail={k: str(v) for k, v in cleaned.items()} | {
                     "fte": {str(k): str(v) for k, v in hours.items()}})
    return norm

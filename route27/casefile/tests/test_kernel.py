"""The kernel's registries and recording call (ADR 0009)."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import timezone

from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.kinds import EVENT_KINDS
from route27.casefile.services import append, record
from route27.casefile.vocabularies import ENTRANCES
from route27.core.registry import Registry
from route27.handover.events import HandoverEventKind
from route27.handover.kinds import HandoverKind
from route27.signals.models import Source
from route27.trajectories.events import TrajectoryEventKind
from route27.youth.events import YouthEventKind
from route27.youth.tests.factories import YouthFactory


class OutreachEventKind(models.TextChoices):
    """What a future app would declare in its own events.py."""

    REACHED = "outreach_reached_test", "Bereikt (test)"


def test_an_app_registers_an_event_kind_without_touching_another_app():
    registry = Registry("event kind")
    registry.register(TrajectoryEventKind)
    registry.register(OutreachEventKind)
    assert "outreach_reached_test" in registry and "step_changed" in registry
    assert registry.label("outreach_reached_test") == "Bereikt (test)"
    assert registry.owner("step_changed").endswith("TrajectoryEventKind")


def test_a_code_registered_by_two_apps_is_refused():
    registry = Registry("event kind")
    registry.register(TrajectoryEventKind)

    class Clash(models.TextChoices):
        STEP_CHANGED = "step_changed", "Iets anders"

    with pytest.raises(ImproperlyConfigured, match="step_changed"):
        registry.register(Clash)


def test_every_app_kind_is_in_the_projects_registry():
    for kinds in (YouthEventKind, TrajectoryEventKind, HandoverEventKind):
        assert all(kind.value in EVENT_KINDS for kind in kinds)


@pytest.mark.django_db
def test_an_unregistered_kind_never_reaches_the_ledger(coach):
    with pytest.raises(ValueError, match="not registered"):
        append(actor=coach, youth=YouthFactory(), kind="stap_gewijzigd")


@pytest.mark.django_db
def test_record_writes_the_event_and_the_audit_row_with_the_subject(coach):
    youth = YouthFactory()
    on = timezone.localdate() - datetime.timedelta(days=60)
    event = record(actor=coach, youth=youth, kind=YouthEventKind.YOUTH_UPDATED, occurred_on=on,
                   data={"fields": ["phone"]})
    assert event.date_only and event.occurred_on == on
    assert event.recorded_at.date() == timezone.now().date()
    entry = AuditEntry.objects.get()
    assert (entry.subject, entry.object_type, entry.object_id, entry.action) == (
        youth, "youth", str(youth.public_id), AuditAction.UPDATE)


def test_every_entrance_has_a_dutch_label():
    codes = [*Source.values, "staff", "support_request",
             *(f"handover_{kind}" for kind in HandoverKind.values)]
    assert all(code in ENTRANCES for code in codes)
    assert ENTRANCES.label("social_team") == "Sociaal loket of sociaal team"
    assert ENTRANCES.label("youth_work") == "Jongerenwerk"
    assert ENTRANCES.label("compulsory_education") == "Leerplicht"
    assert ENTRANCES.label("handover_mbo_gemeente") == "Overdracht Mbo → gemeente"
    assert ENTRANCES.label("staff") == "Aangemeld door een medewerker"

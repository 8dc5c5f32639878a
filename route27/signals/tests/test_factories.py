"""Each trait of SignalFactory yields the state it names, through signal_register."""

import pytest

from route27.audit.models import AuditAction, AuditEntry
from route27.organisations.models import Team
from route27.signals.models import SignalStatus, Source
from route27.signals.tests.factories import SignalFactory
from route27.trajectories.workflow import Step
from route27.youth.models import Youth

pytestmark = pytest.mark.django_db


def kinds(youth) -> list[str]:
    return [e.kind for e in youth.events.order_by("pk")]


def test_a_signal_about_a_new_person_is_linked_to_a_new_youth_in_step_1():
    signal = SignalFactory(given_names="Sanne", family_name="Vries", birth_date="17-05-2007")
    assert signal.status == SignalStatus.LINKED
    assert signal.team is not None and signal.municipality in signal.team.serves.all()
    youth = signal.youth
    assert (youth.full_name, str(youth.birth_date), youth.team) == (
        "Sanne Vries", "17-05-2007", signal.team)
    assert signal.trajectory.youth == youth and signal.trajectory.step == Step.SIGNAL
    assert kinds(youth) == ["youth_registered", "trajectory_started", "signal_received"]
    assert signal.created_by is not None
    assert signal.created_by.memberships.get().team == signal.team
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_type="signal",
                                     object_id=str(signal.public_id)).exists()


def test_signals_of_one_municipality_share_the_team_that_serves_it():
    first, second = SignalFactory.create_batch(2)
    assert first.team == second.team and Team.objects.count() == 1
    assert first.youth != second.youth


def test_needs_confirmation_has_the_known_youth_as_candidate_and_nothing_linked():
    signal = SignalFactory(needs_confirmation=True, birth_date="00-00-2007")
    [known] = signal.candidates.all()
    assert (known.family_name, known.birth_year, known.birth_month) == (
        signal.family_name, 2007, None)
    assert signal.status == SignalStatus.NEEDS_CONFIRMATION
    assert signal.youth is None and signal.trajectory is None
    assert Youth.objects.count() == 1


def test_self_registration_has_no_actor():
    signal = SignalFactory(self_registration=True)
    assert (signal.source, signal.created_by, signal.status) == (
        Source.SELF, None, SignalStatus.LINKED)
    assert signal.trajectory.requested_by == "self"
    assert AuditEntry.objects.get(object_type="signal").actor is None


def test_unrouted_is_stored_without_team_or_youth():
    signal = SignalFactory(unrouted=True)
    assert (signal.status, signal.team, signal.youth) == (SignalStatus.NEW, None, None)
    assert signal.municipality.name == "Utrecht"
    assert not Youth.objects.exists()

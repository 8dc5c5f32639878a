"""signal_register / signal_confirm_match: routing, matching, never a duplicate person."""

import pytest

from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.errors import TransitionRefused, ValidationFailed
from route27.organisations.tests.factories import real_municipality
from route27.signals.events import SignalEventKind
from route27.signals.models import Signal, SignalStatus, Source
from route27.signals.services import signal_confirm_match, signal_register
from route27.signals.tests.conftest import UTRECHT, person
from route27.trajectories.events import TrajectoryEventKind
from route27.trajectories.models import Trajectory
from route27.trajectories.selectors import intake_queue
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.trajectories.workflow import Step
from route27.youth.events import YouthEventKind
from route27.youth.models import Youth
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db


def _counts():
    return (Signal.objects.count(), Youth.objects.count(), Trajectory.objects.count(),
            Event.objects.count(), AuditEntry.objects.count())


def test_unknown_person_becomes_new_youth_with_trajectory_in_intake_queue(
        aalsmeer_team, aalsmeer_coach):
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL,
                             reporter="Praktijkschool", **person())
    assert signal.status == SignalStatus.LINKED
    assert signal.team == aalsmeer_team
    youth = signal.youth
    assert (youth.full_name, youth.team, str(youth.birth_date)) == (
        "Sanne de Vries", aalsmeer_team, "17-05-2007")
    assert signal.trajectory.step == Step.SIGNAL and signal.trajectory.team == aalsmeer_team
    assert signal.trajectory.requested_by == "other"
    events = list(youth.events.values_list("kind", flat=True))
    assert events == [YouthEventKind.YOUTH_REGISTERED, TrajectoryEventKind.TRAJECTORY_STARTED,
                      SignalEventKind.SIGNAL_RECEIVED]
    received = youth.events.get(kind=SignalEventKind.SIGNAL_RECEIVED)
    assert received.data == {"entrance": "school", "signal": str(signal.public_id),
                             "match": "new", "self_registration": False}
    assert AuditEntry.objects.filter(object_type="signal", action=AuditAction.CREATE,
                                     object_id=str(signal.public_id)).exists()
    assert list(intake_queue(user=aalsmeer_coach)) == [signal.trajectory]


def test_self_registration_has_no_actor_and_requests_as_self(aalsmeer_team):
    signal = signal_register(actor=None, source=Source.SELF, **person())
    assert signal.created_by is None and signal.status == SignalStatus.LINKED
    assert signal.trajectory.requested_by == "self"
    entry = AuditEntry.objects.get(object_type="signal")
    assert entry.actor is None and entry.detail["self_registration"] is True


def test_bsn_match_links_to_existing_youth_and_creates_no_duplicate(aalsmeer_team,
                                                                    aalsmeer_coach):
    bsn = valid_bsn(7)
    known = YouthFactory(bsn=bsn, team=aalsmeer_team, family_name="Anders")
    before = Youth.objects.count()
    spaced = f"{bsn[:4]} {bsn[4:6]} {bsn[6:]}"
    signal = signal_register(actor=aalsmeer_coach, source=Source.UWV, **person(bsn=spaced))
    assert Youth.objects.count() == before
    assert signal.youth == known and signal.status == SignalStatus.LINKED
    assert signal.bsn is None  # the youth holds it; the signal keeps no second copy
    assert signal.trajectory.youth == known and signal.trajectory.requested_by == "uwv"
    assert known.events.get(kind=SignalEventKind.SIGNAL_RECEIVED).data["match"] == "bsn"


def test_bsn_match_with_open_trajectory_just_links(aalsmeer_team, aalsmeer_coach):
    bsn = valid_bsn(8)
    open_trajectory = TrajectoryFactory(youth=YouthFactory(bsn=bsn, team=aalsmeer_team),
                                        in_support=True, actor=aalsmeer_coach)
    signal = signal_register(actor=aalsmeer_coach, source=Source.PARENT, **person(bsn=bsn))
    assert signal.trajectory == open_trajectory
    assert Trajectory.objects.count() == 1
    assert Trajectory.objects.get().step == Step.SUPPORT


def test_name_and_birth_date_match_needs_confirmation_then_links(aalsmeer_team,
                                                                 aalsmeer_coach):
    known = YouthFactory(given_names="Sanne", family_name="Vries", surname_prefix="de",
                         birth_year=2007, birth_month=5, birth_day=17, team=aalsmeer_team)
    before = Youth.objects.count()
    bsn = valid_bsn(9)
    signal = signal_register(actor=aalsmeer_coach, source=Source.SPORTS_CLUB,
                             **person(family_name="VRIES", bsn=bsn))
    assert signal.status == SignalStatus.NEEDS_CONFIRMATION
    assert list(signal.candidates.all()) == [known]
    assert signal.youth is None and signal.trajectory is None
    assert Youth.objects.count() == before and Trajectory.objects.count() == 0

    signal = signal_confirm_match(actor=aalsmeer_coach, signal=signal, youth=known)
    assert Youth.objects.count() == before
    assert signal.status == SignalStatus.LINKED and signal.youth == known
    assert signal.trajectory.step == Step.SIGNAL
    assert not signal.candidates.exists()
    known.refresh_from_db()
    assert known.bsn == bsn  # the confirmed match brings the BSN into the file
    assert known.events.get(kind=SignalEventKind.SIGNAL_RECEIVED).data["match"] == "confirmed"


def test_confirm_refused_when_already_linked(aalsmeer_team, aalsmeer_coach):
    known = YouthFactory(family_name="Vries", team=aalsmeer_team)
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL, **person())
    signal_confirm_match(actor=aalsmeer_coach, signal=signal, youth=known)
    before = _counts()
    with pytest.raises(TransitionRefused, match="al gekoppeld"):
        signal_confirm_match(actor=aalsmeer_coach, signal=signal, youth=None)
    assert _counts() == before


def test_coach_can_decide_it_is_a_new_person(aalsmeer_team, aalsmeer_coach):
    YouthFactory(family_name="Vries", team=aalsmeer_team)
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL, **person())
    signal = signal_confirm_match(actor=aalsmeer_coach, signal=signal, youth=None)
    assert Youth.objects.count() == 2
    assert signal.youth.given_names == "Sanne" and signal.status == SignalStatus.LINKED
    assert signal.youth.events.get(
        kind=SignalEventKind.SIGNAL_RECEIVED).data["match"] == "new_after_check"


def test_confirm_with_a_youth_that_is_no_candidate_is_refused(aalsmeer_team, aalsmeer_coach):
    YouthFactory(family_name="Vries", team=aalsmeer_team)
    stranger = YouthFactory(family_name="Bakker", team=aalsmeer_team)
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL, **person())
    before = _counts()
    with pytest.raises(ValidationFailed) as exc:
        signal_confirm_match(actor=aalsmeer_coach, signal=signal, youth=stranger)
    assert "niet bij de mogelijke matches" in exc.value.field_errors["youth"][0]
    assert _counts() == before


@pytest.mark.parametrize("known", [
    {"birth_day": None},  # unknown day is not the same birth date
    {"birth_year": 2006},
    {"family_name": "Visser"},
    {"bsn": valid_bsn(11)},  # another BSN: certainly someone else
])
def test_no_candidate_when_facts_differ(aalsmeer_team, aalsmeer_coach, known):
    YouthFactory(**{"family_name": "Vries", "birth_year": 2007, "birth_month": 5,
                    "birth_day": 17, "team": aalsmeer_team, **known})
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL,
                             **person(bsn=valid_bsn(12)))
    assert signal.status == SignalStatus.LINKED
    assert Youth.objects.count() == 2


def test_partial_birth_dates_match_exactly(aalsmeer_team, aalsmeer_coach):
    known = YouthFactory(family_name="Vries", birth_year=2007, birth_month=None,
                         birth_day=None, team=aalsmeer_team)
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL,
                             **person(birth_date="00-00-2007"))
    assert list(signal.candidates.all()) == [known]


def test_invalid_input_gives_all_dutch_messages_and_writes_nothing(aalsmeer_team,
                                                                   aalsmeer_coach):
    before = _counts()
    with pytest.raises(ValidationFailed) as exc:
        signal_register(actor=aalsmeer_coach, source="brievenbus",
                        **person(bsn="123456789", birth_date="31-02-2007", given_names="",
                                 email="geen-adres", municipality="GM9999"))
    errors = exc.value.field_errors
    assert errors["bsn"] == ["Dit BSN is ongeldig: het voldoet niet aan de elfproef."]
    assert errors["birth_date"] == ["Deze dag bestaat niet in die maand."]
    assert errors["given_names"] == ["Vul de voornamen in."]
    assert errors["source"] == ["Kies via welke ingang het signaal binnenkwam."]
    assert errors["municipality"] == ["Kies de woongemeente."]
    assert errors["email"][0].startswith("Vul een geldig e-mailadres in")
    assert exc.value.message == "Controleer de gemarkeerde velden."
    assert _counts() == before


def test_future_birth_date_and_missing_contact_for_self_registration(aalsmeer_team):
    before = _counts()
    with pytest.raises(ValidationFailed) as exc:
        signal_register(actor=None, source=Source.SELF,
                        **person(birth_date="01-01-2999", phone="", email=""))
    assert exc.value.field_errors["birth_date"] == ["De geboortedatum ligt in de toekomst."]
    assert "telefoonnummer of e-mailadres" in exc.value.field_errors["phone"][0]
    assert _counts() == before


def test_no_team_for_municipality_still_stores_the_signal(aalsmeer_coach):
    real_municipality(UTRECHT)
    signal = signal_register(actor=aalsmeer_coach, source=Source.WERKCENTRUM,
                             **person(municipality=UTRECHT))
    assert (signal.status, signal.team, signal.youth) == (SignalStatus.NEW, None, None)
    assert Youth.objects.count() == 0
    entry = AuditEntry.objects.get(object_type="signal")
    assert entry.detail["routed"] is False


def test_str_never_contains_the_bsn(aalsmeer_team, aalsmeer_coach):
    YouthFactory(family_name="Vries", team=aalsmeer_team)
    bsn = valid_bsn(13)
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL, **person(bsn=bsn))
    assert signal.bsn == bsn and bsn not in str(signal)

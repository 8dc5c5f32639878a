"""Each app summarises its own events on the timeline (``casefile.timeline``)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from route27.casefile.models import Event
from route27.casefile.timeline import register_summary, summaries
from route27.core.testing import assert_num_queries
from route27.handover.events import HandoverEventKind
from route27.signals.events import SignalEventKind
from route27.trajectories.events import TrajectoryEventKind
from route27.trajectories.models import Instrument
from route27.youth.events import YouthEventKind


def summarise_here(event, prepared):
    return "elders"


def test_an_app_summarises_only_its_own_kinds():
    with pytest.raises(ImproperlyConfigured, match="only its own kinds"):
        register_summary([TrajectoryEventKind.OUTFLOW], summarise_here)
    with pytest.raises(ImproperlyConfigured, match="not registered"):
        register_summary(["outreach_reached_test"], summarise_here)


def test_each_event_gets_the_summary_of_its_own_app():
    events = [
        Event(kind=TrajectoryEventKind.STEP_CHANGED, from_state="signal", to_state="intake"),
        Event(kind=YouthEventKind.CONTACT_PERSON_CHANGED, to_state="doorstroomcoach"),
        Event(kind=TrajectoryEventKind.OUTFLOW, to_state="duurzaam_werk"),
        Event(kind=HandoverEventKind.HANDOVER_CHANGED, from_state="concept", to_state="sent"),
        Event(kind=SignalEventKind.SIGNAL_RECEIVED),
        Event(kind="unknown_kind"),
    ]
    assert summaries(events) == [
        "1 Signaal/melding → 2 Intake en behoefteverkenning", "Doorstroomcoach",
        "Duurzaam werk", "", "", ""]


@pytest.mark.django_db
def test_a_lookup_for_the_summaries_is_read_once_per_page():
    instruments = list(Instrument.objects.order_by("pk")[:3])
    events = [Event(kind=TrajectoryEventKind.INSTRUMENT_STARTED, data={"instrument": i.code})
              for i in instruments]
    with assert_num_queries(1):
        assert summaries(events) == [i.name for i in instruments]
    with assert_num_queries(0):
        assert summaries([Event(kind=TrajectoryEventKind.OUTFLOW, to_state="verhuisd")]) == [
            "Verhuisd"]

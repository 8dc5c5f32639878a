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
        "Duurzaam werk", "Verstuurd", "", ""]


def test_repeated_handover_changes_fold_into_one_row():
    """Issue 11: five changes of one handover read "Overdracht: 5 wijzigingen" (the rows one
    click away); another handover, or another kind in between, starts a new row."""
    from route27.casefile.timeline import folded

    def change(handover, to_state):
        return Event(kind=HandoverEventKind.HANDOVER_CHANGED, to_state=to_state,
                     data={"handover": handover})

    steps = ["accepted", "received", "sent", "concept", "concept"]
    events = [*(change("a", state) for state in steps),
              Event(kind=TrajectoryEventKind.STEP_CHANGED, from_state="signal", to_state="intake"),
              change("b", "sent"), change("a", "sent")]
    rows = folded([{"event": e, "summary": s} for e, s in zip(events, summaries(events),
                                                                  strict=True)])

    assert [len(r["group"]) for r in rows] == [5, 0, 0, 0]
    assert rows[0]["summary"] == "Overdracht: 5 wijzigingen (nu: Geaccepteerd)"
    assert rows[2]["summary"] == "Verstuurd"


def test_a_summariser_folds_with_group_and_fold_together():
    with pytest.raises(ImproperlyConfigured, match="both group and fold"):
        register_summary([HandoverEventKind.HANDOVER_CHANGED], summarise_here,
                         group=lambda e: None)


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

"""The kernel's data migrations: trajectory events and audit rows move without loss (ADR 0009).

Runs the real migrations backwards to the state before the kernel, writes rows the old way, and
migrates forward again. Runs on SQLite and, in CI, on PostgreSQL.
"""

import datetime
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("trajectories", "0005_alter_trajectoryevent_event_type"), ("audit", "0003_append_only"),
          ("youth", "0001_initial"),
          ("casefile", None)]
pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def _old_world(apps):
    Lmr = apps.get_model("organisations", "LabourMarketRegion")
    Dsp = apps.get_model("organisations", "DoorstroompuntRegion")
    Municipality = apps.get_model("organisations", "Municipality")
    Organisation = apps.get_model("organisations", "Organisation")
    Team = apps.get_model("organisations", "Team")
    User = apps.get_model("organisations", "User")
    Youth = apps.get_model("youth", "Youth")
    Trajectory = apps.get_model("trajectories", "Trajectory")
    municipality = Municipality.objects.create(
        code="GM9999", number="9999", name="Testgemeente", province="Utrecht",
        labour_market_region=Lmr.objects.create(code="9999", name="AMR test"),
        doorstroompunt_region=Dsp.objects.create(code="9999", name="DSP test", name_duo="t"))
    organisation = Organisation.objects.create(name="Gemeente test", type="gemeente",
                                               municipality=municipality)
    team = Team.objects.create(organisation=organisation, name="Jongerenteam")
    coach = User.objects.create(username="coach.migratie")
    youth = Youth.objects.create(given_names="Mila", family_name="Test", birth_year=2007,
                                 municipality=municipality, team=team)
    trajectory = Trajectory.objects.create(youth=youth, team=team, step="signaal",
                                           started_on=datetime.date(2026, 10, 1))
    return coach, youth, trajectory


def test_events_and_audit_rows_survive_the_move_to_the_kernel():
    leaves = _leaves()
    old = _migrate(BEFORE)
    coach, youth, trajectory = _old_world(old)
    OldEvent = old.get_model("trajectories", "TrajectoryEvent")
    AuditEntry = old.get_model("audit", "AuditEntry")
    written = timezone.now()
    OldEvent.objects.create(youth=youth, trajectory=trajectory, event_type="trajectory_started",
                            effective_date=timezone.localdate(written), actor=coach,
                            data={"source": "sociaal_team", "returning": False})
    OldEvent.objects.create(youth=youth, trajectory=trajectory, event_type="activity_recorded",
                            effective_date=datetime.date(2026, 10, 7), actor=coach,
                            data={"kind": "coachingsgesprek"})
    support_id = str(uuid.uuid4())
    OldEvent.objects.create(youth=youth, trajectory=trajectory, event_type="handover_changed",
                            effective_date=timezone.localdate(written),
                            data={"support_request": support_id})
    AuditEntry.objects.create(action="update", object_type="trajectory",
                              object_id=str(youth.public_id), purpose="casework",
                              detail={"trajectory": str(trajectory.public_id)})
    AuditEntry.objects.create(action="read", object_type="support_request",
                              object_id=str(youth.public_id), purpose="casework",
                              detail={"support_request": support_id})
    AuditEntry.objects.create(action="denied", object_type="youth",
                              object_id=str(youth.public_id), purpose="casework")
    AuditEntry.objects.create(action="read", object_type="view", object_id="x", purpose="casework")

    new = _migrate(leaves)
    Event = new.get_model("casefile", "Event")
    events = {e.kind: e for e in Event.objects.all()}
    assert set(events) == {"trajectory_started", "activity_recorded", "support_request_changed"}
    assert events["trajectory_started"].data == {"entrance": "social_team", "returning": False}
    assert not events["trajectory_started"].date_only
    activity = events["activity_recorded"]
    assert activity.date_only
    assert timezone.localtime(activity.occurred_at).date() == datetime.date(2026, 10, 7)
    assert activity.recorded_at.date() == written.date()
    assert new.get_model("trajectories", "Trajectory").objects.get().entrance == "social_team"

    NewAudit = new.get_model("audit", "AuditEntry")
    by_type = {(a.object_type, a.action): a for a in NewAudit.objects.all()}
    moved = by_type[("trajectory", "update")]
    assert (moved.subject_id, moved.object_id) == (youth.pk, str(trajectory.public_id))
    read = by_type[("support_request", "read")]
    assert (read.subject_id, read.object_id) == (youth.pk, support_id)
    assert by_type[("youth", "denied")].subject_id is None  # nothing was read
    assert by_type[("view", "read")].subject_id is None

    with pytest.raises(Exception):  # noqa: B017 - the guard is back: SQLite and PostgreSQL differ
        with connection.cursor() as cursor:
            cursor.execute("UPDATE audit_auditentry SET purpose = 'x'")
    with pytest.raises(Exception):  # noqa: B017
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM casefile_event")

"""Migration 0009 ends the contact assignments of youth whose trajectories are all closed."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from route27.casefile.tests.test_migration import _old_world

BEFORE = [("trajectories", "0008_delete_trajectoryevent"), ("youth", "0001_initial")]
AFTER = [("trajectories", "0009_end_contacts_of_closed_trajectories"), ("youth", "0001_initial")]
pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_contacts_of_closed_trajectories_end_and_the_ledger_says_so():
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    apps = _migrate(BEFORE)
    coach, youth, trajectory = _old_world(apps)
    apps.get_model("trajectories", "Trajectory").objects.filter(pk=trajectory.pk).update(
        step="closed", closed_on=datetime.date(2026, 11, 1))
    ContactAssignment = apps.get_model("youth", "ContactAssignment")
    stale = ContactAssignment.objects.create(youth=youth, user=coach, role="doorstroomcoach")
    ContactAssignment.objects.filter(pk=stale.pk).update(
        started_at=datetime.datetime(2026, 10, 2, tzinfo=datetime.UTC))

    apps = _migrate(AFTER)
    ended = apps.get_model("youth", "ContactAssignment").objects.get(pk=stale.pk).ended_at
    assert ended is not None and ended.date() <= datetime.date(2026, 11, 1)
    event = apps.get_model("casefile", "Event").objects.get(kind="contact_person_ended")
    assert (event.youth_id, event.trajectory_id, event.from_state) == (
        youth.pk, trajectory.pk, "doorstroomcoach")
    _migrate(leaves)

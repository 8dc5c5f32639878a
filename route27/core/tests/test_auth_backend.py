"""Signing in without Django's model permissions (issue 12, core.auth.PasswordBackend): every
right is a rules permission; a check rules refuses costs no permission queries, and a
superuser keeps every right."""

import pytest
from django.contrib.auth import authenticate

from route27.core.testing import assert_num_queries
from route27.organisations.models import User
from route27.organisations.roles import Role
from route27.organisations.tests.factories import member

pytestmark = pytest.mark.django_db


def test_a_refused_check_asks_the_database_nothing(team):
    coach = member(Role.DOORSTROOMCOACH, team=team)
    coach = User.objects.get(pk=coach.pk)
    assert coach.has_perm("trajectories.view_worklist")  # reads the memberships once
    with assert_num_queries(0):
        assert not coach.has_perm("trajectories.view_caseload")  # a team lead's right
        assert not coach.has_perm("organisations.change_municipalconfig")


def test_people_still_sign_in_and_a_superuser_keeps_every_right():
    User.objects.create_user("gewoon", password="geheim-wachtwoord-27")
    admin = User.objects.create_superuser("beheer-super", password="geheim-wachtwoord-27")
    assert authenticate(username="gewoon", password="geheim-wachtwoord-27") is not None
    assert authenticate(username="gewoon", password="fout") is None
    assert admin.has_perm("organisations.change_municipalconfig")
    assert admin.get_all_permissions()

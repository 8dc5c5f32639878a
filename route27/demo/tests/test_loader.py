import pytest
from django.core.management import call_command

from route27.demo.loader import USERS
from route27.organisations.models import Membership, User
from route27.organisations.roles import Role
from route27.trajectories.selectors import joint_assessments_for
from route27.youth.models import PossibleDuplicate, Youth
from route27.youth.selectors import youth_visible_to

pytestmark = pytest.mark.django_db


def test_demo_data_is_idempotent_and_scoped():
    call_command("load_reference_data")
    call_command("load_demo_data")
    call_command("load_demo_data")
    assert Youth.objects.count() == 201  # 200 and one possible duplicate without a BSN
    assert Youth.objects.exclude(bsn=None).values("bsn").distinct().count() == 200
    assert PossibleDuplicate.objects.get().status == PossibleDuplicate.Status.OPEN
    assert {m.role for m in Membership.objects.all()} == set(Role)
    assert len(USERS) == User.objects.filter(memberships__isnull=False).distinct().count()
    coach = User.objects.get(username="doorstroomcoach.aalsmeer")
    visible = youth_visible_to(coach)
    assert visible.count() == 61
    assert set(visible.values_list("municipality__name", flat=True)) == {"Aalsmeer"}
    assert not youth_visible_to(User.objects.get(username="zonderteam")).exists()


def test_login_page_lists_demo_accounts(client, settings):
    call_command("load_reference_data")
    call_command("load_demo_data")
    settings.DEMO_MODE = True
    content = client.get("/inloggen/").content.decode()
    assert "doorstroomcoach.aalsmeer" in content
    assert "route27-demo" in content
    settings.DEMO_MODE = False
    assert "doorstroomcoach.aalsmeer" not in client.get("/inloggen/").content.decode()


def test_the_doorstroompunt_has_a_youth_to_assess_jointly():
    """The demo's Doorstroompunt coach finds one youth of its region on "Gezamenlijke
    beoordeling" (art. 7a lid 2), and no file."""
    call_command("load_reference_data")
    call_command("load_demo_data")
    call_command("load_demo_data")
    dsp = User.objects.get(username="doorstroompunt.amstelland")
    rows = joint_assessments_for(dsp)
    assert rows.count() == 1
    assert rows.get().youth.municipality.name == "Aalsmeer"
    assert not youth_visible_to(dsp).exists()

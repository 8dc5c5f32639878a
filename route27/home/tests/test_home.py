"""A home page per role (issue 11 §1): what each role does now, one click from where it is done;
reads logged; query counts constant in the number of items."""

import datetime
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.test import Client
from django.utils import timezone

from route27.appointments.tests.factories import AppointmentFactory
from route27.audit.models import AuditAction, AuditEntry
from route27.core.testing import assert_max_queries, assert_num_queries
from route27.handover.tests.factories import HandoverFactory, SupportRequestFactory
from route27.home import selectors
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import OrganisationFactory, TeamFactory, member
from route27.trajectories.models import FollowUp, Goal, PlanAction
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.models import ContactAssignment
from route27.youth.services import contact_person_assign_bulk
from route27.youth.tests.factories import ContactAssignmentFactory, YouthFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def born(years: int, days_to_birthday: int) -> dict:
    """Birth date fields of someone turning ``years`` in ``days_to_birthday`` days."""
    day = TODAY + datetime.timedelta(days=days_to_birthday) - relativedelta(years=years)
    return {"birth_year": day.year, "birth_month": day.month, "birth_day": day.day}


def coach_items(coach, team, n: int, tag: str) -> None:
    """``n`` of every kind of item on the coach's home page."""
    for i in range(n):
        youth = YouthFactory(team=team, family_name=f"{tag}{i}", **born(18, 10 + i))
        trajectory = TrajectoryFactory(youth=youth, team=team,
                                       started_on=TODAY - datetime.timedelta(weeks=20))
        ContactAssignmentFactory(youth=youth, user=coach, role=Role.DOORSTROOMCOACH)
        goal = Goal.objects.create(trajectory=trajectory, description="Werk vinden")
        PlanAction.objects.create(goal=goal, description=f"CV maken {i}",
                                  due_on=TODAY - datetime.timedelta(days=i % 3))
        FollowUp.objects.create(trajectory=trajectory, due_on=TODAY + datetime.timedelta(days=5),
                                months_after_outflow=1)
        AppointmentFactory(trajectory=trajectory, coach=coach)
        AppointmentFactory(trajectory=trajectory, coach=coach, past=True)


# --- The coach ----------------------------------------------------------------------------------
def test_coach_home_lists_what_to_do_each_one_click_from_where_it_is_done(coach, team):
    coach_items(coach, team, 1, "Jansen")
    body = login(coach).get("/").content.decode()
    trajectory = coach.contact_assignments.get().youth.trajectories.get()
    follow_up = trajectory.follow_ups.get()
    assert "CV maken 0" in body and f'href="/trajecten/{trajectory.public_id}/#plan"' in body
    assert f'href="/trajecten/{trajectory.public_id}/nazorg/{follow_up.pk}/"' in body
    assert "wordt 18 op" in body and "BW 1:233" in body  # age alert with what it means
    assert f'href="/trajecten/{trajectory.public_id}/activiteiten/nieuw/"' in body  # no contact
    assert "Niet gekomen" in body  # attendance in one click
    assert 'href="/afspraken/"' in body or "Alle afspraken" in body


def test_coach_home_logs_every_youth_shown(coach, team):
    coach_items(coach, team, 2, "Pietersen")
    login(coach).get("/")
    youth_ids = set(coach.contact_assignments.values_list("youth_id", flat=True))
    logged = set(AuditEntry.objects.filter(actor=coach, action=AuditAction.READ,
                                           object_type="youth")
                 .values_list("subject_id", flat=True))
    assert youth_ids <= logged


def test_coach_home_query_count_is_constant(coach, team):
    client = login(coach)
    coach_items(coach, team, 1, "Een")
    with assert_max_queries(40) as one:
        assert client.get("/").status_code == 200
    coach_items(coach, team, 9, "Tien")
    with assert_num_queries(one):
        assert client.get("/").status_code == 200


def test_age_marks_cite_the_law_module():
    assert [m.years for m in selectors.AGE_MARKS] == [16, 18, 23, 27]
    assert all(m.meaning and m.citation for m in selectors.AGE_MARKS)


def test_a_youth_turning_16_23_or_27_shows_too(coach, team):
    for years in (16, 23, 27):
        youth = YouthFactory(team=team, family_name=f"Leeftijd{years}", **born(years, 20))
        TrajectoryFactory(youth=youth, team=team)
        ContactAssignmentFactory(youth=youth, user=coach, role=Role.DOORSTROOMCOACH)
    alerts = selectors.age_alerts(user=coach, today=TODAY)
    assert sorted(a.mark.years for a in alerts) == [16, 23, 27]


# --- The team lead ------------------------------------------------------------------------------
@pytest.fixture
def lead(team):
    return member(Role.TEAMLEIDER, team=team)


def queued(team, n: int, days_ago: int, tag: str):
    for i in range(n):
        TrajectoryFactory(youth=YouthFactory(team=team, family_name=f"{tag}{i}"), team=team,
                          started_on=TODAY - datetime.timedelta(days=days_ago))


def test_working_days():
    monday = datetime.date(2026, 11, 30)
    assert selectors.working_days_between(monday, monday) == 0
    assert selectors.working_days_between(monday, monday + datetime.timedelta(days=4)) == 4
    assert selectors.working_days_between(monday, monday + datetime.timedelta(days=7)) == 5
    assert selectors.working_days_between(monday, monday + datetime.timedelta(days=14)) == 10


def test_lead_home_shows_the_queue_with_waiting_times_and_the_norm(lead, team, coach):
    queued(team, 1, 30, "Lang")
    queued(team, 1, 1, "Kort")
    body = login(lead).get("/").content.decode()
    assert "Lang0" in body and "Kort0" in body
    assert "1 wacht langer dan de norm." in body
    assert "Norm: binnen 10 werkdagen toegewezen." in body
    assert "gewogen" in body
    rows, total, overdue = selectors.lead_intake_queue(user=lead, today=TODAY)
    assert total == 2 and overdue == 1 and [r.overdue for r in rows] == [True, False]


def test_lead_home_and_assign_page_query_counts_are_constant(lead, team, coach):
    client = login(lead)
    queued(team, 2, 20, "Wacht")  # two: the duplicate check runs from two
    coach_items(coach, team, 1, "Een")
    with assert_max_queries(40) as one:
        assert client.get("/").status_code == 200
    with assert_max_queries(25) as assign_one:
        assert client.get("/start/toewijzen/").status_code == 200
    queued(team, 8, 20, "Meer")
    coach_items(coach, team, 9, "Tien")
    contact_person_assign_bulk(actor=lead, youth=[a.youth for a in ContactAssignment.objects
                                                  .filter(user=coach)[:3]],
                               user=member(Role.JONGERENCOACH_WERK, team=team), reason="x",
                               cover_until=TODAY)
    with assert_num_queries(one):
        assert client.get("/").status_code == 200
    with assert_num_queries(assign_one):
        assert client.get("/start/toewijzen/").status_code == 200


# --- The school ---------------------------------------------------------------------------------
@pytest.fixture
def school_org():
    return OrganisationFactory(name="Mbo Noord (test)", type=OrganisationType.SCHOOL_MBO)


@pytest.fixture
def school_contact(school_org):
    return member(Role.SCHOOL_CONTACT, team=TeamFactory(organisation=school_org))


def test_school_home_says_what_waits_on_whom(school_contact, school_org):
    HandoverFactory(sender=school_org, actor=school_contact, filled=True,
                    youth=YouthFactory(team=None, minor=True, family_name="Zonderakkoord"))
    HandoverFactory(sender=school_org, actor=school_contact, consented=True,
                    youth=YouthFactory(team=None, minor=True, family_name="Klaarvoorsturen"))
    HandoverFactory(sender=school_org, actor=school_contact, sent=True,
                    youth=YouthFactory(team=None, minor=True, family_name="Verstuurd"))
    SupportRequestFactory(school=school_org, actor=school_contact,
                          youth=YouthFactory(team=None, minor=True, family_name="Vraagt"))
    items = {i.obj.youth.family_name: i.waits_on
             for group in selectors.school_items(user=school_contact).values() for i in group}
    assert items == {"Zonderakkoord": selectors.WAITS_ON_CONSENT,
                     "Klaarvoorsturen": selectors.WAITS_ON_SCHOOL,
                     "Verstuurd": selectors.WAITS_ON_RECEIVER,
                     "Vraagt": selectors.WAITS_ON_RECEIVER}
    body = login(school_contact).get("/").content.decode()
    assert "Wacht op toestemming van de jongere of ouder" in body
    assert "Wacht op de ontvanger" in body and "Wacht op de school" in body


def test_school_home_query_count_is_constant(school_contact, school_org):
    client = login(school_contact)
    HandoverFactory(sender=school_org, actor=school_contact, sent=True)
    SupportRequestFactory(school=school_org, actor=school_contact)
    with assert_max_queries(30) as one:
        assert client.get("/").status_code == 200
    for _ in range(9):
        HandoverFactory(sender=school_org, actor=school_contact, sent=True)
        SupportRequestFactory(school=school_org, actor=school_contact)
    with assert_num_queries(one):
        assert client.get("/").status_code == 200


# --- Policy, regional coordination, functional administration ----------------------------------
@pytest.mark.parametrize(("role", "link"), [(Role.BELEIDSADVISEUR, "/resultaten/streefcijfers/"),
                                            (Role.REGIONAL_COORDINATOR, "/resultaten/regio/")])
def test_policy_roles_see_the_results_and_the_sources(role, link):
    body = login(member(role)).get("/").content.decode()
    assert f'href="{link}"' in body and 'href="/bronnen/"' in body
    assert 'href="/programma/"' in body


@pytest.fixture
def beheerder():
    user = member(Role.FUNCTIONEEL_BEHEERDER)
    user.is_staff = True
    user.save()
    return user


def test_functional_administrator_home_links_work(beheerder):
    client = login(beheerder)
    body = client.get("/").content.decode()
    section = body[body.index('data-testid="admin-links"'):]
    links = re.findall(r'href="([^"]+)"', section[:section.index("</ul>")])
    assert len(links) == 10
    for link in links:
        assert client.get(link).status_code == 200, link


def test_functional_administrator_may_administer_exactly_those_models(beheerder):
    client = login(beheerder)
    assert client.get("/beheer/").status_code == 200
    assert client.get("/beheer/organisations/municipalconfig/add/").status_code == 200
    assert client.get("/beheer/organisations/team/add/").status_code == 200
    assert client.get("/beheer/organisations/user/add/").status_code == 403
    assert beheerder.has_perm("trajectories.change_instrument")
    assert not beheerder.has_perm("organisations.change_user")  # no escalation to superuser
    assert not beheerder.has_perm("youth.view_youth_admin")
    assert not beheerder.has_perm("organisations.delete_team")
    other = member(Role.FUNCTIONEEL_BEHEERDER)
    assert client.get(f"/beheer/organisations/user/{other.pk}/change/").status_code == 200  # view
    response = client.post(f"/beheer/organisations/user/{other.pk}/change/",
                           {"username": other.username, "is_superuser": "on"})
    other.refresh_from_db()
    assert response.status_code == 403 and not other.is_superuser


def test_a_coach_with_staff_status_gets_no_admin_rights(coach):
    coach.is_staff = True
    coach.save()
    assert login(coach).get("/beheer/organisations/municipalconfig/").status_code == 403


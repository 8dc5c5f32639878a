"""Worklists (issue 4 §10): own youth, intake queue and caseload; scoped, audited, O(1) queries."""

import datetime
import itertools
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from route27 import law
from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.partial_date import PartialDate
from route27.core.testing import assert_max_queries, assert_num_queries
from route27.organisations.models import MunicipalConfig
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    AMSTELVEEN,
    UserFactory,
    member,
    real_municipality,
)
from route27.trajectories import selectors
from route27.trajectories.alerts import alerts_for
from route27.trajectories.models import FollowUp
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.trajectories.workflow import Step
from route27.youth.events import YouthEventKind
from route27.youth.models import ContactAssignment
from route27.youth.tests.factories import ContactAssignmentFactory, YouthFactory

pytestmark = pytest.mark.django_db

MINE, INTAKE, CASELOAD = "/werkvoorraad/", "/werkvoorraad/intake/", "/werkvoorraad/team/"


def own(coach, team, *, youth=None, **trajectory):
    """An open trajectory of a youth in ``team`` with ``coach`` as contact person."""
    youth = youth or YouthFactory(team=team)
    ContactAssignmentFactory(youth=youth, user=coach, role=Role.DOORSTROOMCOACH)
    return TrajectoryFactory(youth=youth, team=team, **trajectory)


def unassigned(team, *, entrance="school", youth=None, **trajectory):
    """A youth waiting in the intake queue. Each one another person (own family name): two
    queued files with one name and birth date show as one possible duplicate (issue 9 §4)."""
    youth = youth or YouthFactory(team=team, family_name=f"Wachtend{next(_WAITING)}")
    return TrajectoryFactory(youth=youth, team=team, entrance=entrance, **trajectory)


_WAITING = itertools.count()


def names(response) -> list[str]:
    """Youth names in table order (the name cell links to the youth file)."""
    return re.findall(r'href="/jongeren/[0-9a-f-]+/">([^<]+)</a>', response.content.decode())


def born_years_ago(years: int, months: int = 0, days: int = 0) -> dict:
    born = timezone.localdate() - relativedelta(years=years, months=months, days=days)
    return {"birth_year": born.year, "birth_month": born.month, "birth_day": born.day}


@pytest.fixture
def team_lead(team):
    return member(Role.TEAMLEIDER, team=team)


@pytest.fixture
def lead_client(team_lead):
    client = Client()  # not the shared `client`: tests use coach_client alongside
    client.force_login(team_lead)
    return client


# --- Query counts -------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["", "?sorteer=-contact", "?signaal=turns_27",
                                   "?signaal=no_contact&stap=signal", "?pagina=2"])
def test_worklist_query_count_is_constant(coach_client, coach, team, query):
    MunicipalConfig.objects.create(municipality=real_municipality(AMSTELVEEN), no_contact_weeks=4)
    weeks_ago = timezone.localdate() - datetime.timedelta(weeks=8)

    def add(i):  # every query matches some rows, in both sizes
        municipality = real_municipality(AMSTELVEEN) if i % 2 else real_municipality()
        youth = YouthFactory(team=team, municipality=municipality, **born_years_ago(26, 11))
        t = own(coach, team, youth=youth, intensity=["licht", "intensief", ""][i % 3],
                started_on=weeks_ago)
        if i % 5 == 0:
            FollowUp.objects.create(trajectory=t, due_on=timezone.localdate(),
                                    months_after_outflow=1)

    for i in range(5):
        add(i)
    assert coach_client.get(MINE + query).status_code == 200  # warm up (content types, sessions)
    with assert_max_queries(14) as small:
        assert coach_client.get(MINE + query).status_code == 200
    for i in range(55):
        add(i)
    with assert_num_queries(small):
        assert coach_client.get(MINE + query).status_code == 200


def test_intake_queue_query_count_is_constant(coach_client, team):
    for _ in range(5):
        unassigned(team)
    assert coach_client.get(INTAKE).status_code == 200  # warm up
    with assert_max_queries(14) as small:
        assert coach_client.get(INTAKE).status_code == 200
    for _ in range(55):
        unassigned(team)
    with assert_num_queries(small):
        assert coach_client.get(INTAKE).status_code == 200


def test_caseload_query_count_is_constant(lead_client, team):
    coaches = [member(Role.DOORSTROOMCOACH, team=team) for _ in range(2)]
    for i in range(5):
        own(coaches[i % 2], team)
    own(member(Role.DOORSTROOMCOACH), team)  # contact person from another team
    assert lead_client.get(CASELOAD).status_code == 200  # warm up
    with assert_max_queries(14) as small:
        assert lead_client.get(CASELOAD).status_code == 200
    coaches += [member(Role.JONGERENCOACH_WERK, team=team) for _ in range(5)]
    for i in range(55):
        own(coaches[i % 7], team, intensity=["licht", "middelzwaar", "intensief", ""][i % 4])
    for _ in range(5):
        unassigned(team)
    own(member(Role.DOORSTROOMCOACH), team)
    with assert_num_queries(small):
        assert lead_client.get(CASELOAD).status_code == 200


# --- Worklist -----------------------------------------------------------------------------------
def test_worklist_shows_own_open_youth_with_columns(coach_client, coach, team):
    youth = YouthFactory(team=team, given_names="Sanne", family_name="Bakker",
                         **born_years_ago(19))
    own(coach, team, youth=youth, activated=True, actor=coach, route=law.Route.WORK,
        intensity="middelzwaar", last_contact_on=datetime.date(2026, 1, 5))
    closed = own(coach, team, closed=True, actor=coach)
    colleague = member(Role.DOORSTROOMCOACH, team=team)
    theirs = own(colleague, team)
    response = coach_client.get(MINE)
    body = response.content.decode()
    assert names(response) == ["Sanne Bakker"]
    assert f'href="/jongeren/{youth.public_id}/"' in body
    for text in ("19", "4 Activering", "Toeleiding naar werk", "Middelzwaar", "05-01-2026"):
        assert text in body
    assert closed.youth.full_name not in body and theirs.youth.full_name not in body
    assert 'method="get"' in body


def test_worklist_filters_step_intensity_route(coach_client, coach, team):
    own(coach, team, youth=YouthFactory(team=team, family_name="Intake"), step=Step.INTAKE,
        intensity="intensief", route=law.Route.LEARN_WORK)
    own(coach, team, youth=YouthFactory(team=team, family_name="Signaal"), step=Step.SIGNAL)
    own(coach, team, youth=YouthFactory(team=team, family_name="Licht"), step=Step.SUPPORT,
        intensity="licht", route=law.Route.WORK)
    assert [n.split()[-1] for n in names(coach_client.get(MINE + "?stap=intake"))] == ["Intake"]
    assert [n.split()[-1] for n in names(coach_client.get(MINE + "?intensiteit=intensief"))] \
        == ["Intake"]
    assert [n.split()[-1] for n in names(coach_client.get(MINE + "?intensiteit=onbekend"))] \
        == ["Signaal"]
    assert [n.split()[-1] for n in names(coach_client.get(MINE + "?route=work"))] == ["Licht"]
    assert names(coach_client.get(MINE + "?stap=match")) == []
    assert "Geen jongeren die aan deze filters voldoen" in \
        coach_client.get(MINE + "?stap=match").content.decode()


def test_worklist_ignores_an_unknown_filter_value(coach_client, coach, team):
    own(coach, team)
    response = coach_client.get(MINE + "?stap=bestaat-niet&sorteer=hack")
    assert response.status_code == 200
    assert len(names(response)) == 1


def test_worklist_alert_filter_turns_27(coach_client, coach, team):
    almost = YouthFactory(team=team, family_name="Bijna", **born_years_ago(26, 11))
    own(coach, team, youth=almost)
    own(coach, team, youth=YouthFactory(team=team, family_name="Jong", **born_years_ago(20)))
    response = coach_client.get(MINE + "?signaal=turns_27")
    assert [n.split()[-1] for n in names(response)] == ["Bijna"]
    assert "Wordt binnen 90 dagen 27" in response.content.decode()
    assert "r27-alert-tag--error" in response.content.decode()


def test_worklist_alert_filters_overdue_and_no_contact(coach_client, coach, team):
    today = timezone.localdate()
    late = own(coach, team, youth=YouthFactory(team=team, family_name="Nazorg"),
               step=Step.AFTERCARE, last_contact_on=today)
    FollowUp.objects.create(trajectory=late, due_on=today - datetime.timedelta(days=3),
                            months_after_outflow=1)
    own(coach, team, youth=YouthFactory(team=team, family_name="Stil"), step=Step.SUPPORT,
        last_contact_on=today - datetime.timedelta(weeks=7))
    # Amstelveen waits 10 weeks: 7 weeks without contact is no alert there.
    MunicipalConfig.objects.create(municipality=real_municipality(AMSTELVEEN),
                                   no_contact_weeks=10)
    own(coach, team, youth=YouthFactory(team=team, family_name="Amstelveen",
                                        municipality=real_municipality(AMSTELVEEN)),
        step=Step.SUPPORT, last_contact_on=today - datetime.timedelta(weeks=7))
    own(coach, team, youth=YouthFactory(team=team, family_name="Vers"), step=Step.SUPPORT,
        last_contact_on=today)
    overdue = coach_client.get(MINE + "?signaal=follow_up_overdue")
    assert [n.split()[-1] for n in names(overdue)] == ["Nazorg"]
    assert "Nazorgcontact te laat" in overdue.content.decode()
    silent = coach_client.get(MINE + "?signaal=no_contact")
    assert [n.split()[-1] for n in names(silent)] == ["Stil"]
    assert "Geen contact sinds" in silent.content.decode()


def test_worklist_sorting_with_aria_sort(coach_client, coach, team):
    today = timezone.localdate()
    for name, step, contact in [("Bos", Step.INTAKE, 3), ("Aarts", Step.SUPPORT, 10),
                                ("Claes", Step.SIGNAL, 1)]:
        own(coach, team, youth=YouthFactory(team=team, given_names="J", family_name=name),
            step=step, last_contact_on=today - datetime.timedelta(days=contact))

    def order(query):
        return [n.split()[-1] for n in names(coach_client.get(MINE + query))]

    assert order("") == ["Aarts", "Bos", "Claes"]
    assert order("?sorteer=-naam") == ["Claes", "Bos", "Aarts"]
    assert order("?sorteer=stap") == ["Claes", "Bos", "Aarts"]  # workflow order, not A-Z
    assert order("?sorteer=contact") == ["Aarts", "Bos", "Claes"]  # longest ago first
    body = coach_client.get(MINE + "?sorteer=-naam&stap=").content.decode()
    assert 'aria-sort="descending"' in body and body.count("aria-sort=") == 1
    assert 'href="?sorteer=naam"' in body
    body = coach_client.get(MINE + "?stap=intake").content.decode()
    assert 'aria-sort="ascending"' in body and 'href="?stap=intake&amp;sorteer=-naam"' in body


def test_worklist_pages_by_25_and_keeps_filters(coach_client, coach, team):
    for _ in range(30):
        own(coach, team, intake=True, actor=coach)
    first = coach_client.get(MINE + "?stap=intake")
    assert len(names(first)) == 25
    assert "stap=intake&amp;pagina=2" in first.content.decode()
    assert len(names(coach_client.get(MINE + "?stap=intake&pagina=2"))) == 5


def test_worklist_logs_one_read_per_youth_shown(coach_client, coach, team):
    shown = [own(coach, team) for _ in range(3)]
    coach_client.get(MINE)
    logged = set(AuditEntry.objects.filter(action=AuditAction.READ, object_type="youth",
                                           actor=coach).values_list("object_id", flat=True))
    assert logged == {str(t.youth.public_id) for t in shown}


def test_another_teams_youth_never_appear(coach_client, lead_client, coach, team, other_team,
                                          other_coach):
    theirs = own(other_coach, other_team)
    waiting = unassigned(other_team)
    for url in (MINE, INTAKE):
        body = coach_client.get(url).content.decode()
        assert theirs.youth.full_name not in body and waiting.youth.full_name not in body
    body = lead_client.get(CASELOAD).content.decode()
    assert other_coach.get_full_name() not in body
    assert "Intakewachtrij: 0 signalen" in body


@pytest.mark.parametrize("url", [MINE, INTAKE, CASELOAD])
def test_user_without_team_gets_403(client, url):
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


def test_coach_cannot_see_caseload(coach_client):
    assert coach_client.get(CASELOAD).status_code == 403


def test_nav_and_dashboard_links_follow_permissions(coach_client, lead_client):
    body = coach_client.get("/").content.decode()
    assert 'href="/werkvoorraad/"' in body and 'href="/werkvoorraad/intake/"' in body
    assert 'href="/werkvoorraad/team/"' not in body
    assert 'href="/werkvoorraad/team/"' in lead_client.get("/").content.decode()


# --- SQL alert filters agree with alerts_for ---------------------------------------------------
@given(st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31)),
       st.dates(datetime.date(2010, 1, 1), datetime.date(2040, 12, 31)),
       st.integers(0, 120), st.sampled_from([18, 27]))
def test_birth_bounds_match_law_birthday(born, start, days, years):
    end = start + datetime.timedelta(days=days)
    lo, hi = selectors.birth_bounds(years, start, end)
    birthday = law.birthday(PartialDate(born.year, born.month, born.day), years)[0]
    assert (start <= birthday <= end) == (lo <= born <= hi)


@pytest.mark.parametrize("today", [datetime.date(2026, 2, 28), datetime.date(2028, 2, 29),
                                   datetime.date(2026, 6, 15), datetime.date(2026, 12, 20)])
@pytest.mark.parametrize("alert,years", [("turns_18", 18), ("turns_27", 27)])
def test_sql_age_alerts_equal_alerts_for(coach, team, today, alert, years):
    births = set()
    for offset in list(range(-3, 4)) + list(range(25, 35)) + list(range(85, 95)):
        b = today - relativedelta(years=years) + datetime.timedelta(days=offset)
        births |= {(b.year, b.month, b.day), (b.year, b.month, None), (b.year, None, None)}
    births |= {(2008, 2, 29), (2000, 2, 29), (2001, 2, 28), (2001, 3, 1)}
    for y, m, d in births:
        own(coach, team, youth=YouthFactory(team=team, birth_year=y, birth_month=m, birth_day=d))
    expected = {t.pk for t in selectors.worklist(user=coach, today=today)
                if any(a.code == alert for a in alerts_for(youth=t.youth, trajectory=t,
                                                           today=today))}
    found = set(selectors.worklist(user=coach, alert=alert, today=today)
                .values_list("pk", flat=True))
    assert found == expected
    assert expected  # the sample does reach the window


# --- Intake queue and taking on a signal ---------------------------------------------------------
def test_intake_queue_oldest_first_with_source_and_days(coach_client, coach, team):
    today = timezone.localdate()
    new = unassigned(team, entrance="self", started_on=today - datetime.timedelta(days=2))
    old = unassigned(team, entrance="uwv", started_on=today - datetime.timedelta(days=9))
    own(coach, team)  # has a contact person: not waiting
    response = coach_client.get(INTAKE)
    body = response.content.decode()
    assert names(response) == [old.youth.full_name, new.youth.full_name]
    assert "De jongere zelf" in body and "UWV (bijvoorbeeld einde WW-uitkering)" in body
    assert ">9<" in body
    assert body.count("Ik pak dit op") == 2
    assert new.youth.municipality.name in body
    logged = set(AuditEntry.objects.filter(action=AuditAction.READ, object_type="youth")
                 .values_list("object_id", flat=True))
    assert logged == {str(old.youth.public_id), str(new.youth.public_id)}


def test_take_on_assigns_then_youth_moves_to_worklist(coach_client, coach, team):
    waiting = unassigned(team)
    response = coach_client.post(f"{INTAKE}{waiting.public_id}/oppakken/", follow=True)
    assert "U bent nu de vaste contactpersoon van" in response.content.decode()
    assignment = ContactAssignment.objects.get(youth=waiting.youth, ended_at__isnull=True)
    assert (assignment.user, assignment.role) == (coach, Role.DOORSTROOMCOACH)
    assert Event.objects.filter(youth=waiting.youth,
                                          kind=YouthEventKind.CONTACT_PERSON_CHANGED).exists()
    assert waiting.youth.full_name not in coach_client.get(INTAKE).content.decode()
    assert names(coach_client.get(MINE)) == [waiting.youth.full_name]
    # Issue 10: the law assigns the contact after the intake fixed the route; taking on is not
    # blocked, the coach is told it is still open.
    assert "de intake heeft de route nog niet bepaald" in response.content.decode() or \
        "Past niet" in response.content.decode() or "15 tot 18" in response.content.decode()


def test_take_on_twice_says_it_is_taken(coach_client, coach, team):
    waiting = unassigned(team)
    colleague = member(Role.JONGERENCOACH_WERK, team=team)
    ContactAssignmentFactory(youth=waiting.youth, user=colleague, role=Role.JONGERENCOACH_WERK)
    response = coach_client.post(f"{INTAKE}{waiting.public_id}/oppakken/", follow=True)
    assert "iemand anders heeft het signaal al opgepakt" in response.content.decode()
    assert ContactAssignment.objects.get(youth=waiting.youth).user == colleague


def test_take_on_refused_without_contact_role(lead_client, team):
    waiting = unassigned(team)
    body = lead_client.get(INTAKE).content.decode()
    assert waiting.youth.full_name in body and "Ik pak dit op" not in body
    response = lead_client.post(f"{INTAKE}{waiting.public_id}/oppakken/", follow=True)
    assert "U kunt dit signaal niet oppakken" in response.content.decode()
    assert not ContactAssignment.objects.filter(youth=waiting.youth).exists()


def test_take_on_of_another_teams_signal_is_404_and_logged(coach_client, coach, other_team):
    theirs = unassigned(other_team)
    response = coach_client.post(f"{INTAKE}{theirs.public_id}/oppakken/")
    assert response.status_code == 404
    assert not ContactAssignment.objects.filter(youth=theirs.youth).exists()
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor=coach,
                                     object_id=str(theirs.public_id)).exists()


def test_take_on_needs_post(coach_client, team):
    waiting = unassigned(team)
    assert coach_client.get(f"{INTAKE}{waiting.public_id}/oppakken/").status_code == 405


# --- Caseload ----------------------------------------------------------------------------------
def test_caseload_weights_and_totals(lead_client, team_lead, team):
    anna = member(Role.DOORSTROOMCOACH, team=team, first_name="Anna", last_name="Aalders")
    bram = member(Role.JONGERENCOACH_WERK, team=team, first_name="Bram", last_name="Berg")
    member(Role.DOORSTROOMCOACH, team=team, first_name="Cor", last_name="Cuypers")  # no youth
    own(anna, team, intensity="licht")
    own(anna, team, intensity="licht")
    own(anna, team, intensity="intensief")
    own(anna, team, closed=True, intensity="intensief", actor=anna)  # closed: not counted
    own(bram, team, intensity="middelzwaar")
    own(bram, team)  # no intake yet: unknown, weighs as light
    unassigned(team)
    [caseload] = selectors.team_caseload(user=team_lead)
    rows = {r.name: r for r in caseload.rows}
    a, b, c = rows["Anna Aalders"], rows["Bram Berg"], rows["Cor Cuypers"]
    assert (a.light, a.medium, a.intensive, a.unknown, a.total, a.weighted) == (2, 0, 1, 0, 3, 5)
    assert (b.medium, b.unknown, b.total, b.weighted) == (1, 1, 2, 3)
    assert (c.total, c.weighted) == (0, 0)
    assert (caseload.total.total, caseload.total.weighted) == (5, 8)
    assert caseload.intake_queue == 1
    body = lead_client.get(CASELOAD).content.decode()
    assert "Anna Aalders" in body and "Cor Cuypers" in body and "Totaal team" in body
    assert "Intakewachtrij: 1 signaal" in body
    assert 'href="/jongeren/' not in body.split('id="main"')[1]  # counts only, no youth


def test_caseload_logs_one_caseload_read(lead_client, team_lead, team):
    own(member(Role.DOORSTROOMCOACH, team=team), team)
    lead_client.get(CASELOAD)
    entries = AuditEntry.objects.filter(actor=team_lead, action=AuditAction.READ)
    assert [(e.object_type, e.purpose, e.object_id) for e in entries] == \
        [("caseload", "caseload", str(team.pk))]


@pytest.mark.parametrize("entrance, label", [
    ("social_team", "Sociaal loket of sociaal team"), ("youth_work", "Jongerenwerk"),
    ("compulsory_education", "Leerplicht"), ("handover_mbo_gemeente", "Overdracht Mbo → gemeente"),
    ("support_request", "Verzoek om ondersteuning tijdens school"),
    ("staff", "Aangemeld door een medewerker"),
])
def test_intake_queue_names_every_entrance_in_dutch(coach_client, team, entrance, label):
    unassigned(team, entrance=entrance)
    body = coach_client.get(INTAKE).content.decode()
    assert label in body and f">{entrance}<" not in body

"""The intake queue shows a person once (issue 9 §4, No Wrong Door): two queued files that may
be one person are one row marked "mogelijk dubbel dossier", with a way to compare and decide."""

import re

import pytest

from route27.core.testing import count_queries
from route27.signals.services import signal_confirm_match, signal_register
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.trajectories.workflow import Step
from route27.youth.models import PossibleDuplicate
from route27.youth.services import possible_duplicate_dismiss
from route27.youth.tests.factories import PossibleDuplicateFactory, YouthFactory

pytestmark = pytest.mark.django_db
INTAKE = "/werkvoorraad/intake/"
MARK = "Mogelijk dubbel dossier"


def _queued(youth, team):
    return TrajectoryFactory(youth=youth, team=team)


def _take_on_buttons(body: str) -> int:
    return body.count("Ik pak dit op</button>")


def test_the_nwd_duplicate_shows_once_and_is_merged_from_the_queue(coach_client, coach, team,
                                                                  aalsmeer):
    """A signal without a BSN for someone whose file has one, registered as a new person by
    mistake: the queue shows one row; the coach compares, merges, and one file remains."""
    team.serves.add(aalsmeer)
    known = YouthFactory(team=team, municipality=aalsmeer, with_bsn=True, given_names="Sanne",
                         family_name="Vries")
    _queued(known, team)
    signal = signal_register(actor=coach, source="school", given_names="Sanne",
                             family_name="Vries", birth_date=str(known.birth_date),
                             municipality=aalsmeer, phone="06 12345678")
    assert signal.status == "needs_confirmation"
    signal = signal_confirm_match(actor=coach, signal=signal, youth=None)  # "nieuwe jongere"
    second = signal.youth
    body = coach_client.get(INTAKE).content.decode()
    assert body.count(MARK) == 1 and _take_on_buttons(body) == 1
    assert 'action="/jongeren/dubbele-dossiers/controleren/"' in body

    response = coach_client.post("/jongeren/dubbele-dossiers/controleren/",
                                 {"jongere": [str(known.public_id), str(second.public_id)]})
    review = PossibleDuplicate.objects.get()
    assert (review.other, review.youth) == (known, second)
    assert response["Location"] == f"/jongeren/dubbele-dossiers/{review.public_id}/"
    page = coach_client.get(response["Location"]).content.decode()
    assert "Dossiers samenvoegen" in page and known.bsn in page

    response = coach_client.post(f"/jongeren/dubbele-dossiers/{review.public_id}/", {
        "besluit": "samenvoegen", "bewaren": str(known.public_id),
        "reden": "Zelfde telefoonnummer en school (test)"})
    assert response["Location"] == f"/jongeren/{known.public_id}/"
    second.refresh_from_db()
    assert second.merged_into == known
    assert known.trajectories.filter(closed_on__isnull=True).get().step == Step.SIGNAL
    body = coach_client.get(INTAKE).content.decode()
    assert MARK not in body and _take_on_buttons(body) == 1
    assert signal.__class__.objects.get(pk=signal.pk).youth == known


def test_an_open_review_pair_shows_once_with_a_link_to_it(coach_client, team):
    review = PossibleDuplicateFactory(other__team=team, bsn_other_person=True)
    _queued(review.other, team)
    _queued(review.youth, team)
    body = coach_client.get(INTAKE).content.decode()
    assert body.count(MARK) == 1 and _take_on_buttons(body) == 1
    assert f'href="/jongeren/dubbele-dossiers/{review.public_id}/"' in body


def test_different_people_show_as_two_rows_again(coach_client, coach, team):
    review = PossibleDuplicateFactory(other__team=team)
    _queued(review.other, team)
    _queued(review.youth, team)
    possible_duplicate_dismiss(actor=coach, review=review, note="Tweeling (test)")
    body = coach_client.get(INTAKE).content.decode()
    assert MARK not in body and _take_on_buttons(body) == 2


def test_duplicates_cost_no_extra_query(coach_client, team):
    for n in range(5):
        _queued(YouthFactory(team=team, family_name=f"Anders{n}"), team)
    coach_client.get(INTAKE)  # warm up
    with count_queries() as distinct:
        coach_client.get(INTAKE)
    for n in range(5):  # five people with two files each
        _queued(YouthFactory(team=team, family_name=f"Dubbel{n}"), team)
        _queued(YouthFactory(team=team, family_name=f"Dubbel{n}"), team)
    with count_queries() as doubled:
        body = coach_client.get(INTAKE).content.decode()
    assert len(doubled) == len(distinct)
    assert body.count(MARK) == 5
    assert len(re.findall(r"Ik pak dit op</button>", body)) == 10


def test_comparing_needs_both_files(client, coach, team, other_team):
    mine, theirs = YouthFactory(team=team), YouthFactory(team=other_team)
    client.force_login(coach)
    response = client.post("/jongeren/dubbele-dossiers/controleren/",
                           {"jongere": [str(mine.public_id), str(theirs.public_id)]})
    assert response.status_code == 404
    assert not PossibleDuplicate.objects.exists()


def test_the_team_leads_home_shows_the_pair_once(client, team):
    """The lead's home lists the same queue as the intake page: a person once (issue 11)."""
    from route27.organisations.roles import Role
    from route27.organisations.tests.factories import member

    review = PossibleDuplicateFactory(other__team=team, bsn_other_person=True)
    _queued(review.other, team)
    _queued(review.youth, team)
    client.force_login(member(Role.TEAMLEIDER, team=team))
    body = client.get("/").content.decode()
    assert body.count(MARK) == 1
    assert body.count(f'href="/jongeren/{review.other.public_id}/"') == 1
    assert "Vergelijken in de intakewachtrij" in body

"""The pages of issue 9 §4: "new youth" without an oracle, the review list and compare page,
and the functional administrator's merges with their undo."""

import re

import pytest
from django.test import Client

from route27.audit.models import AuditAction, AuditEntry
from route27.organisations.roles import Role
from route27.organisations.tests.factories import AALSMEER, TeamFactory, member, real_municipality
from route27.youth.models import PossibleDuplicate, Youth, YouthMerge
from route27.youth.tests.factories import (
    PossibleDuplicateFactory,
    YouthFactory,
    YouthMergeFactory,
    valid_bsn,
)

pytestmark = pytest.mark.django_db
NEW = "/jongeren/nieuw/"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
TIME = re.compile(r"\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?")


def _form(bsn: str, **person) -> dict:
    return {"given_names": "Sam", "family_name": "Bouwer", "birth_date": "17-05-2007",
            "bsn": bsn, "municipality": AALSMEER, "guardians-TOTAL_FORMS": "2",
            "guardians-INITIAL_FORMS": "0", "guardians-MIN_NUM_FORMS": "2",
            "guardians-MAX_NUM_FORMS": "4", **person}


def _register(client, bsn: str, **person) -> tuple[int, str, str]:
    """Status, the redirect with its id blanked, and the page it leads to with the ids, the BSN
    typed, the form tokens and clock times blanked."""
    response = client.post(NEW, _form(bsn, **person))
    page = client.get(response["Location"]).content.decode()
    for variable in (UUID, TOKEN, TIME):
        page = variable.sub("…", page)
    return response.status_code, UUID.sub("…", response["Location"]), page.replace(bsn, "…")


def test_another_teams_bsn_gets_the_answer_an_unknown_bsn_gets(coach_client, coach, other_team):
    theirs = YouthFactory(team=other_team, with_bsn=True, family_name="Elders")
    unknown = _register(coach_client, valid_bsn(77))
    known_elsewhere = _register(coach_client, theirs.bsn)
    assert unknown == known_elsewhere
    assert unknown[0] == 302
    review = PossibleDuplicate.objects.get()
    assert review.other == theirs and review.source == "youth_create"
    assert "Elders" not in known_elsewhere[2]


def test_a_namesake_of_another_team_gets_a_silent_review(coach_client, other_team):
    theirs = YouthFactory(team=other_team, family_name="Bouwer", birth_year=2007,
                          birth_month=5, birth_day=17)
    alone = _register(coach_client, "", family_name="Anders")
    with_namesake = _register(coach_client, "")
    assert alone[:2] == with_namesake[:2]
    review = PossibleDuplicate.objects.get()
    assert (review.other, review.reason) == (theirs, PossibleDuplicate.Reason.SAME_NAME_BIRTH_DATE)


def test_a_bsn_of_a_file_the_user_may_see_is_refused_with_a_link(coach_client, team):
    mine = YouthFactory(team=team, with_bsn=True)
    response = coach_client.post(NEW, _form(mine.bsn))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Er is al een jongere met dit BSN geregistreerd." in body
    assert f'href="/jongeren/{mine.public_id}/"' in body
    assert Youth.objects.count() == 1


def test_the_review_list_and_page_show_only_what_the_user_may_see(coach_client, coach, team):
    review = PossibleDuplicateFactory(other__team=team, other__given_names="Bekende",
                                      youth__given_names="Nieuwe", other_team=True)
    listing = coach_client.get("/jongeren/dubbele-dossiers/").content.decode()
    assert "Bekende" in listing and "Nieuwe" not in listing
    assert "een dossier van een ander team" in listing
    page = coach_client.get(f"/jongeren/dubbele-dossiers/{review.public_id}/").content.decode()
    assert "Bekende" in page and "Nieuwe" not in page
    assert "Dossiers samenvoegen" not in page and "U kunt hierover niet beslissen" in page
    response = coach_client.post(f"/jongeren/dubbele-dossiers/{review.public_id}/", {
        "besluit": "verschillend", "toelichting": "Geprobeerd (test)"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == PossibleDuplicate.Status.OPEN
    reads = AuditEntry.objects.filter(action=AuditAction.READ, object_type="youth")
    assert set(reads.values_list("subject_id", flat=True)) == {review.other_id}


def test_who_may_see_only_the_new_file_is_not_shown_the_review(client, team):
    review = PossibleDuplicateFactory(other_team=True)
    client.force_login(member(Role.DOORSTROOMCOACH, team=review.youth.team))
    assert str(review.public_id) not in client.get("/jongeren/dubbele-dossiers/").content.decode()
    assert client.get(f"/jongeren/dubbele-dossiers/{review.public_id}/").status_code == 404


def test_deciding_different_people_on_the_page(coach_client, team):
    review = PossibleDuplicateFactory(other__team=team, same_bsn=True)
    url = f"/jongeren/dubbele-dossiers/{review.public_id}/"
    missing = coach_client.post(url, {"besluit": "verschillend", "toelichting": ""})
    assert "Licht toe waarom het verschillende personen zijn." in missing.content.decode()
    response = coach_client.post(url, {"besluit": "verschillend", "toelichting": "Tweeling"})
    assert response["Location"] == "/jongeren/dubbele-dossiers/"
    review.youth.refresh_from_db()
    assert review.youth.bsn is None
    assert coach_client.get(url).status_code == 404  # decided: no longer open


@pytest.fixture
def admin_client(client, team):
    TeamFactory(organisation=team.organisation, serves=[real_municipality()])
    client.force_login(member(Role.FUNCTIONEEL_BEHEERDER, team=team))
    return client


def test_the_administrator_lists_the_merges_and_undoes_one(admin_client, coach, team):
    merge = YouthMergeFactory(kept=YouthFactory(team=team, given_names="Blijft"), actor=coach,
                              merged__given_names="Vervalt")
    elsewhere = YouthMergeFactory(kept=YouthFactory(
        team=TeamFactory(), municipality=real_municipality("GM0344"), given_names="Utrecht"))
    page = admin_client.get("/jongeren/samenvoegingen/").content.decode()
    assert "Blijft" in page and "Vervalt" in page and "Utrecht" not in page
    url = f"/jongeren/samenvoegingen/{merge.public_id}/ongedaan-maken/"
    assert admin_client.post(url, {"reden": ""}).status_code == 302
    assert not YouthMerge.objects.get(pk=merge.pk).is_undone
    admin_client.post(url, {"reden": "Toch twee personen (test)"})
    assert YouthMerge.objects.get(pk=merge.pk).is_undone
    assert Youth.objects.get(pk=merge.merged_id).merged_into is None
    other = f"/jongeren/samenvoegingen/{elsewhere.public_id}/ongedaan-maken/"
    assert admin_client.post(other, {"reden": "test"}).status_code == 404


def test_a_coach_has_no_merges_page(coach_client, coach, team):
    merge = YouthMergeFactory(kept=YouthFactory(team=team), actor=coach)
    assert coach_client.get("/jongeren/samenvoegingen/").status_code == 403
    response = coach_client.post(f"/jongeren/samenvoegingen/{merge.public_id}/ongedaan-maken/",
                                 {"reden": "test"})
    assert response.status_code == 403
    assert not YouthMerge.objects.get(pk=merge.pk).is_undone


def test_the_administrator_decides_on_files_of_two_teams(admin_client, team):
    review = PossibleDuplicateFactory(other__team=team, other_team=True,
                                      youth__given_names="Nieuwe")
    page = admin_client.get(f"/jongeren/dubbele-dossiers/{review.public_id}/").content.decode()
    assert "Nieuwe" in page and "Dossiers samenvoegen" in page
    assert f'href="/jongeren/{review.youth.public_id}/"' not in page  # no file reason: no link
    response = admin_client.post(f"/jongeren/dubbele-dossiers/{review.public_id}/", {
        "besluit": "samenvoegen", "bewaren": str(review.other.public_id), "reden": "Zelfde"})
    assert response["Location"] == "/jongeren/dubbele-dossiers/"
    assert Youth.objects.get(pk=review.youth_id).merged_into_id == review.other_id


def test_a_file_merged_into_one_the_user_cannot_see_is_not_found(client, coach, team,
                                                                 other_coach):
    merge = YouthMergeFactory(kept=YouthFactory(team=team), actor=coach)
    outsider = Client()
    outsider.force_login(other_coach)
    assert outsider.get(f"/jongeren/{merge.merged.public_id}/").status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.DENIED,
                                     subject=merge.merged).exists()


def test_the_api_answers_another_teams_bsn_as_an_unknown_one(coach_client, other_team):
    theirs = YouthFactory(team=other_team, with_bsn=True)

    def create(bsn):
        response = coach_client.post("/api/v1/jongeren", {
            "burgerservicenummer": bsn, "voornamen": "Noor", "geslachtsnaam": "Proefmans",
            "geboorte": {"jaar": 2008, "maand": 5, "dag": 17}, "woongemeenteCode": "0358"},
            content_type="application/json")
        body = response.json()
        return response.status_code, sorted(body), {
            k: v for k, v in body.items()
            if k not in {"id", "burgerservicenummer", "aangemaaktOp", "gewijzigdOp"}}

    assert create(valid_bsn(78)) == create(theirs.bsn)
    assert PossibleDuplicate.objects.get().other == theirs

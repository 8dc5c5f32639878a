"""Issue 9 §8: a BSN typed into the name search never lands in a URL (address bar, history,
access log). The name search posts; a number that looks like a BSN is searched as a BSN."""

import pytest

from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db
LIST = "/jongeren/"


def test_a_bsn_in_the_name_search_finds_the_youth_without_a_url_holding_it(coach_client, team):
    youth = YouthFactory(team=team, bsn=valid_bsn(7))
    response = coach_client.post(LIST, {"q": f" {youth.bsn[:4]} {youth.bsn[4:]} "})
    assert response.status_code == 302
    assert response["Location"] == f"/jongeren/{youth.public_id}/"


def test_a_name_search_posts_and_comes_back_as_a_link_with_the_name(coach_client, team):
    YouthFactory(team=team, family_name="Voorbeeldig")
    response = coach_client.post(LIST, {"q": "Voorbeeldig"})
    assert response.status_code == 302 and response["Location"] == "/jongeren/?q=Voorbeeldig"
    live = coach_client.post(LIST, {"q": "Voorbeeldig"}, HTTP_HX_REQUEST="true")
    assert live.status_code == 200 and live["HX-Push-Url"] == "/jongeren/?q=Voorbeeldig"
    assert "Voorbeeldig" in live.content.decode()


def test_a_live_search_on_a_number_is_never_pushed_to_the_address_bar(coach_client, team):
    live = coach_client.post(LIST, {"q": "1112223"}, HTTP_HX_REQUEST="true")
    assert live["HX-Push-Url"] == "false"


def test_a_bsn_typed_into_the_address_bar_is_not_searched_or_echoed(coach_client, team):
    bsn = valid_bsn(8)
    YouthFactory(team=team, bsn=bsn)
    response = coach_client.get(LIST, {"q": bsn})
    assert response.status_code == 302 and bsn not in response["Location"]

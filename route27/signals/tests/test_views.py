"""Staff pages: only the user's teams' signals, audited reads, match decisions, no BSN leaks."""

import pytest

from route27.audit.models import AuditAction, AuditEntry
from route27.core.testing import assert_max_queries, assert_num_queries
from route27.organisations.roles import Role
from route27.organisations.tests.factories import UserFactory, member, real_municipality
from route27.signals.models import Signal, SignalStatus, Source
from route27.signals.services import signal_register
from route27.signals.tests.conftest import AMSTELVEEN, UTRECHT, person
from route27.signals.tests.factories import SignalFactory
from route27.youth.models import Youth
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db


def test_list_shows_only_own_teams_signals(aalsmeer_client, aalsmeer_coach, amstelveen_team):
    own = SignalFactory.create_batch(2, actor=aalsmeer_coach)
    other = SignalFactory.create_batch(1, actor=aalsmeer_coach, municipality=AMSTELVEEN)
    assert other[0].team == amstelveen_team
    response = aalsmeer_client.get("/signalen/")
    html = response.content.decode()
    assert all(s.full_name in html for s in own)
    assert other[0].full_name not in html
    shown = set(AuditEntry.objects.filter(object_type="signal", action=AuditAction.READ,
                                          purpose="caseload").values_list("object_id", flat=True))
    assert shown == {str(s.public_id) for s in own}


def test_list_filters_by_status_newest_first(aalsmeer_client, aalsmeer_coach, aalsmeer_team):
    YouthFactory(family_name="Vries", team=aalsmeer_team)
    waiting = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL, **person())
    linked = SignalFactory.create_batch(2, actor=aalsmeer_coach)
    page = aalsmeer_client.get("/signalen/?status=needs_confirmation").context["page"]
    assert list(page.object_list) == [waiting]
    page = aalsmeer_client.get("/signalen/").context["page"]
    assert list(page.object_list) == [linked[1], linked[0], waiting]


@pytest.mark.parametrize("query", ["", "?status=linked", "?pagina=2"])
def test_list_query_count_is_constant(aalsmeer_client, aalsmeer_coach, query):
    SignalFactory.create_batch(5, actor=aalsmeer_coach)
    with assert_max_queries(12) as small:
        assert aalsmeer_client.get("/signalen/" + query).status_code == 200
    SignalFactory.create_batch(50, actor=aalsmeer_coach)
    with assert_num_queries(small):
        assert aalsmeer_client.get("/signalen/" + query).status_code == 200


@pytest.mark.parametrize("url", ["/signalen/", "/signalen/nieuw/"])
@pytest.mark.parametrize("role", [None, Role.SCHOOL_CONTACT, Role.BELEIDSADVISEUR])
def test_staff_pages_refused_without_casework_role(client, aalsmeer_team, url, role):
    user = member(role, team=aalsmeer_team) if role else UserFactory()
    client.force_login(user)
    assert client.get(url).status_code == 403


def test_detail_and_decisions_refused_without_casework_role(client, aalsmeer_coach):
    signal = SignalFactory(actor=aalsmeer_coach)
    client.force_login(member(Role.BELEIDSADVISEUR))
    base = f"/signalen/{signal.public_id}/"
    assert client.get(base).status_code == 403
    assert client.post(base + "dezelfde-persoon/").status_code == 403
    assert client.post(base + "nieuwe-jongere/").status_code == 403


def test_anonymous_is_sent_to_login(client, db):
    response = client.get("/signalen/")
    assert response.status_code == 302 and "/inloggen/" in response.url


def test_other_teams_signal_is_404_and_logged_as_denied(aalsmeer_client, aalsmeer_coach,
                                                        amstelveen_team):
    other = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL,
                            **person(municipality=AMSTELVEEN))
    assert aalsmeer_client.get(f"/signalen/{other.public_id}/").status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, object_type="signal",
                                     object_id=str(other.public_id)).exists()


def test_create_from_any_entrance_redirects_to_detail(aalsmeer_client, aalsmeer_team):
    response = aalsmeer_client.post("/signalen/nieuw/", {
        **person(), "source": Source.COMPULSORY_EDUCATION, "reporter": "Leerplicht Aalsmeer"})
    signal = Signal.objects.get()
    assert response.status_code == 302 and response.url == f"/signalen/{signal.public_id}/"
    assert signal.source == Source.COMPULSORY_EDUCATION and signal.created_by is not None
    page = aalsmeer_client.get(response.url).content.decode()
    assert "intakewachtrij" in page and "Leerplicht Aalsmeer" in page


def test_create_with_errors_shows_dutch_messages(aalsmeer_client, aalsmeer_team):
    response = aalsmeer_client.post("/signalen/nieuw/", {**person(bsn="12345678"),
                                                          "source": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies via welke ingang het signaal binnenkwam." in html
    assert Signal.objects.count() == 0


def test_create_for_unserved_municipality_says_so(aalsmeer_client, aalsmeer_team):
    real_municipality(UTRECHT)
    response = aalsmeer_client.post("/signalen/nieuw/", {
        **person(municipality=UTRECHT), "source": Source.UWV}, follow=True)
    assert "geen team dat inwoners van Utrecht" in response.content.decode()
    assert Signal.objects.get().team is None


def test_detail_shows_candidates_and_confirming_links_the_existing_youth(
        aalsmeer_client, aalsmeer_coach, aalsmeer_team):
    known = YouthFactory(family_name="Vries", team=aalsmeer_team)
    bsn = valid_bsn(21)
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL, **person(bsn=bsn))
    url = f"/signalen/{signal.public_id}/"
    html = aalsmeer_client.get(url).content.decode()
    assert "Dit is dezelfde persoon" in html and "Nieuwe jongere aanmaken" in html
    assert known.full_name in html
    assert bsn not in html and f"******{bsn[-3:]}" in html  # masked only
    assert AuditEntry.objects.filter(object_type="signal", action=AuditAction.READ,
                                     object_id=str(signal.public_id)).exists()
    assert AuditEntry.objects.filter(object_type="youth", action=AuditAction.READ,
                                     object_id=str(known.public_id), purpose="search").exists()

    before = Youth.objects.count()
    response = aalsmeer_client.post(url + "dezelfde-persoon/", {"youth": str(known.public_id)})
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == SignalStatus.LINKED and signal.youth == known
    assert Youth.objects.count() == before
    again = aalsmeer_client.post(url + "nieuwe-jongere/", follow=True)
    assert "al gekoppeld" in again.content.decode()
    assert Youth.objects.count() == before


def test_new_youth_button_creates_a_person(aalsmeer_client, aalsmeer_coach, aalsmeer_team):
    YouthFactory(family_name="Vries", team=aalsmeer_team)
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL, **person())
    response = aalsmeer_client.post(f"/signalen/{signal.public_id}/nieuwe-jongere/")
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == SignalStatus.LINKED and Youth.objects.count() == 2


def test_confirm_with_unknown_youth_id_is_refused(aalsmeer_client, aalsmeer_coach,
                                                  aalsmeer_team):
    YouthFactory(family_name="Vries", team=aalsmeer_team)
    stranger = YouthFactory(family_name="Bakker", team=aalsmeer_team)
    signal = signal_register(actor=aalsmeer_coach, source=Source.SCHOOL, **person())
    url = f"/signalen/{signal.public_id}/dezelfde-persoon/"
    for value in (str(stranger.public_id), "geen-uuid", ""):
        response = aalsmeer_client.post(url, {"youth": value}, follow=True)
        assert "Kies een van de mogelijke matches." in response.content.decode()
    signal.refresh_from_db()
    assert signal.status == SignalStatus.NEEDS_CONFIRMATION


def test_get_on_decision_urls_is_not_allowed(aalsmeer_client, aalsmeer_coach):
    signal = SignalFactory(actor=aalsmeer_coach)
    assert aalsmeer_client.get(f"/signalen/{signal.public_id}/nieuwe-jongere/").status_code == 405

import pytest
from django.test import Client

from route27.audit.models import AuditAction, AuditEntry
from route27.core.errors import NotFound, ValidationFailed
from route27.core.testing import assert_max_queries, assert_num_queries
from route27.handover import services as handover_services
from route27.handover.models import Consent, ConsentGiver, ConsentMethod
from route27.handover.selectors import visible_blocks, withdrawn_blocks
from route27.organisations.roles import Role
from route27.organisations.tests.factories import UserFactory, member
from route27.portal.models import PortalAccount, PortalRelation
from route27.portal.selectors import PURPOSE_OWN_ACCESS
from route27.portal.services import STUDY_PREFIX, portal_account_create
from route27.portal.tests.conftest import born, handover_for, portal_user
from route27.signals.models import Signal, SignalStatus, Source
from route27.trajectories import services as trajectory_services
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.selectors import youth_get
from route27.youth.tests.factories import ContactAssignmentFactory, YouthFactory

pytestmark = pytest.mark.django_db
ALL_BUT_HEALTH = ["wie_ben_ik", "wat_kan_ik", "wat_wil_ik", "wat_heb_ik_nodig", "opleiding",
                  "mogelijkheden", "loopbaanbegeleiding", "ondersteuningsbehoefte", "contacten"]


def part_url(handover):
    return f"/mijn/overgangsdocument/{handover.public_id}/mijn-deel/"


def consent_url(handover):
    return f"/mijn/overgangsdocument/{handover.public_id}/toestemming/"


def withdraw_url(handover):
    return f"/mijn/overgangsdocument/{handover.public_id}/toestemming/intrekken/"


# --- The overgangsdocument ------------------------------------------------------------------
def test_youth_writes_their_part_and_it_lands_in_the_document(youth_client, adult, school,
                                                              gemeente):
    handover = handover_for(school, gemeente, adult)
    page = youth_client.get("/mijn/overgangsdocument/").content.decode()
    assert "Wie ben ik" in page and 'name="h1-wie_ben_ik__tekst"' in page
    response = youth_client.post(part_url(handover), {
        "h1-wie_ben_ik__tekst": "Ik ben Sam en ik sleutel graag aan brommers.",
        "h1-wat_wil_ik__tekst": "Monteur worden."})
    assert response.status_code == 302
    handover.document.refresh_from_db()
    assert handover.document.content["wie_ben_ik"] == {
        "tekst": "Ik ben Sam en ik sleutel graag aan brommers."}
    assert handover.document.content["wat_wil_ik"] == {"tekst": "Monteur worden."}
    assert AuditEntry.objects.filter(object_type="handover", action=AuditAction.UPDATE,
                                     subject=adult, detail__part="youth").exists()
    page = youth_client.get("/mijn/overgangsdocument/").content.decode()
    assert "Je deel van het overgangsdocument is opgeslagen." in page
    assert "sleutel graag aan brommers" in page


def test_a_too_long_part_is_refused_and_nothing_is_saved(youth_client, adult, school, gemeente):
    handover = handover_for(school, gemeente, adult)
    response = youth_client.post(part_url(handover), {"h1-wie_ben_ik__tekst": "x" * 4001,
                                                      "h1-wat_kan_ik__tekst": "Veel"})
    assert response.status_code == 400
    assert "Gebruik hoogstens 4000 tekens." in response.content.decode()
    handover.document.refresh_from_db()
    assert "wie_ben_ik" not in handover.document.content
    assert "wat_kan_ik" not in handover.document.content


def test_parent_of_a_minor_consents_to_all_blocks_but_health(parent_client, minor, school,
                                                             gemeente):
    handover = handover_for(school, gemeente, minor)
    page = parent_client.get("/mijn/overgangsdocument/").content.decode()
    assert "dit deel gaat over de gezondheid van je kind" in page
    health = page[page.index('id="h1-consent-gezondheid"') - 200:
                  page.index('id="h1-consent-gezondheid"') + 60]
    assert "checked" not in health  # unchecked by default
    response = parent_client.post(consent_url(handover), {"block_keys": ALL_BUT_HEALTH})
    assert response.status_code == 302
    consents = Consent.objects.filter(document=handover.document)
    assert sorted(consents.values_list("block_key", flat=True)) == sorted(ALL_BUT_HEALTH)
    assert set(consents.values_list("given_by", "method", "given_by_name")) == {
        (ConsentGiver.PARENT, ConsentMethod.DIGITAL, "Petra Bakker")}
    assert set(consents.values_list("receiver", flat=True)) == {gemeente.organisation.pk}
    handover_services.handover_send(actor=school, handover=handover)
    shown = visible_blocks(document=handover.document, receiver_id=gemeente.organisation.pk)
    assert shown == ALL_BUT_HEALTH
    page = parent_client.get("/mijn/overgangsdocument/").content.decode()
    assert "Gemeente Aalsmeer (test) mag lezen:" in page
    assert "Toestemming gegeven door Petra Bakker" in page


def test_the_minors_own_account_cannot_consent(client, minor, school, gemeente):
    handover = handover_for(school, gemeente, minor)
    client.force_login(portal_user(minor))
    page = client.get("/mijn/overgangsdocument/").content.decode()
    assert "Je bent nog geen 18. Daarom geeft je ouder of voogd toestemming" in page
    assert 'name="block_keys"' not in page
    response = client.post(consent_url(handover), {"block_keys": ["wie_ben_ik"]}, follow=True)
    assert "Je bent nog geen 18" in response.content.decode()
    assert not Consent.objects.exists()
    # writing the own part is still possible
    client.post(part_url(handover), {"h1-wie_ben_ik__tekst": "Ik ben Noor."})
    handover.document.refresh_from_db()
    assert handover.document.content["wie_ben_ik"]["tekst"] == "Ik ben Noor."


def test_withdrawing_consent_removes_it_at_once(youth_client, adult, school, gemeente):
    handover = handover_for(school, gemeente, adult)
    youth_client.post(consent_url(handover), {"block_keys": ["wie_ben_ik", "opleiding",
                                                             "wat_kan_ik"]})
    handover_services.handover_send(actor=school, handover=handover)
    receiver = gemeente.organisation.pk
    assert visible_blocks(document=handover.document, receiver_id=receiver) == [
        "wie_ben_ik", "wat_kan_ik", "opleiding"]
    # per block
    response = youth_client.post(withdraw_url(handover), {"block": "opleiding"}, follow=True)
    assert "Je toestemming is ingetrokken." in response.content.decode()
    assert visible_blocks(document=handover.document, receiver_id=receiver) == [
        "wie_ben_ik", "wat_kan_ik"]
    assert withdrawn_blocks(document=handover.document, receiver_id=receiver) == ["opleiding"]
    # by unticking in the form
    youth_client.post(consent_url(handover), {"block_keys": ["wie_ben_ik"]})
    assert visible_blocks(document=handover.document, receiver_id=receiver) == ["wie_ben_ik"]
    page = youth_client.get("/mijn/overgangsdocument/").content.decode()
    assert "Ingetrokken op" in page
    assert "Gemeente Aalsmeer (test) mag lezen:" in page


def test_nothing_changed_and_unknown_blocks_are_refused(youth_client, adult, school, gemeente):
    handover = handover_for(school, gemeente, adult)
    response = youth_client.post(consent_url(handover), {"block_keys": []}, follow=True)
    assert "Je hebt niets veranderd aan je toestemming." in response.content.decode()
    response = youth_client.post(consent_url(handover), {"block_keys": ["strafblad"]},
                                 follow=True)
    assert "Kies alleen onderdelen van dit overgangsdocument." in response.content.decode()
    assert not Consent.objects.exists()


def test_after_acceptance_the_part_is_read_only_but_consent_can_be_withdrawn(
        youth_client, adult, school, gemeente, aalsmeer_coach):
    handover = handover_for(school, gemeente, adult)
    youth_client.post(part_url(handover), {"h1-wie_ben_ik__tekst": "Ik ben Sam."})
    youth_client.post(consent_url(handover), {"block_keys": ["wie_ben_ik", "opleiding"]})
    handover_services.handover_send(actor=school, handover=handover)
    handover_services.handover_receive(actor=aalsmeer_coach, handover=handover)
    handover_services.handover_accept(actor=aalsmeer_coach, handover=handover)
    page = youth_client.get("/mijn/overgangsdocument/").content.decode()
    assert 'name="h1-wie_ben_ik__tekst"' not in page and "Ik ben Sam." in page
    response = youth_client.post(part_url(handover), {"h1-wie_ben_ik__tekst": "Anders"},
                                 follow=True)
    assert "kan niet meer worden gewijzigd" in response.content.decode()
    youth_client.post(withdraw_url(handover), {"block": "opleiding"})
    assert visible_blocks(document=handover.document,
                          receiver_id=gemeente.organisation.pk) == ["wie_ben_ik"]


# --- Access -----------------------------------------------------------------------------------
def test_portal_user_gets_403_on_staff_pages_and_404_on_another_youths_handover(
        youth_client, adult, minor, school, gemeente):
    assert youth_client.get("/jongeren/").status_code == 403
    # a file by id answers 404 (existence is not disclosed), audited as denied
    assert youth_client.get(f"/jongeren/{adult.public_id}/").status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, object_type="youth",
                                     object_id=str(adult.public_id)).exists()
    assert youth_client.get("/werkvoorraad/").status_code in (403, 404)
    other = handover_for(school, gemeente, minor)
    listing = youth_client.get("/overdracht/").content.decode()  # open to all, empty without org
    assert "Bakker" not in listing and str(other.public_id) not in listing
    assert youth_client.get("/signalen/").status_code == 403
    assert youth_client.get("/api/v1/jongeren").status_code == 403
    assert youth_client.post(part_url(other), {"h1-wie_ben_ik__tekst": "Hack"}).status_code \
        == 404
    assert youth_client.post(consent_url(other), {"block_keys": ["wie_ben_ik"]}).status_code \
        == 404
    assert youth_client.post(withdraw_url(other), {"block": "wie_ben_ik"}).status_code == 404
    other.document.refresh_from_db()
    assert "wie_ben_ik" not in other.document.content
    assert not Consent.objects.exists()
    assert "Bakker" not in youth_client.get("/mijn/overgangsdocument/").content.decode()


def test_staff_and_strangers_cannot_use_the_portal(client, aalsmeer_coach):
    assert client.get("/mijn/").status_code == 302  # to the login page
    client.force_login(aalsmeer_coach)
    assert client.get("/mijn/").status_code == 403
    assert "Mijn Route27" not in client.get("/").content.decode()
    client.force_login(UserFactory())
    assert client.get("/mijn/").status_code == 403


def test_a_parents_access_ends_when_the_child_turns_18(client, aalsmeer, gemeente):
    youth = YouthFactory(municipality=aalsmeer, team=gemeente, **born(17))
    user = portal_user(youth, PortalRelation.PARENT)
    client.force_login(user)
    assert client.get("/mijn/").status_code == 200
    youth.birth_year -= 1  # as if a year went by
    youth.save()
    assert client.get("/mijn/").status_code == 403


def test_account_rules(adult, minor, aalsmeer_coach):
    with pytest.raises(ValidationFailed) as caught:
        portal_account_create(actor=None, user=UserFactory(), youth=adult,
                              relation=PortalRelation.PARENT)
    assert "zolang de jongere minderjarig is" in caught.value.field_errors["relation"][0]
    with pytest.raises(ValidationFailed) as caught:
        portal_account_create(actor=None, user=aalsmeer_coach, youth=minor,
                              relation=PortalRelation.SELF)
    assert caught.value.field_errors["user"] == [
        "Een medewerker kan geen account voor Mijn Route27 krijgen."]
    portal_user(minor)
    with pytest.raises(ValidationFailed, match="Controleer"):
        portal_account_create(actor=None, user=UserFactory(), youth=minor,
                              relation=PortalRelation.SELF)
    portal_user(minor, PortalRelation.PARENT)
    portal_user(minor, PortalRelation.PARENT)  # two parents
    assert PortalAccount.objects.filter(youth=minor).count() == 3
    assert AuditEntry.objects.filter(object_type="portal_account", subject=minor).count() == 3


def test_nav_link_only_for_portal_users(youth_client):
    assert youth_client.get("/")["Location"] == "/mijn/"  # the dashboard sends them home
    page = youth_client.get("/mijn/").content.decode()
    assert 'href="/mijn/"' in page and "Mijn Route27" in page


# --- Home -------------------------------------------------------------------------------------
def test_home_shows_contact_plan_and_step(youth_client, adult, gemeente, aalsmeer_coach):
    trajectory = TrajectoryFactory(youth=adult, team=gemeente, intake=True, actor=aalsmeer_coach)
    ContactAssignmentFactory(youth=adult, user=aalsmeer_coach)
    goal = trajectory_services.goal_add(actor=aalsmeer_coach, trajectory=trajectory,
                                        description="Een baan in de techniek")
    trajectory_services.action_add(actor=aalsmeer_coach, goal=goal, owner="youth",
                                   description="Cv maken")
    page = youth_client.get("/mijn/").content.decode()
    assert "Hoi Sam" in page
    assert "Anouk Aalsmeerder" in page and "Doorstroomcoach" in page
    assert "mailto:anouk@example.org" in page and "Gemeente Aalsmeer (test)" in page
    assert "Stap 2 van 7." in page and "We leren je kennen" in page
    assert "Een baan in de techniek" in page and "Cv maken" in page and "door jou" in page
    assert 'href="/mijn/hulp/"' in page


def test_home_without_trajectory_or_contact(parent_client):
    page = parent_client.get("/mijn/").content.decode()
    assert "Mijn Route27 van Noor" in page
    assert "Je bent ingelogd als ouder of voogd van" in page
    assert "nog geen vaste contactpersoon" in page
    # Issue 11: the parent is addressed about the child, not as the child.
    assert "Noor heeft nog geen plan" in page
    assert "Noor heeft nog geen vaste contactpersoon" in page
    assert "Je hebt nog geen" not in page
    assert "Wie heeft de gegevens van je kind bekeken?" in page


def test_home_query_count_does_not_grow_with_the_plan(youth_client, adult, gemeente,
                                                      aalsmeer_coach):
    trajectory = TrajectoryFactory(youth=adult, team=gemeente)
    ContactAssignmentFactory(youth=adult, user=aalsmeer_coach)

    def add(n):
        for i in range(n):
            goal = trajectory_services.goal_add(actor=aalsmeer_coach, trajectory=trajectory,
                                                description=f"Doel {i}")
            for j in range(3):
                trajectory_services.action_add(actor=aalsmeer_coach, goal=goal,
                                               description=f"Actie {i}.{j}")

    add(1)
    assert youth_client.get("/mijn/").status_code == 200  # warm up
    with assert_max_queries(18) as small:
        assert youth_client.get("/mijn/").status_code == 200
    add(10)
    with assert_num_queries(small):
        assert youth_client.get("/mijn/").status_code == 200


def test_document_query_count_does_not_grow_with_the_ledger(youth_client, adult, school,
                                                            gemeente):
    handover = handover_for(school, gemeente, adult)
    youth_client.post(consent_url(handover), {"block_keys": ["wie_ben_ik"]})
    assert youth_client.get("/mijn/overgangsdocument/").status_code == 200  # warm up
    with assert_max_queries(20) as small:
        assert youth_client.get("/mijn/overgangsdocument/").status_code == 200
    for keys in (ALL_BUT_HEALTH, ["wie_ben_ik"], ALL_BUT_HEALTH):
        youth_client.post(consent_url(handover), {"block_keys": keys})
    assert Consent.objects.count() > 15
    with assert_num_queries(small):
        assert youth_client.get("/mijn/overgangsdocument/").status_code == 200


# --- Who read my file -------------------------------------------------------------------------
def test_access_page_lists_a_coachs_read_with_organisation_and_role(youth_client, adult,
                                                                    aalsmeer_coach):
    youth_get(user=aalsmeer_coach, public_id=adult.public_id)
    page = youth_client.get("/mijn/inzage/").content.decode()
    assert "Anouk Aalsmeerder" in page
    assert "Gemeente Aalsmeer (test), Doorstroomcoach" in page
    assert "Je gegevens bekeken" in page
    own = AuditEntry.objects.filter(purpose=PURPOSE_OWN_ACCESS, subject=adult,
                                    action=AuditAction.READ, detail__page="access")
    assert own.count() == 1  # viewing the page is itself logged
    assert "1 keer bekeken of veranderd" in page  # the own visits are left out


def test_access_page_names_a_parent_and_leaves_out_denied_and_others(
        client, minor, adult, aalsmeer_coach):
    parent = portal_user(minor, PortalRelation.PARENT, first_name="Petra", last_name="Bakker")
    own = portal_user(minor, first_name="Noor", last_name="Bakker")
    parent_client = Client()
    parent_client.force_login(parent)
    parent_client.get("/mijn/")
    youth_get(user=aalsmeer_coach, public_id=adult.public_id)  # another youth
    outsider = member(Role.DOORSTROOMCOACH)
    with pytest.raises(NotFound):  # logged as denied: not a read
        youth_get(user=outsider, public_id=minor.public_id)
    client.force_login(own)
    page = client.get("/mijn/inzage/").content.decode()
    assert "Petra Bakker" in page and "Mijn Route27, Ouder of voogd" in page
    assert "1 keer bekeken of veranderd" in page
    # the parent does not get to follow the youth's own visits
    page = parent_client.get("/mijn/inzage/").content.decode()
    assert "Jongere zelf" not in page
    assert "Nog niemand heeft je gegevens bekeken." in page


def test_access_page_is_paged_with_constant_queries(youth_client, adult, aalsmeer_coach):
    for _ in range(5):
        youth_get(user=aalsmeer_coach, public_id=adult.public_id)
    assert youth_client.get("/mijn/inzage/").status_code == 200  # warm up
    with assert_max_queries(15) as small:
        assert youth_client.get("/mijn/inzage/").status_code == 200
    for _ in range(45):
        youth_get(user=aalsmeer_coach, public_id=adult.public_id)
    with assert_num_queries(small):
        assert youth_client.get("/mijn/inzage/").status_code == 200
    page = youth_client.get("/mijn/inzage/?pagina=3").content.decode()
    assert "Pagina 3 van 3" in page


# --- Ik wil hulp ------------------------------------------------------------------------------
def test_help_request_registers_a_signal_for_the_own_youth(youth_client, adult, gemeente):
    page = youth_client.get("/mijn/hulp/").content.decode()
    assert "Ik studeer aan een hogeschool of universiteit" in page
    response = youth_client.post("/mijn/hulp/", {"kind": "hulp", "message": "Ik zoek werk.",
                                                 "phone": "06 12345678", "email": ""})
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.source == Source.SELF and signal.message == "Ik zoek werk."
    assert signal.youth == adult and signal.status == SignalStatus.LINKED
    assert signal.team == gemeente


def test_hbo_student_request_is_marked(youth_client, adult):
    youth_client.post("/mijn/hulp/", {"kind": "studie", "message": "Ik wil werk na mijn studie.",
                                      "email": "sam@example.org"})
    signal = Signal.objects.get()
    assert signal.message == f"{STUDY_PREFIX} Ik wil werk na mijn studie."
    assert signal.message.startswith("[Verzoek hbo/wo-student, art. 7a lid 1 sub c]")


def test_help_request_needs_a_way_to_reach_you(youth_client):
    response = youth_client.post("/mijn/hulp/", {"kind": "hulp", "message": "Help",
                                                 "phone": "", "email": ""})
    assert response.status_code == 200
    assert "Vul je telefoonnummer of e-mailadres in" in response.content.decode()
    assert not Signal.objects.exists()


def test_parent_asks_help_as_parent_and_not_as_student(parent_client, minor):
    page = parent_client.get("/mijn/hulp/").content.decode()
    assert "hogeschool" not in page
    response = parent_client.post("/mijn/hulp/", {"kind": "studie", "message": "x",
                                                  "phone": "06 12345678"})
    assert response.status_code == 200 and not Signal.objects.exists()
    parent_client.post("/mijn/hulp/", {"kind": "hulp", "message": "Noor zit thuis.",
                                       "phone": "06 12345678"})
    signal = Signal.objects.get()
    assert signal.source == Source.PARENT and signal.youth == minor
    assert signal.reporter == "Ouder of voogd: Petra Bakker"

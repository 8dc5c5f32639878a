"""The handover pages: school portal (sender, status only) and the receiving organisation."""

import datetime
import re

import pytest
from django.utils import timezone

from route27.audit.models import AuditAction, AuditEntry
from route27.core.testing import assert_max_queries, assert_num_queries, count_queries
from route27.handover.models import Handover, Notification, TransitionDocument
from route27.handover.tests.factories import HandoverFactory
from route27.handover.workflow import HandoverStatus
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    AALSMEER,
    OrganisationFactory,
    UserFactory,
    member,
)
from route27.trajectories.models import Trajectory
from route27.youth.models import PossibleDuplicate, Youth
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
BORN = TODAY.replace(year=TODAY.year - 17) - datetime.timedelta(days=30)
YOUTH_WORDS = "Ik ben Sam en ik bouw graag."
HEALTH_TEXT = "Heeft rust nodig na school"
PROGRAMME = "Entree Bouw"
PROOF = "Formulier 2026-031, leerlingdossier"


def _client(client, user):
    client.force_login(user)
    return client


def _org(user):
    return user.primary_membership.team.organisation


def _draft(school, gemeente, aalsmeer, **youth_kwargs):
    youth = YouthFactory(team=None, municipality=aalsmeer, birth_year=BORN.year,
                         birth_month=BORN.month, birth_day=BORN.day, given_names="Sam",
                         **youth_kwargs)
    return HandoverFactory(actor=school, youth=youth, sender=_org(school),
                           receiver=gemeente.organisation, school_left_on=None,
                           youth_part={"wie_ben_ik": {"tekst": YOUTH_WORDS}})


@pytest.fixture
def draft(school, gemeente, aalsmeer):
    return _draft(school, gemeente, aalsmeer)


def _url(handover, action=""):
    return f"/overdracht/{handover.public_id}/{action}"


def _fill_school_part(client, handover):
    response = client.post(_url(handover, "document/school/"), {
        "school-opleiding__opleiding": PROGRAMME, "school-opleiding__niveau": "1",
        "school-gezondheid__tekst": HEALTH_TEXT})
    assert response.status_code == 302


def _consent(client, handover, blocks):
    return client.post(_url(handover, "toestemming/"), {
        "toestemming-given_by": "parent", "toestemming-given_by_name": "Ouder Voorbeeld",
        "toestemming-method": "paper", "toestemming-given_on": TODAY.isoformat(),
        "toestemming-proof_reference": PROOF, "toestemming-block_keys": blocks})


def _start_data(gemeente, **overrides):
    data = {"kind": "mbo_gemeente", "receiver": gemeente.organisation.pk,
            "bsn": valid_bsn(7), "given_names": "Sam", "family_name": "Bouwer",
            "birth_date": BORN.strftime("%d-%m-%Y"), "municipality": AALSMEER,
            "school_left_on": (TODAY - datetime.timedelta(days=20)).isoformat(),
            "highest_diploma": "mbo1"}
    return {**data, **overrides}


# --- Drafting ---------------------------------------------------------------------------------
def test_school_drafts_a_handover_and_registers_the_pupil(school_client, school, gemeente):
    page = school_client.get("/overdracht/nieuw/")
    assert page.status_code == 200
    kinds = [value for value, _ in page.context["form"].fields["kind"].choices if value]
    assert kinds == ["mbo_gemeente", "mbo_dsp"]  # only kinds an mbo school can send
    response = school_client.post("/overdracht/nieuw/", _start_data(gemeente))
    handover = Handover.objects.get()
    assert response.status_code == 302 and response["Location"] == _url(handover)
    assert handover.status == HandoverStatus.CONCEPT
    assert handover.sender == _org(school)
    assert handover.youth.team is None  # the school gets no file
    assert valid_bsn(7) not in response["Location"]
    detail = school_client.get(_url(handover))
    assert detail.status_code == 200
    assert b"Deel van de school" in detail.content


def test_bad_input_is_refused_in_dutch_and_nothing_is_written(school_client, gemeente):
    response = school_client.post("/overdracht/nieuw/", _start_data(gemeente, bsn=""))
    assert "Vul het BSN in" in response.content.decode()
    dsp = OrganisationFactory(type=OrganisationType.DOORSTROOMPUNT)
    response = school_client.post("/overdracht/nieuw/", _start_data(gemeente, receiver=dsp.pk))
    assert "Deze ontvanger past niet bij het soort overdracht" in response.content.decode()
    assert not Handover.objects.exists()
    assert not Youth.objects.exists()  # the pupil of a refused handover is not registered


def test_known_bsn_links_the_youth_without_showing_the_file(school_client, gemeente, aalsmeer):
    known = YouthFactory(bsn=valid_bsn(7), team=gemeente, given_names="Sam", family_name="Bouwer",
                         birth_year=BORN.year, birth_month=BORN.month, birth_day=BORN.day,
                         municipality=aalsmeer, phone="0612345678")
    response = school_client.post("/overdracht/nieuw/", _start_data(gemeente))
    handover = Handover.objects.get()
    assert handover.youth == known and Youth.objects.count() == 1
    assert not PossibleDuplicate.objects.exists()
    page = school_client.get(response["Location"])
    assert b"0612345678" not in page.content
    assert gemeente.name.encode() not in page.content


@pytest.mark.parametrize(("on_record", "reason"), [
    ({"family_name": "Anders"}, PossibleDuplicate.Reason.BSN_OTHER_PERSON),
    ({"birth_year": BORN.year - 1}, PossibleDuplicate.Reason.BSN_OTHER_PERSON),
    # Family name and birth date agree, but the school would see another given name.
    ({"given_names": "Samuel"}, PossibleDuplicate.Reason.SAME_BSN),
], ids=["family name", "birth date", "given names"])
def test_bsn_of_another_person_never_links_and_raises_a_review_item(
        school_client, school, gemeente, aalsmeer, on_record, reason):
    person = {"given_names": "Sam", "family_name": "Bouwer", "birth_year": BORN.year,
              "birth_month": BORN.month, "birth_day": BORN.day, **on_record}
    known = YouthFactory(bsn=valid_bsn(7), team=gemeente, municipality=aalsmeer, **person)
    response = school_client.post("/overdracht/nieuw/", _start_data(gemeente))
    assert response.status_code == 302
    handover = Handover.objects.get()
    new = handover.youth
    assert new != known and new.team is None
    assert (new.bsn, new.bsn_under_review, new.given_names, new.family_name) == \
        (valid_bsn(7), True, "Sam", "Bouwer")
    review = PossibleDuplicate.objects.get()
    assert (review.youth, review.other, review.reason, review.source) == \
        (new, known, reason, "handover")
    assert not AuditEntry.objects.filter(action=AuditAction.DENIED).exists()  # not a refusal


_IDS = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TOKENS = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+|(nonce=")[^"]+')


def _without_ids(response) -> str:
    return _TOKENS.sub(r"\1\2", _IDS.sub("<id>", response.content.decode()))


def test_the_school_gets_the_same_answer_for_unknown_matching_and_other_bsn(
        school_client, gemeente, aalsmeer):
    """No oracle (ACCESS.md): the same redirect, page and list whatever the BSN belongs to."""
    birth = {"birth_year": BORN.year, "birth_month": BORN.month, "birth_day": BORN.day}
    YouthFactory(bsn=valid_bsn(8), team=gemeente, municipality=aalsmeer, given_names="Sam",
                 family_name="Bouwer", **birth)  # the same person
    YouthFactory(bsn=valid_bsn(9), team=gemeente, municipality=aalsmeer, given_names="Iemand",
                 family_name="Anders", birth_year=2001, birth_month=1, birth_day=2)
    answers = []
    for n in (7, 8, 9):  # unknown, the same person, another person
        response = school_client.post("/overdracht/nieuw/", _start_data(gemeente,
                                                                         bsn=valid_bsn(n)))
        assert response.status_code == 302
        page = school_client.get(response["Location"])
        answers.append((_IDS.sub("<id>", response["Location"]), page.status_code,
                        _without_ids(page)))
        Handover.objects.all().delete()  # the list page shows one handover each time
    assert answers[0] == answers[1] == answers[2]
    assert "Anders" not in answers[2][2] and "Iemand" not in answers[2][2]
    assert Youth.objects.filter(bsn_under_review=True).count() == 1


def test_only_sending_organisations_may_draft(client, gemeente):
    adviser = member(Role.BELEIDSADVISEUR, team=gemeente)
    assert _client(client, adviser).get("/overdracht/nieuw/").status_code == 403


# --- Consent and sending ----------------------------------------------------------------------
def test_sending_without_consent_shows_the_dutch_refusal(school_client, draft):
    _fill_school_part(school_client, draft)
    response = school_client.post(_url(draft, "versturen/"), follow=True)
    assert "Zonder toestemming van de ouder of voogd" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == HandoverStatus.CONCEPT


def test_sender_page_explains_who_consents(school_client, draft):
    content = school_client.get(_url(draft)).content.decode()
    assert "De jongere is minderjarig: een ouder of voogd geeft toestemming." in content
    assert YOUTH_WORDS in content  # the youth's part, read-only for the school


def test_minor_consent_by_the_youth_is_refused_on_the_field(school_client, draft):
    response = school_client.post(_url(draft, "toestemming/"), {
        "toestemming-given_by": "youth", "toestemming-given_by_name": "Sam",
        "toestemming-method": "paper", "toestemming-given_on": TODAY.isoformat(),
        "toestemming-proof_reference": PROOF, "toestemming-block_keys": ["wie_ben_ik"]})
    assert response.status_code == 200
    assert "minderjarig" in response.context["consent_form"].errors["given_by"][0]
    assert not draft.document.consents.exists()


def test_with_consent_the_school_sends(school_client, draft):
    _fill_school_part(school_client, draft)
    assert _consent(school_client, draft, ["wie_ben_ik", "opleiding"]).status_code == 302
    school_client.post(_url(draft, "versturen/"))
    draft.refresh_from_db()
    assert draft.status == HandoverStatus.SENT
    ledger = school_client.get(_url(draft)).content.decode()
    assert "Ouder Voorbeeld" in ledger and "Actief" in ledger and PROOF in ledger


@pytest.fixture
def sent(school_client, draft):
    _fill_school_part(school_client, draft)
    _consent(school_client, draft, ["wie_ben_ik", "opleiding"])
    school_client.post(_url(draft, "versturen/"))
    draft.refresh_from_db()
    assert draft.status == HandoverStatus.SENT
    return draft


# --- Receiver ---------------------------------------------------------------------------------
def test_receiver_sees_only_consented_blocks(client, coach, sent):
    content = _client(client, coach).get(_url(sent)).content.decode()
    assert YOUTH_WORDS in content and PROGRAMME in content
    assert HEALTH_TEXT not in content
    assert "Gezondheid en zorg" not in content  # no consent: not even the block's title
    assert content.index(YOUTH_WORDS) < content.index(PROGRAMME)  # youth's words first


def test_withdrawn_consent_shows_ingetrokken_without_content(client, school, coach, sent):
    school_client = _client(client, school)
    response = school_client.post(_url(sent, "toestemming/intrekken/"),
                                  {"intrekken-block_keys": ["opleiding"]})
    assert response.status_code == 302
    content = _client(client, coach).get(_url(sent)).content.decode()
    assert "Ingetrokken" in content
    assert PROGRAMME not in content
    assert YOUTH_WORDS in content


def test_receiver_cannot_withdraw_consent_or_edit(client, coach, sent):
    coach_client = _client(client, coach)
    coach_client.post(_url(sent, "toestemming/intrekken/"), {"intrekken-block_keys": ["opleiding"]})
    coach_client.post(_url(sent, "document/school/"), {"school-opleiding__opleiding": "X"})
    assert sent.document.consents.filter(withdrawn_at__isnull=True).count() == 2
    assert TransitionDocument.objects.get(pk=sent.document.pk).content["opleiding"][
        "opleiding"] == PROGRAMME


def test_receiver_receives_accepts_and_gets_the_file(client, coach, sent):
    coach_client = _client(client, coach)
    coach_client.post(_url(sent, "ontvangen/"))
    coach_client.post(_url(sent, "accepteren/"))
    sent.refresh_from_db()
    assert sent.status == HandoverStatus.ACCEPTED
    assert Trajectory.objects.filter(youth=sent.youth).exists()
    content = coach_client.get(_url(sent)).content.decode()
    assert f"/jongeren/{sent.youth.public_id}/" in content
    assert "Bij Gemeente Aalsmeer (test)" in content  # who holds the youth now


def test_return_needs_a_reason(client, coach, sent):
    coach_client = _client(client, coach)
    response = coach_client.post(_url(sent, "terugsturen/"), {"terugsturen-reason": " "})
    assert "Geef aan waarom u de overdracht terugstuurt." in response.content.decode()
    coach_client.post(_url(sent, "terugsturen/"), {"terugsturen-reason": "Woont in Utrecht"})
    sent.refresh_from_db()
    assert sent.status == HandoverStatus.RETURNED
    assert PROGRAMME not in coach_client.get(_url(sent)).content.decode()


def test_school_cannot_accept(school_client, sent):
    response = school_client.post(_url(sent, "ontvangen/"), follow=True)
    assert "Alleen de ontvangende organisatie kan dit doen." in response.content.decode()
    sent.refresh_from_db()
    assert sent.status == HandoverStatus.SENT


def test_policy_adviser_of_the_receiver_never_reads_the_document(client, gemeente, sent):
    adviser = member(Role.BELEIDSADVISEUR, team=gemeente)
    response = _client(client, adviser).get(_url(sent))
    assert response.status_code == 404
    assert AuditEntry.objects.filter(actor=adviser, action=AuditAction.DENIED).exists()


def test_warm_handover_meeting_is_recorded(client, coach, sent):
    coach_client = _client(client, coach)
    response = coach_client.post(_url(sent, "warme-overdracht/"), {
        "overleg-held_on": TODAY.isoformat(), "overleg-participants": "Mentor, coach",
        "overleg-youth_present": "on", "overleg-agreements": "Samen naar de werkgever"})
    assert response.status_code == 302
    assert "Samen naar de werkgever" in coach_client.get(_url(sent)).content.decode()


# --- The school sees status only --------------------------------------------------------------
def test_school_list_shows_status_only(school_client, sent):
    content = school_client.get("/overdracht/").content.decode()
    assert "Verstuurd door mijn organisatie" in content
    assert sent.youth.full_name in content and "Verstuurd" in content
    assert YOUTH_WORDS not in content and PROGRAMME not in content


def test_notifications_for_the_receiver(client, coach, sent):
    content = _client(client, coach).get("/overdracht/").content.decode()
    assert "Er is een overdracht voor u verstuurd." in content
    assert Notification.objects.filter(organisation=sent.receiver).count() == 1


def test_status_filter(school_client, school, gemeente, aalsmeer, sent):
    _draft(school, gemeente, aalsmeer, family_name="Tweede")
    page = school_client.get("/overdracht/?status=concept")
    assert [h.status for h in page.context["sent_page"]] == [HandoverStatus.CONCEPT]


def test_school_cannot_reach_the_youth_file(school_client, school, sent):
    """Neither by URL nor by API: 404 (existence not disclosed), audited as denied on that youth,
    without the youth's name in the answer."""
    for url in (f"/jongeren/{sent.youth.public_id}/", f"/api/v1/jongeren/{sent.youth.public_id}"):
        before = AuditEntry.objects.filter(actor=school, action=AuditAction.DENIED).count()
        response = school_client.get(url)
        assert response.status_code == 404, url
        assert sent.youth.family_name.encode() not in response.content
        denied = AuditEntry.objects.filter(actor=school, action=AuditAction.DENIED)
        assert denied.count() == before + 1
        assert denied.first().object_id == str(sent.youth.public_id)


def test_user_without_organisation_sees_an_empty_list(client, sent):
    response = _client(client, UserFactory()).get("/overdracht/")
    assert response.status_code == 200
    assert not response.context["sent_page"].object_list
    assert not response.context["received_page"].object_list
    assert sent.youth.full_name not in response.content.decode()
    assert _client(client, UserFactory()).get(_url(sent)).status_code in (403, 404)


def _bulk(school, gemeente, n):
    """``n`` handovers sent by the school to the gemeente (each with its notification)."""
    HandoverFactory.create_batch(n, sent=True, actor=school, sender=_org(school),
                                 receiver=gemeente.organisation)


@pytest.mark.parametrize("side", ["school", "coach"])
def test_list_query_count_is_constant(client, side, school, coach, gemeente):
    user_client = _client(client, school if side == "school" else coach)
    _bulk(school, gemeente, 3)
    with count_queries() as small:
        assert user_client.get("/overdracht/").status_code == 200
    _bulk(school, gemeente, 27)
    with assert_num_queries(small):
        assert user_client.get("/overdracht/").status_code == 200
    with assert_max_queries(len(small) + 2):
        assert user_client.get("/overdracht/?pagina=2&pagina_ontvangen=2").status_code == 200


# --- Format per Doorstroompuntregio (/beheer/) ------------------------------------------------
def test_default_format_is_valid_and_bad_shapes_are_refused_in_dutch():
    from route27.handover.admin import block_format_errors
    from route27.handover.models import default_blocks

    assert block_format_errors(default_blocks()) == []
    assert block_format_errors({}) == ["De blokken zijn een lijst met minstens één blok."]
    bad = [{"key": "Wie ben ik", "title": "", "part": "ouder", "fields": [
        {"key": "tekst", "label": "", "kind": "html"}, {"key": "tekst", "label": "x",
                                                         "kind": "text"}]}]
    errors = " ".join(block_format_errors(bad))
    for expected in ("'key' bestaat uit kleine letters", "vul 'title' in", "'part' is 'youth'",
                     "vul 'label' in", "'kind' is 'text' of 'textarea'",
                     "veldsleutel 'tekst' komt twee keer voor", "deel van de jongere nodig"):
        assert expected in errors


def test_admin_edits_a_regional_format(admin_client, aalsmeer):
    import json

    from route27.handover.models import DocumentTemplate, default_blocks

    assert admin_client.get("/beheer/handover/documenttemplate/add/").status_code == 200
    region = aalsmeer.doorstroompunt_region.pk
    response = admin_client.post("/beheer/handover/documenttemplate/add/", {
        "doorstroompunt_region": region, "name": "Amstelland",
        "blocks": json.dumps([{"key": "x", "title": "X", "part": "school", "fields": []}])})
    assert response.status_code == 200 and not DocumentTemplate.objects.exists()
    assert "minstens één veld" in response.content.decode()
    admin_client.post("/beheer/handover/documenttemplate/add/", {
        "doorstroompunt_region": region, "name": "Amstelland",
        "blocks": json.dumps(default_blocks()[:5])})
    assert DocumentTemplate.objects.get().doorstroompunt_region_id == region

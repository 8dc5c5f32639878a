"""Issue 9 §2 "Consent is evidence, not a checkbox" (ACCESS.md): consent names who gave it, when,
how and where the proof is; staff never record digital consent; a legal basis is a named
permission from law.py that opens only the blocks it covers."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from route27 import law
from route27.casefile.models import Event
from route27.core.errors import TransitionRefused, ValidationFailed
from route27.handover import services
from route27.handover.models import LEGACY_PROOF, Consent, ConsentMethod, LegalBasisOverride
from route27.handover.selectors import visible_blocks
from route27.handover.tests.factories import (
    PROOF,
    SCHOOL_PART,
    YOUTH_PART,
    HandoverFactory,
    caseworker,
)
from route27.handover.workflow import HandoverStatus
from route27.organisations.roles import OrganisationType
from route27.organisations.tests.factories import OrganisationFactory, TeamFactory
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
MIGRATION = importlib.import_module(
    "route27.handover.migrations.0004_consent_evidence_and_named_legal_bases")


def _youth(aalsmeer, years=17, days=30):
    born = TODAY.replace(year=TODAY.year - years) - datetime.timedelta(days=days)
    return YouthFactory(team=None, municipality=aalsmeer, birth_year=born.year,
                        birth_month=born.month, birth_day=born.day)


@pytest.fixture
def draft(school, gemeente, aalsmeer):
    return HandoverFactory(filled=True, actor=school, youth=_youth(aalsmeer),
                           sender=school.primary_membership.team.organisation,
                           receiver=gemeente.organisation)


def _record(actor, handover, **kwargs):
    data = {"block_keys": ["wie_ben_ik", "opleiding"], "given_by": "parent",
            "given_by_name": "Petra Bakker", "method": ConsentMethod.PAPER, "given_on": TODAY,
            "proof_reference": PROOF, **kwargs}
    return services.consent_record(actor=actor, handover=handover, **data)


def _nothing_written(handover):
    assert not Consent.objects.filter(document__handover=handover).exists()
    assert not Event.objects.filter(kind="consent_given").exists()


# --- Staff-recorded consent is evidence --------------------------------------------------------
def test_paper_consent_records_who_when_how_and_the_proof(draft, school):
    given_on = TODAY - datetime.timedelta(days=3)
    created = _record(school, draft, given_on=given_on, method=ConsentMethod.VERBAL,
                      proof_reference="  Gespreksnotitie 12 in het leerlingdossier  ")
    assert {(c.given_by, c.given_by_name, c.method, c.given_on, c.proof_reference)
            for c in created} == {("parent", "Petra Bakker", "verbal", given_on,
                                   "Gespreksnotitie 12 in het leerlingdossier")}
    event = Event.objects.get(kind="consent_given")
    assert event.data["method"] == "verbal" and event.data["given_on"] == given_on.isoformat()


@pytest.mark.parametrize("proof", ["", "  ", "x"])
def test_self_recorded_consent_without_proof_is_refused(draft, school, proof):
    with pytest.raises(ValidationFailed) as caught:
        _record(school, draft, proof_reference=proof)
    assert "bewijs" in caught.value.field_errors["proof_reference"][0]
    _nothing_written(draft)


def test_staff_cannot_record_digital_consent(draft, school):
    with pytest.raises(ValidationFailed) as caught:
        _record(school, draft, method=ConsentMethod.DIGITAL, proof_reference="")
    assert "Mijn Route27" in caught.value.field_errors["method"][0]
    _nothing_written(draft)


class _Account:
    """A stand-in for a portal account (route27.portal sits above the handover app)."""

    def __init__(self, user, youth, relation="parent", active=True):
        self.user_id, self.youth_id, self.relation, self._active = \
            user.pk, youth.pk, relation, active

    def is_active(self):
        return self._active


def test_staff_cannot_give_digital_consent_even_with_an_account(draft, school):
    with pytest.raises(TransitionRefused, match="medewerker"):
        services.consent_give_digital(actor=school, account=_Account(school, draft.youth),
                                      handover=draft, block_keys=["wie_ben_ik"])
    _nothing_written(draft)


@pytest.mark.parametrize("field, value", [
    ("given_on", TODAY + datetime.timedelta(days=1)),  # in the future
    ("given_on", TODAY - datetime.timedelta(days=400)),  # long before this transfer
    ("given_on", None),
    ("given_by_name", "  "),
    ("given_by", "buurman"),
    ("method", "email"),
    ("block_keys", ["strafblad"]),
    ("block_keys", []),
])
def test_bad_evidence_is_refused_on_its_field(draft, school, field, value):
    with pytest.raises(ValidationFailed) as caught:
        _record(school, draft, **{field: value})
    assert field in caught.value.field_errors
    _nothing_written(draft)


def test_a_youths_own_consent_for_a_minor_is_refused(draft, school):
    with pytest.raises(ValidationFailed) as caught:
        _record(school, draft, given_by="youth", given_by_name="Sam")
    assert "minderjarig" in caught.value.field_errors["given_by"][0]
    _nothing_written(draft)


def test_a_parents_consent_for_an_adult_is_refused(school, gemeente, aalsmeer):
    handover = HandoverFactory(filled=True, actor=school, youth=_youth(aalsmeer, years=19),
                               sender=school.primary_membership.team.organisation,
                               receiver=gemeente.organisation)
    with pytest.raises(ValidationFailed) as caught:
        _record(school, handover)
    assert "meerderjarig" in caught.value.field_errors["given_by"][0]
    _nothing_written(handover)
    assert _record(school, handover, given_by="youth", given_by_name="Sam")


def test_consent_given_as_a_minor_does_not_hold_once_of_age(school, gemeente, aalsmeer):
    """Turned 18 ten days ago: the parent signed three weeks ago, but now the youth consents."""
    handover = HandoverFactory(filled=True, actor=school, youth=_youth(aalsmeer, 18, days=10),
                               sender=school.primary_membership.team.organisation,
                               receiver=gemeente.organisation)
    three_weeks = TODAY - datetime.timedelta(days=21)
    with pytest.raises(ValidationFailed, match="meerderjarig"):
        _record(school, handover, given_on=three_weeks)
    with pytest.raises(ValidationFailed, match="minderjarig"):  # nor the youth's, at 17
        _record(school, handover, given_on=three_weeks, given_by="youth")
    assert _record(school, handover, given_by="youth", given_on=TODAY)


def test_only_the_sender_records_consent_and_not_on_a_closed_handover(draft, school, coach):
    _record(school, draft, block_keys=["wie_ben_ik"])
    services.handover_send(actor=school, handover=draft)
    with pytest.raises(TransitionRefused, match="verzendende"):
        _record(coach, draft, block_keys=["opleiding"])
    services.handover_withdraw(actor=school, handover=draft)
    with pytest.raises(TransitionRefused, match="ingetrokken"):
        _record(school, draft, block_keys=["opleiding"])
    assert draft.document.consents.count() == 1


# --- Which kinds need consent: law.handover_sharing_basis --------------------------------------
def test_a_school_to_gemeente_document_is_required_and_goes_only_with_consent(draft, school):
    empty = HandoverFactory(actor=school, youth=draft.youth, sender=draft.sender,
                            receiver=draft.receiver)
    with pytest.raises(ValidationFailed, match="Vul het overgangsdocument in"):
        services.handover_send(actor=school, handover=empty)
    with pytest.raises(TransitionRefused, match="geen wettelijke grondslag"):
        services.legal_basis_record(actor=school, handover=draft, basis="dsp_transfer")
    with pytest.raises(ValidationFailed, match=r"Zonder toestemming .*\(Handreiking SZW §4.2"):
        services.handover_send(actor=school, handover=draft)


def test_a_doorstroompunt_may_send_without_a_document(aalsmeer):
    dsp = OrganisationFactory(type=OrganisationType.DOORSTROOMPUNT, municipality=aalsmeer)
    handover = HandoverFactory(kind="dsp_gemeente", sender=dsp, walk_to=HandoverStatus.SENT,
                               youth=_youth(aalsmeer))
    assert handover.status == HandoverStatus.SENT  # "mag dit ook doen, maar ... niet verplicht"


# --- A legal basis is a named permission that opens only its blocks ---------------------------
@pytest.fixture
def on_basis(aalsmeer):
    """A Doorstroompunt → gemeente handover sent on the basis dsp_transfer, without consent."""
    return HandoverFactory(on_legal_basis=True, youth=_youth(aalsmeer))


def test_a_legal_basis_opens_only_the_blocks_it_covers(on_basis):
    assert on_basis.status == HandoverStatus.SENT
    assert not on_basis.document.consents.exists()
    # the school part has opleiding and health; the youth wrote wie_ben_ik
    assert set(on_basis.document.filled_block_keys()) == {*YOUTH_PART, *SCHOOL_PART}
    covered = ["opleiding", "loopbaanbegeleiding", "ondersteuningsbehoefte", "contacten"]
    assert visible_blocks(document=on_basis.document, receiver_id=on_basis.receiver_id) == \
        covered  # the covered blocks (here only opleiding is filled); never wie_ben_ik or health
    assert services.shared_blocks(on_basis) == ["opleiding"]
    other = OrganisationFactory()
    assert visible_blocks(document=on_basis.document, receiver_id=other.pk) == []
    event = Event.objects.filter(kind="handover_changed", data__legal_basis="dsp_transfer").get()
    assert event.data["blocks"] == covered
    sent = Event.objects.filter(kind="handover_changed", to_state=HandoverStatus.SENT).get()
    assert sent.data["blocks_shared"] == ["opleiding"]


def test_the_receiver_sees_the_covered_block_and_not_the_youths_words_or_health(client,
                                                                                 on_basis):
    coach = caseworker(on_basis.receiver, on_basis.youth.municipality)
    client.force_login(coach)
    content = client.get(f"/overdracht/{on_basis.public_id}/").content.decode()
    assert SCHOOL_PART["opleiding"]["opleiding"] in content
    assert SCHOOL_PART["gezondheid"]["tekst"] not in content
    assert YOUTH_PART["wie_ben_ik"]["tekst"] not in content
    assert "WEB art. 9.2.5 lid 2" in content  # the basis is named with its article


def test_consent_and_a_basis_add_up(on_basis):
    sender = on_basis.created_by
    _record(sender, on_basis, block_keys=["wie_ben_ik"])
    assert services.shared_blocks(on_basis) == ["wie_ben_ik", "opleiding"]


def test_a_basis_must_be_named_applicable_and_recorded_by_the_sender(aalsmeer):
    handover = HandoverFactory(kind="dsp_gemeente", filled=True, youth=_youth(aalsmeer),
                               sender=OrganisationFactory(type=OrganisationType.DOORSTROOMPUNT))
    sender = handover.created_by
    for wrong in ("Wettelijke taak WEB 9.2.5", "joint_assessment", law.LEGACY_BASIS,
                  "school_to_dsp"):
        with pytest.raises(ValidationFailed) as caught:
            services.legal_basis_record(actor=sender, handover=handover, basis=wrong)
        assert "basis" in caught.value.field_errors
    receiver_coach = caseworker(handover.receiver, aalsmeer)
    with pytest.raises(TransitionRefused):
        services.legal_basis_record(actor=receiver_coach, handover=handover,
                                    basis="dsp_transfer")
    assert not handover.overrides.exists()
    services.legal_basis_record(actor=sender, handover=handover, basis="dsp_transfer",
                                note="Overgedragen na gesprek (test)")
    with pytest.raises(ValidationFailed, match="al vastgelegd"):
        services.legal_basis_record(actor=sender, handover=handover, basis="dsp_transfer")
    services.handover_send(actor=sender, handover=handover)
    with pytest.raises(TransitionRefused, match="voordat"):
        services.legal_basis_record(actor=sender, handover=handover, basis="dsp_transfer")


def test_an_open_basis_cannot_be_recorded(aalsmeer):
    dsp = OrganisationFactory(type=OrganisationType.DOORSTROOMPUNT, municipality=aalsmeer)
    handover = HandoverFactory(kind="mbo_dsp", receiver=dsp, filled=True, youth=_youth(aalsmeer))
    with pytest.raises(TransitionRefused, match="geen wettelijke grondslag"):
        services.legal_basis_record(actor=handover.created_by, handover=handover,
                                    basis="school_to_dsp")


def test_joint_assessment_from_the_gemeente_opens_its_blocks(aalsmeer):
    gemeente = OrganisationFactory(municipality=aalsmeer)
    TeamFactory(organisation=gemeente, serves=[aalsmeer])
    handover = HandoverFactory(kind="gemeente_dsp", sender=gemeente, filled=True,
                               receiver=OrganisationFactory(type=OrganisationType.DOORSTROOMPUNT,
                                                            municipality=aalsmeer),
                               legal_basis="joint_assessment", walk_to=HandoverStatus.SENT,
                               youth=_youth(aalsmeer))
    assert visible_blocks(document=handover.document, receiver_id=handover.receiver_id) == [
        "opleiding", "loopbaanbegeleiding", "contacten"]  # not ondersteuningsbehoefte


def test_a_legacy_free_text_basis_opens_nothing(draft, school):
    LegalBasisOverride.objects.create(handover=draft, basis=law.LEGACY_BASIS,
                                      note="Eigen wettelijke taak", recorded_by=school)
    assert visible_blocks(document=draft.document, receiver_id=draft.receiver_id) == []
    with pytest.raises(ValidationFailed, match="Zonder toestemming"):
        services.handover_send(actor=school, handover=draft)


# --- The data migration ------------------------------------------------------------------------
def test_the_migration_names_the_old_bases_and_marks_old_consents(draft, school, aalsmeer):
    dsp_handover = HandoverFactory(kind="dsp_gemeente", filled=True, youth=_youth(aalsmeer),
                                   sender=OrganisationFactory(
                                       type=OrganisationType.DOORSTROOMPUNT))
    rows = [LegalBasisOverride.objects.create(handover=h, basis=text, recorded_by=school)
            # the column is 30 characters now: old texts that fit it, as PostgreSQL checks
            for h, text in ((dsp_handover, "Wettelijke taak WEB 9.2.5"),
                            (dsp_handover, "Nog een keer"),
                            (draft, "Wettelijke taak school"))]
    staff_digital = Consent.objects.create(
        document=draft.document, block_key="wie_ben_ik", receiver=draft.receiver,
        given_by="parent", given_by_name="Ouder", method="digital", given_on=TODAY,
        recorded_by=school)
    MIGRATION.bases_forward(apps, None)
    MIGRATION.consents_forward(apps, None)
    assert [(r.basis, r.note) for r in LegalBasisOverride.objects.filter(
        pk__in=[r.pk for r in rows]).order_by("pk")] == [
        ("dsp_transfer", "Wettelijke taak WEB 9.2.5"),
        (law.LEGACY_BASIS, "Nog een keer"),
        (law.LEGACY_BASIS, "Wettelijke taak school")]
    staff_digital.refresh_from_db()
    assert staff_digital.proof_reference == LEGACY_PROOF
    assert staff_digital.given_on == timezone.localtime(staff_digital.given_at).date() or \
        staff_digital.given_on == staff_digital.given_at.date()


# --- The pages ---------------------------------------------------------------------------------
def _consent_post(client, handover, **data):
    return client.post(f"/overdracht/{handover.public_id}/toestemming/", {
        "toestemming-given_by": "parent", "toestemming-given_by_name": "Petra Bakker",
        "toestemming-method": "paper", "toestemming-given_on": TODAY.isoformat(),
        "toestemming-proof_reference": PROOF, "toestemming-block_keys": ["wie_ben_ik"],
        **{f"toestemming-{k}": v for k, v in data.items()}})


def test_the_consent_form_offers_no_digital_method_and_refuses_it(school_client, draft):
    page = school_client.get(f"/overdracht/{draft.public_id}/")
    assert [v for v, _ in page.context["consent_form"].fields["method"].choices] == \
        ["paper", "verbal"]
    response = _consent_post(school_client, draft, method="digital")
    assert response.status_code == 200
    assert "method" in response.context["consent_form"].errors
    _nothing_written(draft)


def test_the_consent_form_needs_the_date_and_the_proof(school_client, draft):
    response = _consent_post(school_client, draft, proof_reference="", given_on="")
    errors = response.context["consent_form"].errors
    assert "bewijs" in errors["proof_reference"][0] and "given_on" in errors
    response = _consent_post(school_client, draft,
                             given_on=(TODAY + datetime.timedelta(days=2)).isoformat())
    assert "toekomst" in response.context["consent_form"].errors["given_on"][0]
    _nothing_written(draft)
    assert _consent_post(school_client, draft).status_code == 302
    ledger = school_client.get(f"/overdracht/{draft.public_id}/").content.decode()
    assert PROOF in ledger and TODAY.strftime("%d-%m-%Y") in ledger


def test_a_school_gets_no_legal_basis_form(school_client, draft):
    page = school_client.get(f"/overdracht/{draft.public_id}/")
    assert "legal_form" not in page.context
    response = school_client.post(f"/overdracht/{draft.public_id}/grondslag/",
                                  {"grondslag-basis": "dsp_transfer"})
    assert response.status_code == 302
    assert not draft.overrides.exists()


def test_the_doorstroompunt_picks_a_named_basis_never_free_text(client, aalsmeer):
    handover = HandoverFactory(kind="dsp_gemeente", filled=True, youth=_youth(aalsmeer),
                               sender=OrganisationFactory(type=OrganisationType.DOORSTROOMPUNT))
    client.force_login(handover.created_by)
    url = f"/overdracht/{handover.public_id}/grondslag/"
    form = client.get(f"/overdracht/{handover.public_id}/").context["legal_form"]
    assert [code for code, _ in form.fields["basis"].choices] == ["dsp_transfer"]
    response = client.post(url, {"grondslag-basis": "Wettelijke taak WEB 9.2.5"})
    assert response.status_code == 200 and "basis" in response.context["legal_form"].errors
    assert not handover.overrides.exists()
    response = client.post(url, {"grondslag-basis": "dsp_transfer",
                                 "grondslag-note": "Na het gesprek op school (test)"})
    assert response.status_code == 302
    page = client.get(f"/overdracht/{handover.public_id}/").content.decode()
    assert "Deze grondslag opent alleen: Opleiding, Loopbaanbegeleiding tot nu toe, " \
           "Ondersteuningsbehoefte, Contactpersonen school." in page

import datetime
import io

import pytest
from django.test import override_settings
from django.urls import include, path
from django.utils import timezone
from pypdf import PdfReader

from route27.audit.models import AuditAction, AuditEntry
from route27.handover import pdf, services
from route27.handover.models import Handover
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    member,
)
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
LEFT_ON = TODAY - datetime.timedelta(days=40)

# The view is mounted at /overdracht/<uuid>/pdf/ by route27/handover/urls.py; this test mounts
# it itself so it does not depend on that file.
urlpatterns = [path("overdracht/<uuid:public_id>/pdf/", pdf.handover_pdf, name="pdf-test"),
               path("", include("route27.conf.urls"))]
pdf_urls = override_settings(ROOT_URLCONF=__name__)

YOUTH_WORDS = "Ik ben Sam en ik bouw graag fietsen."
HEALTH = "Heeft rust nodig na de middag."


@pytest.fixture
def sent(school, gemeente, aalsmeer):
    """Sent with the parent's consent for everything except health."""
    born = TODAY.replace(year=TODAY.year - 17) - datetime.timedelta(days=30)
    youth = YouthFactory(team=None, municipality=aalsmeer, given_names="Sam",
                         family_name="Voorbeeld", birth_year=born.year, birth_month=born.month,
                         birth_day=born.day)
    handover = services.handover_create(
        actor=school, kind="mbo_gemeente", youth=youth,
        sender=school.primary_membership.team.organisation, receiver=gemeente.organisation,
        school_left_on=LEFT_ON, diploma_on=LEFT_ON, highest_diploma="mbo2")
    services.document_update(actor=school, handover=handover, part="youth", content={
        "wie_ben_ik": {"tekst": YOUTH_WORDS}, "wat_wil_ik": {"tekst": "Monteur worden."}})
    services.document_update(actor=school, handover=handover, part="school", content={
        "opleiding": {"opleiding": "Fietstechniek", "niveau": "2"},
        "mogelijkheden": {"tekst": "Sterk in techniek en samenwerken."},
        "ondersteuningsbehoefte": {"tekst": "Een vaste begeleider helpt."},
        "gezondheid": {"tekst": HEALTH}})
    keys = [b["key"] for b in handover.document.blocks if b["key"] != "gezondheid"]
    services.consent_record(actor=school, handover=handover, block_keys=keys, given_by="parent",
                            given_by_name="Ouder Voorbeeld", method="paper", given_on=TODAY,
                            proof_reference="Formulier in leerlingdossier (test)")
    services.handover_send(actor=school, handover=handover)
    return Handover.objects.get(pk=handover.pk)


def _pages(content: bytes, first=1, last=1) -> str:
    """The text of pages ``first`` to ``last`` (1-based, inclusive), extracted with pypdf."""
    pages = PdfReader(io.BytesIO(content)).pages[first - 1:last]
    return "\n".join(page.extract_text() for page in pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_render_puts_the_youths_words_first_and_possibilities_before_barriers(sent):
    keys = [b["key"] for b in sent.document.blocks]
    content = pdf.render_document_pdf(handover=sent, visible_block_keys=keys)
    assert content.startswith(b"%PDF")
    page1 = _flat(_pages(content))
    assert "Overgangsdocument" in page1
    assert "Sam Voorbeeld" in page1
    assert YOUTH_WORDS in page1
    assert page1.index(YOUTH_WORDS) < page1.index("Deel van de school")
    everything = _flat(_pages(content, last=9))
    assert everything.index("Sterk in techniek") < everything.index("Een vaste begeleider")
    until = LEFT_ON.replace(year=LEFT_ON.year + 1)  # mbo: one year after the diploma
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]
    assert (f"De school mag tot en met {until.day} {months[until.month - 1]} {until.year} "
            "nog begeleiden (Handreiking SZW §4.2)") in everything


@pdf_urls
def test_sender_downloads_everything_and_the_export_is_audited(sent, school, client):
    client.force_login(school)
    response = client.get(f"/overdracht/{sent.public_id}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="overgangsdocument.pdf"'
    text = _flat(_pages(response.content, last=9))
    assert YOUTH_WORDS in text and HEALTH in text
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, actor=school, subject=sent.youth,
                                     object_type="handover",
                                     object_id=str(sent.public_id)).count() == 1


@pdf_urls
def test_receiver_without_health_consent_does_not_get_it(sent, coach, client):
    client.force_login(coach)
    response = client.get(f"/overdracht/{sent.public_id}/pdf/")
    assert response.status_code == 200
    page1 = _flat(_pages(response.content))
    assert YOUTH_WORDS in page1
    text = _flat(_pages(response.content, last=9))
    assert HEALTH not in text
    assert "Gezondheid en zorg" not in text
    assert "Sterk in techniek" in text


@pdf_urls
def test_withdrawn_block_shows_as_ingetrokken(sent, school, coach, client):
    services.consent_withdraw(actor=school, handover=sent, block_keys=["wat_wil_ik"])
    client.force_login(coach)
    text = _flat(_pages(client.get(f"/overdracht/{sent.public_id}/pdf/").content, last=9))
    assert "Monteur worden." not in text
    assert "Ingetrokken" in text


@pdf_urls
def test_unrelated_user_gets_404_audited_as_denied(sent, client):
    stranger = member(Role.DOORSTROOMCOACH)
    client.force_login(stranger)
    response = client.get(f"/overdracht/{sent.public_id}/pdf/")
    assert response.status_code == 404
    assert b"%PDF" not in response.content
    assert AuditEntry.objects.filter(actor=stranger, action=AuditAction.DENIED).exists()
    assert not AuditEntry.objects.filter(actor=stranger, action=AuditAction.EXPORT).exists()


@pdf_urls
def test_receiver_gets_404_while_the_handover_is_a_draft(school, coach, gemeente, aalsmeer,
                                                         client):
    draft = services.handover_create(
        actor=school, kind="mbo_gemeente", youth=YouthFactory(team=None, municipality=aalsmeer),
        sender=school.primary_membership.team.organisation, receiver=gemeente.organisation)
    client.force_login(coach)
    assert client.get(f"/overdracht/{draft.public_id}/pdf/").status_code == 404

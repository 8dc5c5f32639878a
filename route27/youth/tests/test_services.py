import pytest

from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.models import Event
from route27.core.errors import ValidationFailed
from route27.organisations.tests.factories import AALSMEER, real_municipality
from route27.youth.events import YouthEventKind
from route27.youth.models import Guardian, Youth
from route27.youth.services import contact_person_assign, youth_create, youth_update
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db


def _data(**overrides):
    return {"given_names": "Sam", "family_name": "Voorbeeld", "birth_date": "17-05-2008",
            "municipality": real_municipality(AALSMEER), **overrides}


def _counts():
    return Youth.objects.count(), AuditEntry.objects.count(), Event.objects.count()


def test_create_appends_event_and_audit_in_one_go(coach, team):
    youth = youth_create(actor=coach, bsn=valid_bsn(1), **_data())
    assert youth.team == team
    event = Event.objects.get(youth=youth)
    assert event.kind == YouthEventKind.YOUTH_REGISTERED
    assert event.actor == coach
    entry = AuditEntry.objects.get(action=AuditAction.CREATE)
    assert entry.object_id == str(youth.public_id)


@pytest.mark.parametrize("bsn, message", [
    ("123456789", "Dit BSN is ongeldig: het voldoet niet aan de elfproef."),
    ("12345", "Een BSN bestaat uit 9 cijfers."),
    ("abcdefghi", "Een BSN bestaat uit 9 cijfers."),
])
def test_invalid_bsn_gives_dutch_message_and_writes_nothing(coach, bsn, message):
    before = _counts()
    with pytest.raises(ValidationFailed) as caught:
        youth_create(actor=coach, bsn=bsn, **_data())
    assert caught.value.field_errors["bsn"] == [message]
    assert _counts() == before


def test_invalid_bsn_via_the_form_writes_nothing(coach_client):
    before = _counts()
    response = coach_client.post("/jongeren/nieuw/", {
        "given_names": "Sam", "family_name": "Voorbeeld", "birth_date": "17-05-2008",
        "bsn": "123456789", "municipality": AALSMEER, "guardians-TOTAL_FORMS": "2",
        "guardians-INITIAL_FORMS": "0", "guardians-MIN_NUM_FORMS": "2",
        "guardians-MAX_NUM_FORMS": "4"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Dit BSN is ongeldig: het voldoet niet aan de elfproef." in content
    assert 'aria-invalid="true"' in content
    assert _counts() == before


def test_bsn_is_unique(coach):
    bsn = valid_bsn(2)
    youth_create(actor=coach, bsn=bsn, **_data())
    with pytest.raises(ValidationFailed) as caught:
        youth_create(actor=coach, bsn=bsn, **_data(given_names="Ander"))
    assert "al een jongere met dit BSN" in caught.value.field_errors["bsn"][0]
    assert Youth.objects.count() == 1


def test_database_enforces_unique_bsn(team):
    from django.db import IntegrityError, transaction

    YouthFactory(team=team, bsn=valid_bsn(3))
    with pytest.raises(IntegrityError), transaction.atomic():
        YouthFactory(team=team, bsn=valid_bsn(3))


def test_bsn_is_compacted(coach):
    bsn = valid_bsn(4)
    youth = youth_create(actor=coach, bsn=f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}", **_data())
    assert youth.bsn == bsn


def test_all_field_errors_are_reported_together(coach):
    with pytest.raises(ValidationFailed) as caught:
        youth_create(actor=coach, given_names="", family_name="", birth_date="31-02-2008",
                     municipality=None, email="geen-mail", postal_code="12AB")
    assert set(caught.value.field_errors) == {"given_names", "family_name", "birth_date",
                                              "municipality", "email", "postal_code"}


def test_incomplete_birth_date_as_in_brp(coach):
    youth = youth_create(actor=coach, **_data(birth_date="00-00-2008"))
    assert (youth.birth_year, youth.birth_month, youth.birth_day) == (2008, None, None)
    assert str(youth.birth_date) == "00-00-2008"
    assert youth.birth_date.as_brp() == "20080000"


def test_birth_date_in_future_is_refused(coach):
    with pytest.raises(ValidationFailed) as caught:
        youth_create(actor=coach, **_data(birth_date="01-01-2099"))
    assert caught.value.field_errors["birth_date"] == ["De geboortedatum ligt in de toekomst."]


def test_guardians_for_minor(coach):
    youth = youth_create(actor=coach, **_data(guardians=[
        {"name": "Ouder Voorbeeld", "relationship": "parent", "phone": "06 12345678"},
        {"name": "", "phone": "", "email": ""},
    ]))
    assert list(Guardian.objects.filter(youth=youth).values_list("name", flat=True)) == [
        "Ouder Voorbeeld"]


def test_update_logs_changed_field_names_only(coach):
    youth = youth_create(actor=coach, **_data())
    youth_update(actor=coach, youth=youth, **_data(given_names="Samira", postal_code="1431 ab"))
    youth.refresh_from_db()
    assert youth.postal_code == "1431 AB"
    entry = AuditEntry.objects.get(action=AuditAction.UPDATE)
    assert entry.detail == {"fields": ["given_names", "postal_code"]}
    assert "Samira" not in str(entry.detail)
    assert Event.objects.filter(kind=YouthEventKind.YOUTH_UPDATED).count() == 1


def test_update_without_changes_writes_nothing(coach):
    youth = youth_create(actor=coach, **_data())
    before = _counts()
    youth_update(actor=coach, youth=youth, **_data())
    assert _counts() == before


def test_one_active_contact_person(coach, other_coach, team):
    from django.db import IntegrityError, transaction

    from route27.organisations.roles import Role
    from route27.organisations.tests.factories import member
    from route27.youth.models import ContactAssignment

    work_coach = member(Role.JONGERENCOACH_WERK, team=team)
    youth = YouthFactory(team=team)
    contact_person_assign(actor=coach, youth=youth, user=coach, role="doorstroomcoach")
    with pytest.raises(ValidationFailed) as caught:  # a change needs a reason
        contact_person_assign(actor=coach, youth=youth, user=work_coach,
                              role="jongerencoach_werk")
    assert "reason" in caught.value.field_errors
    with pytest.raises(ValidationFailed) as caught:  # the user must hold the role
        contact_person_assign(actor=coach, youth=youth, user=other_coach,
                              role="jongerencoach_werk", reason="Werkroute")
    assert "user" in caught.value.field_errors
    contact_person_assign(actor=coach, youth=youth, user=work_coach, role="jongerencoach_werk",
                          handover_note="Warme overdracht", reason="Werkroute")
    active = ContactAssignment.objects.filter(youth=youth, ended_at__isnull=True)
    assert [a.user for a in active] == [work_coach]
    event = Event.objects.get(kind=YouthEventKind.CONTACT_PERSON_CHANGED,
                                        to_state="jongerencoach_werk")
    assert (event.from_state, event.reason) == ("doorstroomcoach", "Werkroute")
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactAssignment.objects.create(youth=youth, user=coach, role="doorstroomcoach")

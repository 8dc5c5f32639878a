import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from route27.audit.models import AuditEntry
from route27.core.errors import ValidationFailed
from route27.core.testing import assert_num_queries, count_queries
from route27.handover import services
from route27.handover.leavers import parsing
from route27.handover.leavers import services as leaver_services
from route27.handover.leavers import views as leaver_views
from route27.handover.models import Handover
from route27.handover.workflow import HandoverStatus
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    AMSTELVEEN,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.youth.models import Youth
from route27.youth.tests.factories import YouthFactory, valid_bsn

# Every import needs the gemeente that serves Aalsmeer: the rows are routed to it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gemeente")]
TODAY = timezone.localdate()
LEFT = (TODAY - datetime.timedelta(days=30)).strftime("%d-%m-%Y")
HEADER = ("bsn;voornamen;voorvoegsel;achternaam;geboortedatum;woongemeente;opleiding;niveau;"
          "datum_uitschrijving;diploma")
UPLOAD, CONFIRM, REPORT = ("/overdracht/import/", "/overdracht/import/bevestigen/",
                           "/overdracht/import/rapport/")


def _school(aalsmeer, org_type=OrganisationType.SCHOOL_MBO):
    org = OrganisationFactory(name=f"School {org_type} (test)", type=org_type,
                              municipality=aalsmeer)
    return member(Role.SCHOOL_CONTACT, team=TeamFactory(organisation=org))


def _row(n, **overrides):
    values = {"bsn": valid_bsn(n), "voornamen": f"Leerling{n}", "voorvoegsel": "",
              "achternaam": "Testpersoon", "geboortedatum": "14-03-2007",
              "woongemeente": "0358", "opleiding": "Entree", "niveau": "1",
              "datum_uitschrijving": LEFT, "diploma": "ja"}
    values.update(overrides)
    return values


def _csv(rows, separator=";", header=HEADER):
    lines = [header.replace(";", separator)]
    lines += [separator.join(r[c] for c in parsing.COLUMNS) for r in rows]
    return SimpleUploadedFile("verlaters.csv", ("\r\n".join(lines) + "\r\n").encode("utf-8"),
                              content_type="text/csv")


def _counts():
    return Handover.objects.count(), Youth.objects.count()


def _confirm(client):
    response = client.get(CONFIRM)
    assert response.status_code == 200
    return client.post(CONFIRM, {"token": response.context["token"]})


def test_good_csv_imports_a_draft_per_row(school_client, school, gemeente):
    response = school_client.post(UPLOAD, {"file": _csv([_row(1), _row(2), _row(3)],
                                                        separator=",")})
    assert response.status_code == 302 and response["Location"] == CONFIRM
    assert Handover.objects.count() == 0  # nothing before the confirmation
    page = school_client.get(CONFIRM)
    assert "Leerling2 Testpersoon" in page.content.decode() and "Aalsmeer" in page.content.decode()
    assert valid_bsn(2) not in page.content.decode()  # name and municipality only
    _confirm(school_client)
    handovers = Handover.objects.order_by("pk")
    assert handovers.count() == 3
    assert {h.status for h in handovers} == {HandoverStatus.CONCEPT}
    assert {h.kind for h in handovers} == {"mbo_gemeente"}
    assert {h.receiver for h in handovers} == {gemeente.organisation}
    first = handovers[0]
    assert first.youth.bsn == valid_bsn(1) and first.youth.team is None
    assert first.highest_diploma == "mbo1" and first.diploma_on == first.school_left_on
    assert first.document.content["opleiding"]["opleiding"] == "Entree"
    assert AuditEntry.objects.filter(object_type="leavers_import").count() == 1
    assert leaver_views.SESSION_KEY not in school_client.session
    # the confirmation cannot be replayed
    school_client.post(CONFIRM, {"token": "x"})
    assert Handover.objects.count() == 3


def test_good_xlsx_imports_a_draft_per_row(client, aalsmeer, gemeente):
    user = _school(aalsmeer, OrganisationType.SCHOOL_VSO)
    client.force_login(user)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["BSN", "Voornamen", "Achternaam", "Geboortedatum", "Woongemeente",
                  "Datum uitschrijving", "Diploma"])
    left = TODAY - datetime.timedelta(days=10)
    sheet.append([int(valid_bsn(5)), "Noor", "Jansen", "00-00-2007", 358, left, "nee"])
    sheet.append([valid_bsn(6), "Daan", "de Vries", datetime.date(2006, 2, 1), "GM0358",
                  left.strftime("%d-%m-%Y"), "ja"])
    sheet.append([None] * 7)  # an empty line at the end is skipped
    data = io.BytesIO()
    workbook.save(data)
    upload = SimpleUploadedFile("verlaters.xlsx", data.getvalue())
    assert client.post(UPLOAD, {"file": upload})["Location"] == CONFIRM
    _confirm(client)
    handovers = Handover.objects.order_by("pk")
    assert [h.youth.given_names for h in handovers] == ["Noor", "Daan"]
    assert {h.kind for h in handovers} == {"provso_gemeente"}
    assert handovers[0].youth.birth_month is None  # 00-00-2007 kept as incomplete
    assert handovers[0].highest_diploma == "" and handovers[1].highest_diploma == "vso"
    assert handovers[0].school_left_on == left


def test_bad_rows_are_all_reported_and_nothing_is_imported(school_client):
    before = _counts()
    rows = [_row(1),
            _row(2, bsn="123456789"),  # row 3: fails the elfproef
            _row(3),
            _row(4, geboortedatum="31-02-2007", woongemeente="9999", diploma="misschien")]
    response = school_client.post(UPLOAD, {"file": _csv(rows)})
    assert response["Location"] == REPORT
    report = school_client.get(REPORT)
    problems = report.context["page"].object_list
    assert {p["row"] for p in problems} == {3, 5}
    by_row = {(p["row"], p["column"]): p["message"] for p in problems}
    assert "elfproef" in by_row[(3, "bsn")]
    assert by_row[(5, "geboortedatum")] == "Deze dag bestaat niet in die maand."
    assert "Onbekende gemeentecode" in by_row[(5, "woongemeente")]
    assert "ja, nee of het niveau" in by_row[(5, "diploma")]
    assert len(problems) == 4  # one message per problem
    text = report.content.decode()
    assert "2 van de 4 rijen bevatten een fout" in text
    assert _counts() == before
    assert school_client.get(CONFIRM)["Location"] == UPLOAD  # nothing waits for confirmation


def test_missing_column_rejects_the_whole_file(school_client):
    before = _counts()
    header = HEADER.replace(";geboortedatum", "")
    rows = [{k: v for k, v in _row(1).items()}]
    lines = [header, ";".join(v for k, v in rows[0].items() if k != "geboortedatum")]
    upload = SimpleUploadedFile("verlaters.csv", "\n".join(lines).encode())
    response = school_client.post(UPLOAD, {"file": upload})
    assert response.status_code == 400
    assert "De kolom &#x27;geboortedatum&#x27; ontbreekt." in response.content.decode()
    assert "Er is niets geïmporteerd" in response.content.decode()
    assert _counts() == before


@pytest.mark.parametrize(("name", "content", "message"), [
    ("verlaters.txt", b"bsn", "Upload een CSV-bestand (.csv) of een Excel-bestand (.xlsx)."),
    ("verlaters.xls", b"x", "Oude Excel-bestanden (.xls) worden niet ondersteund."),
    ("verlaters.csv", b"", "Het bestand is leeg."),
    ("verlaters.csv", HEADER.encode(), "alleen een kopregel"),
    ("verlaters.csv", (HEADER + ";klas\n").encode(), "Onbekende kolom 'klas'"),
    ("verlaters.csv", "bsn;achternaam\n".encode("utf-16"), "niet in UTF-8"),
    ("verlaters.xlsx", b"PK not really a zip", "kan niet worden gelezen als Excel-bestand"),
])
def test_structural_errors(name, content, message):
    with pytest.raises(parsing.FileRejected) as caught:
        parsing.read_leavers_file(SimpleUploadedFile(name, content))
    assert any(message in p for p in caught.value.problems)


def test_more_than_2000_rows_is_a_structural_error():
    line = ";".join(_row(1)[c] for c in parsing.COLUMNS)
    content = "\n".join([HEADER] + [line] * 2001).encode()
    with pytest.raises(parsing.FileRejected, match="meer dan 2000"):
        parsing.read_leavers_file(SimpleUploadedFile("verlaters.csv", content))


def test_known_bsn_links_to_that_youth_without_showing_it(school_client, aalsmeer):
    known = YouthFactory(bsn=valid_bsn(7), given_names="Bekende", family_name="Naam",
                         municipality=aalsmeer)
    before = Youth.objects.count()
    school_client.post(UPLOAD, {"file": _csv([_row(7, voornamen="Volgens", achternaam="School"),
                                              _row(8)])})
    page = school_client.get(CONFIRM).content.decode()
    assert "Volgens School" in page and "Bekende" not in page
    _confirm(school_client)
    assert Youth.objects.count() == before + 1  # only the unknown one is new
    linked = Handover.objects.get(youth__bsn=valid_bsn(7))
    assert linked.youth == known
    known.refresh_from_db()
    assert known.given_names == "Bekende"  # the school's file does not change the record


def test_municipality_without_route27_gemeente_and_duplicates_are_reported(school, aalsmeer):
    real_municipality(AMSTELVEEN)
    school_org = school.primary_membership.team.organisation
    rows = parsing._rows_from_table(iter([
        list(parsing.COLUMNS),
        [_row(1, woongemeente="GM0362")[c] for c in parsing.COLUMNS],
        [_row(2)[c] for c in parsing.COLUMNS],
        [_row(2)[c] for c in parsing.COLUMNS],
    ]))
    leavers, problems = parsing.validate_rows(school=school_org, rows=rows)
    messages = {(p.row, p.column): p.message for p in problems}
    assert "Amstelveen werkt nog niet met Route27" in messages[(2, "woongemeente")]
    assert messages[(4, "bsn")] == "Dit BSN staat ook in rij 3."
    assert [leaver.row for leaver in leavers] == [3]


def test_a_failure_half_way_writes_nothing(school, monkeypatch):
    school_org = school.primary_membership.team.organisation
    rows = parsing._rows_from_table(iter([list(parsing.COLUMNS)] + [
        [_row(n)[c] for c in parsing.COLUMNS] for n in (1, 2, 3)]))
    before = _counts()
    real_create, calls = services.handover_create, []

    def failing_create(**kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise ValidationFailed("Kapot", field_errors={"kind": ["Kapot"]})
        return real_create(**kwargs)

    monkeypatch.setattr(leaver_services, "handover_create", failing_create)
    with pytest.raises(parsing.RowsRejected) as caught:
        leaver_services.leavers_import(actor=school, school=school_org, rows=rows)
    assert caught.value.problems[0].row == 4
    assert _counts() == before


def test_open_handover_for_the_same_pupil_is_reported(school_client, school):
    school_client.post(UPLOAD, {"file": _csv([_row(1)])})
    _confirm(school_client)
    school_client.post(UPLOAD, {"file": _csv([_row(1)])})
    problems = school_client.get(REPORT).context["page"].object_list
    assert problems[0]["message"] == "Voor deze leerling staat al een overdracht van uw " \
                                     "school open."


def test_only_pro_vso_mbo_schools_may_import(coach_client):
    response = coach_client.get(UPLOAD)
    assert response.status_code == 403
    assert "Alleen medewerkers van een school" in response.content.decode()


def test_cancel_forgets_the_rows(school_client):
    school_client.post(UPLOAD, {"file": _csv([_row(1)])})
    school_client.post(reverse("school_imports:cancel"))
    assert school_client.get(CONFIRM)["Location"] == UPLOAD
    assert Handover.objects.count() == 0


def test_confirmation_page_query_count_does_not_grow_with_rows(school_client):
    def upload(n):
        school_client.post(UPLOAD, {"file": _csv([_row(i) for i in range(n)])})

    upload(3)
    with count_queries() as small:
        assert school_client.get(CONFIRM).status_code == 200
    upload(60)
    with assert_num_queries(small):
        assert school_client.get(CONFIRM).status_code == 200


def test_example_file_has_the_header(school_client):
    response = school_client.get(reverse("school_imports:example"))
    assert response.content.decode().strip() == ";".join(parsing.COLUMNS)

"""The leavers import (issue 5 capability 1; issue 9 §3 and §5): every row checked and every
problem reported by row number, all or nothing, in the task worker with progress, no BSN in the
session, and no oracle: the school learns nothing about a BSN Route27 already holds."""

import datetime
import io
import json
import re

import openpyxl
import pytest
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from route27.audit.models import AuditAction, AuditEntry
from route27.core.errors import ValidationFailed
from route27.core.jobs import services as job_services
from route27.core.jobs.models import BackgroundJob, JobStatus
from route27.core.jobs.testing import run_enqueued_tasks
from route27.core.testing import assert_num_queries, count_queries
from route27.handover import services
from route27.handover.leavers import parsing
from route27.handover.leavers import services as leaver_services
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
from route27.youth.models import PossibleDuplicate, Youth
from route27.youth.tests.factories import YouthFactory, valid_bsn

# Every import needs the gemeente that serves Aalsmeer: the rows are routed to it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gemeente")]
TODAY = timezone.localdate()
LEFT = (TODAY - datetime.timedelta(days=30)).strftime("%d-%m-%Y")
HEADER = ("bsn;voornamen;voorvoegsel;achternaam;geboortedatum;woongemeente;opleiding;niveau;"
          "datum_uitschrijving;diploma")
UPLOAD = "/overdracht/import/"
JOB_URL = re.compile(r"^/overdracht/import/([0-9a-f-]{36})/$")


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


def _job_url(job):
    return f"/overdracht/import/{job.public_id}/"


def _upload(client, upload) -> BackgroundJob:
    """Upload a file: the check is queued and the school is sent to its progress page."""
    response = client.post(UPLOAD, {"file": upload})
    assert response.status_code == 302, response.content.decode()[:500]
    match = JOB_URL.match(response["Location"])
    assert match, response["Location"]
    return BackgroundJob.objects.get(public_id=match[1])


def _check(client, rows, **kwargs) -> BackgroundJob:
    """Upload and let the worker check the file."""
    job = _upload(client, _csv(rows, **kwargs))
    assert run_enqueued_tasks() == 1
    job.refresh_from_db()
    return job


def _confirm(client, check: BackgroundJob) -> BackgroundJob:
    """Confirm a checked file and let the worker make the drafts; returns the import job."""
    response = client.post(reverse("school_imports:confirm", args=[check.public_id]))
    assert response.status_code == 302
    importer = BackgroundJob.objects.get(public_id=JOB_URL.match(response["Location"])[1])
    assert importer.kind == "leavers_import" and importer.status == JobStatus.QUEUED
    run_enqueued_tasks()
    importer.refresh_from_db()
    return importer


def test_good_csv_imports_a_draft_per_row(school_client, school, gemeente):
    job = _upload(school_client, _csv([_row(1), _row(2), _row(3)], separator=","))
    assert (job.kind, job.status, job.total, job.owner) == ("leavers_check", JobStatus.QUEUED,
                                                             3, school)
    waiting = school_client.get(_job_url(job)).content.decode()
    assert "0 van 3 rijen verwerkt" in waiting and 'hx-trigger="every 2s"' in waiting
    assert run_enqueued_tasks() == 1
    assert Handover.objects.count() == 0  # nothing before the confirmation
    job.refresh_from_db()
    assert (job.status, job.done, job.result["outcome"]) == (JobStatus.DONE, 3, "ready")
    page = school_client.get(_job_url(job)).content.decode()
    assert "Leerling2 Testpersoon" in page and "Aalsmeer" in page
    assert valid_bsn(2) not in page  # name and municipality only
    importer = _confirm(school_client, job)
    assert (importer.status, importer.done, importer.total) == (JobStatus.DONE, 3, 3)
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
    done = school_client.get(_job_url(importer)).content.decode()
    assert "Er zijn 3 concept-overdrachten gemaakt" in done
    assert f'href="/overdracht/{first.public_id}/"' in done and "Leerling1 Testpersoon" in done
    # The rows are gone from both jobs; the check's page leads to the import.
    job.refresh_from_db()
    assert job.payload == {} and importer.payload == {}
    assert school_client.get(_job_url(job))["Location"] == _job_url(importer)
    # The confirmation cannot be replayed.
    again = school_client.post(reverse("school_imports:confirm", args=[job.public_id]))
    assert again["Location"] == UPLOAD
    run_enqueued_tasks()
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
    job = _upload(client, SimpleUploadedFile("verlaters.xlsx", data.getvalue()))
    run_enqueued_tasks()
    job.refresh_from_db()
    _confirm(client, job)
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
    job = _check(school_client, rows)
    assert job.result["outcome"] == "rejected" and job.payload == {}  # the rows are not kept
    report = school_client.get(_job_url(job))
    problems = report.context["page"].object_list
    assert {p["row"] for p in problems} == {3, 5}
    by_row = {(p["row"], p["column"]): p["message"] for p in problems}
    assert "elfproef" in by_row[(3, "bsn")]
    assert by_row[(5, "geboortedatum")] == "Deze dag bestaat niet in die maand."
    assert "Onbekende gemeentecode" in by_row[(5, "woongemeente")]
    assert "ja, nee of het niveau" in by_row[(5, "diploma")]
    assert len(problems) == 4  # one message per problem
    text = report.content.decode()
    assert "2 van de 4 rijen bevatten een fout" in text and "Bestand geweigerd" in text
    assert _counts() == before
    # Nothing waits for confirmation.
    refused = school_client.post(reverse("school_imports:confirm", args=[job.public_id]))
    assert refused["Location"] == UPLOAD
    assert not run_enqueued_tasks() and _counts() == before


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
    assert _counts() == before and not BackgroundJob.objects.exists()


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


# --- No oracle: the school learns nothing about a BSN (issue 9 §3) ---------------------------
def _birth(text):
    day, month, year = (int(p) for p in text.split("-"))
    return {"birth_year": year, "birth_month": month, "birth_day": day}


def test_same_person_links_to_that_file_without_showing_it(school_client, aalsmeer):
    """BSN, name, birth date and municipality as on record: the row is linked to the file."""
    known = YouthFactory(bsn=valid_bsn(7), given_names="Leerling7", family_name="Testpersoon",
                         municipality=aalsmeer, phone="0612345678", **_birth("14-03-2007"))
    before = Youth.objects.count()
    importer = _confirm(school_client, _check(school_client, [_row(7), _row(8)]))
    assert importer.result["outcome"] == "created"
    assert Youth.objects.count() == before + 1  # only the unknown one is new
    assert Handover.objects.get(youth__bsn=valid_bsn(7)).youth == known
    assert not PossibleDuplicate.objects.exists()
    assert "0612345678" not in school_client.get(_job_url(importer)).content.decode()


@pytest.mark.parametrize(("on_record", "reason"), [
    ({"family_name": "Anders"}, PossibleDuplicate.Reason.BSN_OTHER_PERSON),
    ({"family_name": "Testpersoon", **_birth("01-01-2005")},
     PossibleDuplicate.Reason.BSN_OTHER_PERSON),
    ({"family_name": "Testpersoon", "given_names": "Bekende"}, PossibleDuplicate.Reason.SAME_BSN),
], ids=["family name", "birth date", "given names"])
def test_bsn_alone_never_links_a_row(school_client, school, aalsmeer, on_record, reason):
    """The BSN belongs to a file with other person data: the pupil gets a file of their own,
    the BSN under review beside the other, and a review item for the coaches; the school's
    file never changes the record and the school sees only what it typed."""
    person = {"given_names": "Leerling7", **_birth("14-03-2007"), **on_record}
    known = YouthFactory(bsn=valid_bsn(7), municipality=aalsmeer, **person)
    check = _check(school_client, [_row(7)])
    preview = school_client.get(_job_url(check)).content.decode()
    assert "Leerling7 Testpersoon" in preview
    assert "Anders" not in preview and "Bekende" not in preview
    _confirm(school_client, check)
    handover = Handover.objects.get()
    new = handover.youth
    assert new != known and new.team is None
    assert (new.bsn, new.bsn_under_review, new.given_names, new.family_name) == \
        (valid_bsn(7), True, "Leerling7", "Testpersoon")
    review = PossibleDuplicate.objects.get()
    assert (review.youth, review.other, review.reason, review.source) == \
        (new, known, reason, "leavers_import")
    known.refresh_from_db()
    assert (known.given_names, known.bsn_under_review) == (person["given_names"], False)


_IDS = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TOKENS = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')


def _without_ids(response) -> str:
    return _TOKENS.sub(r"\1", _IDS.sub("<id>", response.content.decode()))


def test_the_school_gets_the_same_answer_for_unknown_matching_and_other_bsn(
        school_client, aalsmeer):
    YouthFactory(bsn=valid_bsn(8), given_names="Leerling", family_name="Testpersoon",
                 municipality=aalsmeer, **_birth("14-03-2007"))  # the same person
    YouthFactory(bsn=valid_bsn(9), given_names="Iemand", family_name="Anders",
                 municipality=aalsmeer, **_birth("02-01-2001"))  # another person
    answers = []
    for n in (7, 8, 9):  # unknown, the same person, another person
        check = _check(school_client, [_row(n, voornamen="Leerling")])
        preview = school_client.get(_job_url(check))
        importer = _confirm(school_client, check)
        result = school_client.get(_job_url(importer))
        answers.append((check.result, _without_ids(preview), importer.result["outcome"],
                        _without_ids(result)))
        Handover.objects.all().delete()  # so the next file is not "already open"
    assert answers[0] == answers[1] == answers[2]
    assert "Anders" not in answers[2][3] and "Iemand" not in answers[2][3]


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


def test_rows_rejected_at_the_import_are_reported_and_nothing_is_written(school_client,
                                                                         monkeypatch):
    """The database changed between the check and the confirmation: the import job reports
    every row by number and reason, all or nothing."""
    check = _check(school_client, [_row(1), _row(2), _row(3)])
    before = _counts()
    real_create, calls = services.handover_create, []

    def failing_create(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise ValidationFailed("Kapot", field_errors={"receiver": ["Ontvanger weg."]})
        return real_create(**kwargs)

    monkeypatch.setattr(leaver_services, "handover_create", failing_create)
    importer = _confirm(school_client, check)
    assert importer.status == JobStatus.DONE and importer.payload == {}
    assert importer.result["problems"] == [{"row": 3, "column": "", "message": "Ontvanger weg."}]
    page = school_client.get(_job_url(importer)).content.decode()
    assert "Ontvanger weg." in page and "Sinds de controle" in page
    assert _counts() == before


def test_an_unexpected_error_fails_the_job_and_keeps_nothing(school_client, monkeypatch):
    check = _check(school_client, [_row(1)])

    def broken(**kwargs):
        raise RuntimeError(f"boom {valid_bsn(1)}")

    monkeypatch.setattr(leaver_services, "handover_create", broken)
    importer = _confirm(school_client, check)
    assert importer.status == JobStatus.FAILED and importer.payload == {}
    assert importer.result == {"error": "RuntimeError"}
    page = school_client.get(_job_url(importer)).content.decode()
    assert "Er ging iets mis bij het verwerken" in page and valid_bsn(1) not in page
    assert _counts() == (0, 0)


def test_open_handover_for_the_same_pupil_is_reported(school_client, school):
    _confirm(school_client, _check(school_client, [_row(1)]))
    again = _check(school_client, [_row(1)])
    problems = school_client.get(_job_url(again)).context["page"].object_list
    assert problems[0]["message"] == "Voor deze leerling staat al een overdracht van uw " \
                                     "school open."


def test_only_pro_vso_mbo_schools_may_import(coach_client):
    response = coach_client.get(UPLOAD)
    assert response.status_code == 403
    assert "Alleen medewerkers van een school" in response.content.decode()


def test_cancel_forgets_the_rows(school_client):
    check = _check(school_client, [_row(1)])
    assert check.payload["rows"]
    response = school_client.post(reverse("school_imports:cancel", args=[check.public_id]))
    assert response["Location"] == UPLOAD
    check.refresh_from_db()
    assert (check.status, check.payload) == (JobStatus.CANCELLED, {})
    assert "De import is geannuleerd" in school_client.get(_job_url(check)).content.decode()
    school_client.post(reverse("school_imports:confirm", args=[check.public_id]))
    assert not run_enqueued_tasks() and Handover.objects.count() == 0


def test_a_new_upload_replaces_a_waiting_check(school_client):
    first = _check(school_client, [_row(1)])
    assert "Er staat nog een gecontroleerd bestand klaar" in \
        school_client.get(UPLOAD).content.decode()
    _upload(school_client, _csv([_row(2)]))
    first.refresh_from_db()
    assert (first.status, first.payload) == (JobStatus.CANCELLED, {})


def test_rows_waiting_longer_than_a_day_are_emptied(school_client):
    check = _check(school_client, [_row(1)])
    BackgroundJob.objects.filter(pk=check.pk).update(
        created_at=timezone.now() - job_services.PAYLOAD_KEPT - datetime.timedelta(minutes=1))
    assert job_services.jobs_expire() == (1, 0)
    check.refresh_from_db()
    assert check.payload == {} and check.payload_cleared_at is not None
    page = school_client.get(_job_url(check)).content.decode()
    assert "Deze import is verlopen" in page


def test_job_page_query_count_does_not_grow_with_rows(school_client):
    small = _check(school_client, [_row(i) for i in range(3)])
    with count_queries() as queries:
        assert school_client.get(_job_url(small)).status_code == 200
    large = _check(school_client, [_row(i) for i in range(60)])
    with assert_num_queries(queries):
        assert school_client.get(_job_url(large)).status_code == 200
    importer = _confirm(school_client, large)
    with count_queries() as created:
        assert school_client.get(_job_url(importer)).status_code == 200
    assert len(created.captured_queries) <= len(queries.captured_queries) + 2


def test_example_file_has_the_header(school_client):
    response = school_client.get(reverse("school_imports:example"))
    assert response.content.decode().strip() == ";".join(parsing.COLUMNS)


# --- Background job: progress, polling, owner only, no BSN in the session --------------------
@pytest.mark.django_db(transaction=True)  # progress is read by another connection, as the page does
def test_the_check_and_the_import_report_progress_row_by_row(school_client, monkeypatch):
    """Row by row, also while the all-or-nothing import is still running (on PostgreSQL over a
    second connection, so the progress page sees it before the commit)."""
    monkeypatch.setattr(job_services, "PROGRESS_INTERVAL", 0)
    seen: list[tuple[str, int]] = []
    real_write = job_services.Progress._write

    def watching(self, done):
        real_write(self, done)
        job = BackgroundJob.objects.get(pk=self.job_id)
        seen.append((job.kind, job.done))

    monkeypatch.setattr(job_services.Progress, "_write", watching)
    check = _check(school_client, [_row(n) for n in range(1, 5)])
    _confirm(school_client, check)
    assert seen == [("leavers_check", n) for n in range(1, 5)] + \
        [("leavers_import", n) for n in range(1, 5)]


def test_the_progress_page_polls_until_the_job_is_done(school_client):
    job = _upload(school_client, _csv([_row(1), _row(2)]))
    htmx = {"HTTP_HX_REQUEST": "true"}
    fragment = school_client.get(_job_url(job), **htmx)
    assert fragment.status_code == 200
    text = fragment.content.decode()
    assert "0 van 2 rijen verwerkt" in text and "<html" not in text
    BackgroundJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, done=1)
    assert "1 van 2 rijen verwerkt" in school_client.get(_job_url(job), **htmx).content.decode()
    BackgroundJob.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, done=0)
    run_enqueued_tasks()
    finished = school_client.get(_job_url(job), **htmx)
    assert finished["HX-Refresh"] == "true"  # the whole page then shows the result


@pytest.mark.parametrize("action", ["job", "confirm", "cancel"])
def test_another_user_cannot_see_or_use_the_job(client, school_client, school, aalsmeer,
                                                action):
    """Not even a colleague of the same school: 404 as for an unknown id, and a denied row."""
    job = _check(school_client, [_row(1)])
    colleague = member(Role.SCHOOL_CONTACT, team=school.primary_membership.team)
    client.force_login(colleague)
    url = reverse(f"school_imports:{action}", args=[job.public_id])
    unknown = reverse(f"school_imports:{action}", args=["00000000-0000-4000-8000-000000000000"])
    send = client.get if action == "job" else client.post
    response, other = send(url), send(unknown)
    assert response.status_code == other.status_code == 404
    assert _without_ids(response) == _without_ids(other)
    assert "Leerling1" not in response.content.decode()
    denied = AuditEntry.objects.filter(action=AuditAction.DENIED, actor=colleague)
    assert denied.filter(object_type="leavers_import", object_id=str(job.public_id)).count() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.payload["rows"]  # untouched
    assert not run_enqueued_tasks()


def _session_text(client) -> str:
    stored = [json.dumps(s.get_decoded(), default=str) for s in Session.objects.all()]
    return json.dumps(dict(client.session.items()), default=str) + "".join(stored)


def test_no_bsn_in_the_session_at_any_step(school_client):
    bsns = [valid_bsn(n) for n in (1, 2)]

    def assert_clean():
        text = _session_text(school_client)
        assert not any(bsn in text for bsn in bsns), text

    job = _upload(school_client, _csv([_row(1), _row(2)]))
    assert_clean()
    school_client.get(_job_url(job))
    run_enqueued_tasks()
    school_client.get(_job_url(job))
    assert_clean()
    importer = _confirm(school_client, job)
    school_client.get(_job_url(importer))
    assert_clean()
    bad = _check(school_client, [_row(1, bsn="123456789"), _row(2)])
    school_client.get(_job_url(bad))
    assert_clean()
    cancelled = _check(school_client, [_row(5)])
    school_client.post(reverse("school_imports:cancel", args=[cancelled.public_id]))
    school_client.get(UPLOAD)
    assert_clean()


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_the_import(client, school, gemeente):
    """The real worker (manage.py db_worker), as `make run` starts it."""
    client.force_login(school)
    check = _upload(client, _csv([_row(1), _row(2)]))
    call_command("db_worker", "--batch", "--no-startup-delay")
    check.refresh_from_db()
    assert (check.status, check.done, check.result["outcome"]) == (JobStatus.DONE, 2, "ready")
    response = client.post(reverse("school_imports:confirm", args=[check.public_id]))
    importer = BackgroundJob.objects.get(public_id=JOB_URL.match(response["Location"])[1])
    call_command("db_worker", "--batch", "--no-startup-delay")
    importer.refresh_from_db()
    assert (importer.status, importer.done, importer.payload) == (JobStatus.DONE, 2, {})
    assert Handover.objects.filter(sender=school.primary_membership.team.organisation).count() \
        == 2
    from django_tasks_db.models import DBTaskResult

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}

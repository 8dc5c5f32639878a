"""Importing a delivery: the column mapping, every rejected row by number and reason, matching
(own, another team's, a disagreeing name, new), the holder told, and nothing half-written."""

from __future__ import annotations

import pytest
from django.urls import reverse

from route27.casefile.models import Event
from route27.casework.models import CaseworkNotice
from route27.core.jobs.models import BackgroundJob, JobStatus
from route27.core.jobs.testing import run_enqueued_tasks
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    AALSMEER,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.outreach import parsing, services
from route27.outreach.models import Delivery, Naming, OutreachCase, StatusConfirmation
from route27.outreach.tests.factories import bad_rows, csv_file, row, valid_bsn
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.models import PossibleDuplicate, Youth
from route27.youth.services import contact_person_assign
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    aalsmeer = real_municipality(AALSMEER)
    team = TeamFactory(organisation=OrganisationFactory(municipality=aalsmeer), serves=[aalsmeer])
    adviser = member(Role.BELEIDSADVISEUR, team=team, first_name="Bea")
    coach = member(Role.JONGERENCOACH_WERK, team=team)
    other_team = TeamFactory(serves=[aalsmeer])
    other_coach = member(Role.DOORSTROOMCOACH, team=other_team)
    return {"municipality": aalsmeer, "team": team, "adviser": adviser, "coach": coach,
            "other_team": other_team, "other_coach": other_coach}


def _upload(client, user, rows, kind="jib"):
    client.force_login(user)
    response = client.post(reverse("outreach:upload"), {
        "kind": kind, "team": user.primary_membership.team.pk, "file": csv_file(rows)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return BackgroundJob.objects.filter(owner=user).latest("created_at")


def _confirm(client, job, **mapping):
    proposal = parsing.propose_mapping(job.payload["header"])
    return client.post(reverse("outreach:mapping", args=[job.public_id]),
                       {**proposal, **mapping})


def test_a_delivery_with_seven_bad_rows_imports_the_rest_and_names_the_seven(client, world):
    rows = [row(n) for n in range(1, 94)] + bad_rows()
    job = _upload(client, world["adviser"], rows)
    page = client.get(reverse("outreach:mapping", args=[job.public_id])).content.decode()
    assert 'value="burgerservicenummer" selected' in page  # the guess is filled in
    response = _confirm(client, job)
    assert response.status_code == 302
    assert run_enqueued_tasks() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result["outcome"] == "imported"
    assert job.result["rejected"] == 7 and job.result["new_cases"] == 93
    assert not job.has_payload  # the rows (with BSNs) are gone
    numbers = sorted({p["row"] for p in job.result["problems"]})
    assert numbers == list(range(95, 102))
    messages = {p["row"]: p["message"] for p in job.result["problems"]}
    assert "elfproef" in messages[95] and "rij 2" in messages[101]
    assert "27 jaar" in messages[99]
    report = client.get(reverse("outreach:job", args=[job.public_id])).content.decode()
    for number in numbers:
        assert f">{number}</td>" in report
    assert OutreachCase.objects.filter(team=world["team"]).count() == 93
    assert Youth.objects.filter(team=world["team"]).count() == 93
    assert Event.objects.filter(kind="outreach_opened").count() == 93
    assert Naming.objects.count() == 93


def test_matching_own_other_team_disagreeing_and_status(client, world):
    own_busy = YouthFactory(team=world["team"], municipality=world["municipality"],
                            bsn=valid_bsn(1), family_name="Levering1", birth_year=2005,
                            birth_month=1, birth_day=2)
    TrajectoryFactory(youth=own_busy, team=world["team"], actor=world["coach"])
    elsewhere = YouthFactory(team=world["other_team"], municipality=world["municipality"],
                             bsn=valid_bsn(2), family_name="Levering2", birth_year=2005,
                             birth_month=1, birth_day=3)
    contact_person_assign(actor=world["other_coach"], youth=elsewhere, user=world["other_coach"],
                          role=Role.DOORSTROOMCOACH)
    other_person = YouthFactory(team=world["other_team"], municipality=world["municipality"],
                                bsn=valid_bsn(3), family_name="Iemandanders")
    rows = [row(1), row(2), row(3), row(4, status="aan het werk")]
    job = _upload(client, world["coach"], rows)
    _confirm(client, job)
    run_enqueued_tasks()
    job.refresh_from_db()
    result = job.result
    assert (result["new_cases"], result["in_view"], result["told"]) == (2, 1, 1)
    # The other team is told; the importer's report names nobody.
    notice = CaseworkNotice.objects.get(recipient=world["other_coach"])
    assert notice.youth == elsewhere and "levering" in notice.text
    report = client.get(reverse("outreach:job", args=[job.public_id])).content.decode()
    assert "Levering2" not in report and "Iemandanders" not in report
    # A BSN held by someone with another name: a new file under review, not a link.
    reviewed = Youth.objects.get(family_name="Levering3")
    assert reviewed.bsn_under_review and PossibleDuplicate.objects.filter(
        youth=reviewed, other=other_person).exists()
    assert StatusConfirmation.objects.get(youth__family_name="Levering4").status == "working"
    assert not OutreachCase.objects.filter(youth__in=[own_busy, elsewhere]).exists()


def test_every_row_bad_imports_nothing(client, world):
    job = _upload(client, world["adviser"], bad_rows()[:6])  # the 7th is bad only beside row 1
    _confirm(client, job)
    run_enqueued_tasks()
    job.refresh_from_db()
    assert job.result["outcome"] == "rejected" and job.result["rejected"] == 6
    assert not Delivery.objects.exists() and Youth.objects.count() == 0


def test_an_exception_half_way_writes_nothing(client, world, monkeypatch):
    job = _upload(client, world["adviser"], [row(n) for n in range(1, 50)])
    _confirm(client, job)
    real = services.record_many
    calls = []

    def failing(**kwargs):
        calls.append(1)
        if len(calls) == 2:  # after the new files, before the cases' events
            raise RuntimeError("database gone")
        return real(**kwargs)

    monkeypatch.setattr(services, "record_many", failing)
    run_enqueued_tasks()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and not job.has_payload
    assert Youth.objects.count() == 0 and OutreachCase.objects.count() == 0
    assert not Delivery.objects.exists()
    assert not Event.objects.filter(kind__in=["youth_registered", "outreach_opened"]).exists()
    page = client.get(reverse("outreach:job", args=[job.public_id])).content.decode()
    assert "Er is niets opgeslagen" in page


def test_the_mapping_must_name_the_required_fields(client, world):
    job = _upload(client, world["adviser"], [row(1)])
    response = _confirm(client, job, bsn="")
    assert response.status_code == 200
    assert "Kies de kolom met: BSN" in response.content.decode()
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and "mapping" not in job.payload


def test_a_structural_problem_rejects_the_file_at_once(client, world):
    client.force_login(world["adviser"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("outreach:upload"), {
        "kind": "jib", "team": world["team"].pk,
        "file": SimpleUploadedFile("levering.xls", b"oud")})
    assert response.status_code == 400 and ".xls" in response.content.decode()


def test_someone_elses_job_is_a_404(client, world):
    job = _upload(client, world["adviser"], [row(1)])
    client.force_login(world["coach"])
    assert client.get(reverse("outreach:job", args=[job.public_id])).status_code == 404
    assert client.get(reverse("outreach:mapping", args=[job.public_id])).status_code == 404

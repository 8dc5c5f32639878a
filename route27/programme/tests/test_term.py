"""The programme during its term (issue 15, parts 6–10): who may do what by the type of
gemeente, youth participation, the subsidy application and proposal rounds, the calendar's
reminders, the reach of maatregelen (suppressed), the effectrapportage (reproducible, in
three formats) and the centrumgemeente's overview and route map."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.urls import reverse

from route27 import law
from route27.core.errors import Refused, ValidationFailed
from route27.organisations.models import MunicipalConfig, Municipality, RegionOverlap
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    AALSMEER,
    AMSTELVEEN,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.programme import documents, effect_report, overview, selectors, services
from route27.programme.models import EffectReport, ParticipationSession, Proposal
from route27.trajectories.models import InstrumentUse
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.tests.factories import YouthFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = "GM0363"
CONDITIONS = {c.code: "Onderbouwd in de analyse." for c in law.MEASURE_CONDITIONS}


def _adviser_of(municipality):
    team = TeamFactory(organisation=OrganisationFactory(municipality=municipality),
                       serves=[municipality])
    return member(Role.BELEIDSADVISEUR, team=team)


@pytest.fixture
def world():
    amstelveen, aalsmeer = real_municipality(AMSTELVEEN), real_municipality(AALSMEER)
    amsterdam = real_municipality(AMSTERDAM)
    Municipality.objects.filter(pk=amsterdam.pk).update(is_centre_municipality=True)
    RegionOverlap.objects.get_or_create(
        labour_market_region=amsterdam.labour_market_region,
        doorstroompunt_region=amstelveen.doorstroompunt_region,
        defaults={"municipality_count": 14, "population_2024": 1_500_000})
    team = TeamFactory(organisation=OrganisationFactory(municipality=amstelveen),
                       serves=[amstelveen])
    coordinator = member(Role.REGIONAL_COORDINATOR, team=team)
    region = amstelveen.doorstroompunt_region
    programme = services.programme_start(actor=coordinator, region=region)
    services.programme_parties_save(actor=coordinator, programme=programme,
                                    contact_municipality=aalsmeer, contact_school="ROC Amstelland")
    return {"region": region, "programme": programme, "coordinator": coordinator,
            "team": team, "amstelveen": amstelveen, "aalsmeer": aalsmeer,
            "lead": _adviser_of(aalsmeer), "member": _adviser_of(amstelveen),
            "centre": _adviser_of(Municipality.objects.get(pk=amsterdam.pk))}


def _final_measure(world, title="Jongerenloket"):
    return services.measure_save(actor=world["coordinator"], programme=world["programme"],
                                 values={"title": title, "description": "Op elke locatie."},
                                 conditions=CONDITIONS, final=True)


def test_the_contactgemeente_leads_the_centrumgemeente_signs_for_itself_others_contribute(
        world):
    programme, region = world["programme"], world["region"]
    # The contactgemeente's policy team keeps the programme (procesregie).
    services.section_save(actor=world["lead"], section=programme.sections.first(),
                          status="working", text="Kerngroep gevormd.")
    with pytest.raises(Refused):
        services.section_save(actor=world["member"], section=programme.sections.first(),
                              status="ready", text="")
    with pytest.raises(Refused):
        services.section_save(actor=world["centre"], section=programme.sections.first(),
                              status="ready", text="")
    # A new contactgemeente in the version in force: the former one reads, no longer keeps.
    services.programme_parties_save(actor=world["coordinator"], programme=programme,
                                    contact_municipality=world["amstelveen"])
    assert selectors.regions_for(world["member"], edit=True).filter(pk=region.pk).exists()
    assert not selectors.regions_for(world["lead"], edit=True).filter(pk=region.pk).exists()
    services.programme_parties_save(actor=world["coordinator"], programme=programme,
                                    contact_municipality=world["aalsmeer"])
    # Every party reads; a member gemeente and the centrumgemeente contribute.
    for user in (world["member"], world["centre"], world["lead"]):
        assert selectors.regions_for(user).filter(pk=region.pk).exists()
    remark = services.contribution_add(actor=world["member"], region=region,
                                       text="Aalsmeer en Amstelveen delen de loketten.",
                                       step="agreements")
    assert remark.on_behalf_of == "Amstelveen" and remark.kind == "remark"
    assert services.signable_parties(world["centre"], programme) == [
        f"centre:{AMSTERDAM}"]
    assert services.signable_parties(world["member"], programme) == []
    # Only the centrumgemeente advises on a verordening, only within its arbeidsmarktregio.
    with pytest.raises(Refused):
        services.contribution_add(actor=world["member"], region=region, text="Advies",
                                  about=world["amstelveen"])
    advice = services.contribution_add(actor=world["centre"], region=region,
                                       text="Stem de nazorgtermijn af.",
                                       about=world["amstelveen"])
    assert advice.kind == "advice" and advice.on_behalf_of == "Amsterdam"


def test_youth_participation_shows_what_it_changed(world):
    programme = world["programme"]
    with pytest.raises(ValidationFailed) as failed:
        services.participation_save(actor=world["coordinator"], programme=programme,
                                    held_on=datetime.date(2099, 1, 1), form="nope",
                                    values={"groups": "", "input": "", "effect": "Iets"})
    assert set(failed.value.field_errors) == {"held_on", "form", "groups", "input", "step"}
    session = services.participation_save(
        actor=world["coordinator"], programme=programme, held_on=datetime.date(2026, 3, 2),
        form="panel", participants=12, step="agreements",
        values={"groups": "Jongerenpanel Amstelland", "compensation": "Bon van 25 euro",
                "input": "Eén loket, ook 's avonds.", "effect": "Afspraak 4a: avondspreekuur."})
    assert session.get_step_display().startswith("3.")
    with pytest.raises(Refused):
        services.participation_delete(actor=world["member"], session=session)
    services.participation_delete(actor=world["coordinator"], session=session)
    assert not ParticipationSession.objects.exists()


def test_the_subsidy_application_follows_the_transition_table(world):
    region, coordinator = world["region"], world["coordinator"]
    with pytest.raises(ValidationFailed) as failed:
        services.subsidy_advance(actor=coordinator, region=region, status="granted",
                                 on=datetime.date(2026, 1, 20))
    assert "status" in failed.value.field_errors
    with pytest.raises(ValidationFailed) as failed:  # submitting names the amount asked
        services.subsidy_advance(actor=coordinator, region=region, status="submitted",
                                 on=datetime.date(2026, 1, 20))
    assert set(failed.value.field_errors) == {"amount"}
    steps = [("submitted", "2026-01-20", "1.250.000"), ("notified", "2026-03-28", ""),
             ("amended", "2026-05-15", "1.200.000,00"), ("granted", "2026-06-30", "1200000")]
    for status, on, amount in steps:
        application = services.subsidy_advance(
            actor=coordinator, region=region, status=status,
            on=datetime.date.fromisoformat(on), amount=amount)
    assert application.status == "granted" and str(application.amount_granted) == "1200000"
    assert [h["status"] for h in application.history] == [s for s, _on, _a in steps]
    assert law.SUBSIDY_TRANSITIONS[law.SubsidyStatus.GRANTED] == ()
    with pytest.raises(Refused):
        services.subsidy_advance(actor=world["member"], region=region, status="refused",
                                 on=datetime.date(2026, 7, 1))


def test_a_proposal_is_granted_only_when_it_meets_every_condition_with_a_reason(world):
    region, coordinator = world["region"], world["coordinator"]
    values = {"round": "Voorjaar 2026", "title": "Werkplaats", "applicant": "ROC", "reason": ""}
    with pytest.raises(ValidationFailed) as failed:
        services.proposal_save(actor=coordinator, region=region, values=values,
                               amount="50.000", criteria={"target_group": True},
                               decision="granted")
    assert set(failed.value.field_errors) == {"decision", "reason"}
    proposal = services.proposal_save(
        actor=coordinator, region=region, values={**values, "reason": "Voldoet."},
        amount="50.000", criteria={c.code: True for c in law.MEASURE_CONDITIONS},
        decision="granted")
    assert proposal.decision == Proposal.Decision.GRANTED and all(proposal.criteria.values())


def test_the_calendar_reminds_and_the_effect_report_date_is_a_setting(settings):
    settings.ROUTE27_EFFECT_REPORT_DUE = "06-15"
    settings.ROUTE27_PROGRAMME_REMINDER_DAYS = 30
    due = selectors.timeline(datetime.date(2027, 1, 10))
    labels = [d.label for d in due if d.soon]
    assert any("format" in label.lower() for label in labels)  # DUO's format before 1 Feb
    report = [d for d in due if d.label.startswith("Effectrapportage over 2026")][0]
    assert report.ends_on == datetime.date(2027, 6, 15) and not report.passed
    assert all(d.passed for d in due if d.ends_on < datetime.date(2027, 1, 10))


def _tag(measure, n, *, team, municipality, closed=False):
    for _i in range(n):
        youth = YouthFactory(municipality=municipality, team=team)
        trajectory = TrajectoryFactory(youth=youth, team=team, closed=closed,
                                       outflow_reason="onderwijs")
        InstrumentUse.objects.create(trajectory=trajectory, instrument=measure.provision,
                                     started_on=datetime.date(2026, 3, 1))


def test_a_final_measure_is_in_the_catalogue_and_its_reach_is_suppressed(world):
    measure = _final_measure(world)
    assert measure.provision.scope == "region" and measure.provision.active
    assert measure.provision.region == world["region"]
    other = _final_measure(world, "Werkplaats")
    _tag(measure, 7, team=world["team"], municipality=world["amstelveen"])
    _tag(measure, 2, team=world["team"], municipality=world["amstelveen"], closed=True)
    _tag(other, 6, team=world["team"], municipality=world["amstelveen"])
    again = InstrumentUse.objects.filter(instrument=measure.provision,
                                         trajectory__closed_on__isnull=False).first()
    later = TrajectoryFactory(youth=again.trajectory.youth, team=world["team"], closed=True,
                              outflow_reason="duurzaam_werk")
    InstrumentUse.objects.create(trajectory=later, instrument=measure.provision,
                                 started_on=datetime.date(2026, 6, 1))  # the same youth again
    table = selectors.reach([measure, other], datetime.date(2026, 1, 1),
                            datetime.date(2026, 12, 31))
    cells = dict((row[0], row[1:]) for row in table.cells())
    assert cells["Jongerenloket"][0] == "9"  # the youth tagged twice counts once
    assert cells["Jongerenloket"][1] == "< 5"  # 7 open: the rest (2) would give it back
    assert cells["Jongerenloket"][2] == "< 5"  # 2 to education
    assert cells["Werkplaats"][0] == "6"
    assert cells["Werkplaats"][1] == "< 5"  # 6 open, but beside a hidden cell of its column
    # Not final any more: out of the catalogue, the reach stays counted.
    services.measure_save(actor=world["coordinator"], programme=world["programme"],
                          values={"title": "Werkplaats", "description": "x"},
                          conditions=CONDITIONS, final=False, measure=other)
    other.provision.refresh_from_db()
    assert not other.provision.active


def test_the_effect_report_is_reproducible_in_three_formats(world, client):
    from openpyxl import load_workbook

    coordinator, programme = world["coordinator"], world["programme"]
    services.programme_target_save(actor=coordinator, programme=programme, kind="neet",
                                   year=2026, maximum=900, justification="CBS 2024: 1.000.")
    measure = _final_measure(world)
    _tag(measure, 6, team=world["team"], municipality=world["amstelveen"])
    services.effect_report_save(actor=coordinator, region=world["region"], year=2026,
                                realised={"neet-2026": "870"},
                                explanations={"neet-2026": "Behaald door het loket."},
                                progress={f"measure-{measure.pk}": "Loopt op drie locaties."},
                                partner_text="Samen opgesteld.")
    report = EffectReport.objects.get()
    today = datetime.date(2027, 2, 1)
    first = documents.as_json(effect_report.build(report, today=today))
    again = documents.as_json(effect_report.build(report, today=today))
    assert first == again
    data = json.loads(first)
    parts = {p["code"]: p for p in data["parts"]}
    layout = documents.layout_for("effectrapportage", 2026)
    assert [p["code"] for p in data["parts"]] == [s["code"] for s in layout["sections"]]
    target = parts["2"]["rows"][0]
    assert target[2] == 900 and target[4] == 870 and target[6] == "ja"
    measure_row = parts["4"]["rows"][0]
    assert measure_row[1] == "Jongerenloket" and measure_row[4] == 6

    def cells():
        xlsx = documents.as_xlsx(effect_report.build(report, today=today))
        return [c for row in load_workbook(io.BytesIO(xlsx)).active.iter_rows(values_only=True)
                for c in row if c is not None]

    values = cells()
    assert values == cells()  # the zip's own timestamps aside, the same form
    assert "4. Voortgang van de aanvullende maatregelen" in values
    assert "Loopt op drie locaties." in values
    # The pages: the coordinator sees counts and downloads; no youth's name anywhere.
    client.force_login(coordinator)
    page = client.get(reverse("programme:effect_report",
                              args=[world["region"].code, 2026])).content.decode()
    assert "Jongerenloket" in page and "Loopt op drie locaties." in page
    names = list(InstrumentUse.objects.values_list("trajectory__youth__family_name", flat=True))
    assert not any(name and name in page for name in names)
    tagged = InstrumentUse.objects.select_related("trajectory__youth").first().trajectory
    assert client.get(reverse("youth:detail", args=[tagged.youth.public_id])).status_code == 404
    assert client.get(reverse("trajectories:detail",
                              args=[tagged.public_id])).status_code in (403, 404)
    for fmt in ("pdf", "xlsx", "json"):
        response = client.get(reverse("programme:effect_report_export",
                                      args=[world["region"].code, 2026, fmt]))
        assert response.status_code == 200 and response["Content-Disposition"].endswith(
            f'.{fmt}"')
    assert client.get(reverse("programme:effect_report",
                              args=[world["region"].code, 2031])).status_code == 404
    client.force_login(world["member"])  # reads, enters nothing
    page = client.get(reverse("programme:effect_report",
                              args=[world["region"].code, 2026])).content.decode()
    assert 'id="invullen"' not in page
    response = client.post(reverse("programme:effect_report",
                                   args=[world["region"].code, 2026]), {"partner_text": "x"})
    assert response.status_code == 404


def test_the_overview_marks_choices_that_differ_from_most_gemeenten(
        world, client, django_assert_max_num_queries):
    amr = world["amstelveen"].labour_market_region
    municipalities = list(amr.municipalities.order_by("name"))
    for m in municipalities:
        MunicipalConfig.objects.update_or_create(municipality=m, defaults={
            "intake_weeks": 4, "executor": "own_team"})
    MunicipalConfig.objects.filter(municipality=world["amstelveen"]).update(intake_weeks=8)
    comparison = overview.comparison(municipalities)
    marked = {(m.name, c.text) for m, cells in comparison.rows for c in cells if c.differs}
    assert marked == {("Amstelveen", "8")}
    assert comparison.differing == 1
    assert overview.labour_market_regions_for(world["centre"]).filter(pk=amr.pk).exists()
    assert not overview.labour_market_regions_for(world["member"]).exists()
    client.force_login(world["centre"])
    client.get(reverse("programme:overview", args=[amr.code]))  # keeps the figures
    with django_assert_max_num_queries(20):  # one read of the choices for all gemeenten
        page = client.get(reverse("programme:overview", args=[amr.code])).content.decode()
    assert "<mark>8</mark>" in page and "Kerncijfers per gemeente" in page
    assert "Geen maatregel van een regionaal programma" in page
    services.measure_save(actor=world["coordinator"], programme=world["programme"],
                          values={"title": "Leerwerkloket", "description": "x",
                                  "agenda_reference": "Meerjarenagenda 2026, actielijn 3",
                                  "financial_agreement": "Ieder de helft."},
                          conditions=CONDITIONS, final=True,
                          labour_market_region=Municipality.objects.get(
                              code=AMSTERDAM).labour_market_region)
    page = client.get(reverse("programme:overview", args=[
        Municipality.objects.get(code=AMSTERDAM).labour_market_region.code])).content.decode()
    assert "Leerwerkloket" in page and "actielijn 3" in page and "Ieder de helft." in page
    home = client.get("/").content.decode()  # the centrumgemeente's home: the comparison
    assert 'id="home-comparisons"' in home and "1 keuze in verordening" in home
    client.force_login(world["member"])
    assert client.get(reverse("programme:overview", args=[amr.code])).status_code == 404


def test_the_route_map_names_whom_to_call_per_group(world, client):
    OrganisationFactory(name="Werkcentrum Groot-Amsterdam", type="werkcentrum",
                        municipality=world["amstelveen"])
    stops = {s.group.code: s for s in overview.route_map(world["region"])}
    assert [o.name for o in stops["retraining"].organisations] == [
        "Werkcentrum Groot-Amsterdam"]
    client.force_login(world["member"])
    page = client.get(reverse("programme:route_map", args=[world["region"].code]))
    assert page.status_code == 200 and "Werkcentrum Groot-Amsterdam" in page.content.decode()


def test_the_pages_read_in_a_fixed_number_of_queries(world, client, django_assert_max_num_queries):
    """More maatregelen, tagged youth or agreements do not mean more queries (no N+1)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    client.force_login(world["coordinator"])
    workspace = reverse("programme:workspace") + f"?regio={world['region'].code}"
    report = reverse("programme:effect_report", args=[world["region"].code, 2026])
    _final_measure(world)
    count(workspace)  # the first reading keeps the region's figures (monitoring.cache)
    before = (count(workspace), count(report))
    for title in ("Werkplaats", "Loket", "Panel"):
        measure = _final_measure(world, title)
        _tag(measure, 3, team=world["team"], municipality=world["amstelveen"])
    after = (count(workspace), count(report))
    assert after == before, (before, after)
    with django_assert_max_num_queries(40):
        client.get(workspace)
    with django_assert_max_num_queries(30):
        client.get(report)


def test_reminders_go_to_the_keepers_by_mail_without_personal_data(world, settings):
    from django.core import mail

    from route27.core.jobs.testing import run_enqueued_tasks
    from route27.programme import reminders

    settings.ROUTE27_PROGRAMME_REMINDER_DAYS = 30
    world["coordinator"].email = "regio@example.org"
    world["coordinator"].save()
    world["lead"].email = "aalsmeer@example.org"
    world["lead"].save()
    world["member"].email = "amstelveen@example.org"
    world["member"].save()
    assert reminders.reminders_enqueue(datetime.date(2027, 1, 2)) == 0  # nothing 30 or 7 days off
    assert reminders.reminders_enqueue(datetime.date(2027, 1, 1)) == 2  # format due 31 January
    run_enqueued_tasks()
    sent = {tuple(m.to): m for m in mail.outbox}
    assert set(sent) == {("regio@example.org",), ("aalsmeer@example.org",)}
    body = sent[("regio@example.org",)].body
    assert "format voor de effectrapportage" in body and "/programma/MC21/subsidie/" in body
    # The effectrapportage over 2026 due 1 July 2027: submitted, it reminds no more.
    assert reminders.reminders_enqueue(datetime.date(2027, 6, 1)) == 2
    services.effect_report_save(actor=world["coordinator"], region=world["region"], year=2026,
                                realised={}, explanations={}, progress={},
                                submitted_on=datetime.date(2026, 12, 1))
    assert reminders.reminders_enqueue(datetime.date(2027, 6, 1)) == 0
    done = [d for d in selectors.timeline(datetime.date(2027, 6, 1), world["region"])
            if d.label.startswith("Effectrapportage over 2026")][0]
    assert done.done_on == datetime.date(2026, 12, 1) and not done.soon


def test_the_programme_document_follows_the_format_order(world, client):
    coordinator, programme = world["coordinator"], world["programme"]
    from route27.programme.models import Theme

    for code, title in (("retraining", "Leerwerkloket"), ("school_municipality", "Warm")):
        services.agreement_save(actor=coordinator, programme=programme,
                                theme=Theme.objects.get(code=code), title=title, text="x")
    services.measure_save(actor=coordinator, programme=programme,
                          values={"title": "Later", "description": "x", "section": "4g"},
                          conditions={}, final=False)
    services.measure_save(actor=coordinator, programme=programme,
                          values={"title": "Eerder", "description": "x", "section": "4c"},
                          conditions=CONDITIONS, final=True)
    from route27.programme import programme_document

    data = json.loads(documents.as_json(programme_document.build(programme)))
    parts = {p["code"]: p for p in data["parts"]}
    assert [row[0] for row in parts["4"]["rows"]] == ["4a", "4f"]
    assert [row[1] for row in parts["5"]["rows"]] == ["Eerder", "Later"]
    assert "(nog niet onderbouwd)" in parts["5"]["rows"][1][3]
    client.force_login(world["member"])  # every reader downloads; an unknown version is 404
    url = reverse("programme:programme_export", args=[world["region"].code, 1, "pdf"])
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert client.get(reverse("programme:programme_export",
                              args=[world["region"].code, 9, "pdf"])).status_code == 404


def test_who_is_responsible_for_which_part_is_kept_and_in_the_document(world):
    coordinator, programme = world["coordinator"], world["programme"]
    with pytest.raises(ValidationFailed) as failed:
        services.responsibility_add(actor=coordinator, programme=programme, part="",
                                    task="audit", party="")
    assert set(failed.value.field_errors) == {"part", "task", "party"}
    services.responsibility_add(actor=coordinator, programme=programme,
                                part="Maatregel Jongerenloket", task="monitoring",
                                party="Contactgemeente Aalsmeer")
    with pytest.raises(Refused):
        services.responsibility_add(actor=world["member"], programme=programme, part="x",
                                    task="execution", party="y")
    from route27.programme import programme_document

    rows = {p.code: p for p in programme_document.build(programme).parts}["8"].rows
    assert ["Maatregel Jongerenloket", "Monitoring: Contactgemeente Aalsmeer"] in rows


def test_the_centrumgemeente_signs_only_for_itself_on_the_page(world, client):
    programme = world["programme"]
    for kind in ("new_vsv", "neet"):
        services.programme_target_save(actor=world["coordinator"], programme=programme,
                                       kind=kind, year=2026, maximum=100, justification="x")
    client.force_login(world["centre"])
    page = client.get(reverse("programme:sign", args=[world["region"].code])).content.decode()
    assert "Centrumgemeente Amsterdam" in page and "Contactschool" not in page
    response = client.post(reverse("programme:sign", args=[world["region"].code]), {
        "party": "contact_school", "signer_name": "X", "signer_function": "Y",
        "signed_on": "2026-11-01"})
    assert response.status_code == 200 and not programme.signatures.exists()
    client.post(reverse("programme:sign", args=[world["region"].code]), {
        "party": f"centre:{AMSTERDAM}", "signer_name": "F. Halsema",
        "signer_function": "Burgemeester", "signed_on": "2026-11-01"})
    assert list(programme.signatures.values_list("party", flat=True)) == [f"centre:{AMSTERDAM}"]
    client.force_login(world["member"])
    assert client.get(reverse("programme:sign", args=[world["region"].code])).status_code == 404

"""The regional programme's workspace (issue 15, first part): the coordinator of the region
starts and keeps it; policy advisers of its gemeenten read it; nobody else; a signed version
is frozen; streefcijfers need a justification; counts only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from route27.audit.models import AuditEntry
from route27.core.errors import Refused, ValidationFailed
from route27.organisations.roles import Role
from route27.organisations.tests.factories import (
    AALSMEER,
    AMSTELVEEN,
    UTRECHT,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.programme import services
from route27.programme.models import Programme, ProgrammeTarget, Section, Step

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    amstelveen, aalsmeer = real_municipality(AMSTELVEEN), real_municipality(AALSMEER)
    team = TeamFactory(organisation=OrganisationFactory(municipality=amstelveen),
                       serves=[amstelveen])
    return {"region": amstelveen.doorstroompunt_region, "amstelveen": amstelveen,
            "aalsmeer": aalsmeer, "coordinator": member(Role.REGIONAL_COORDINATOR, team=team),
            "adviser": member(Role.BELEIDSADVISEUR, team=team), "team": team}


def test_the_coordinator_starts_the_programme_with_a_section_per_step(region):
    programme = services.programme_start(actor=region["coordinator"], region=region["region"])
    assert programme.version == 1 and programme.first_year == 2026 and programme.last_year == 2029
    assert list(programme.sections.values_list("step", flat=True).order_by("id")) == list(Step)
    with pytest.raises(Refused):
        services.programme_start(actor=region["coordinator"], region=region["region"])
    with pytest.raises(Refused):  # a policy adviser reads, but does not keep the programme
        services.programme_start(actor=region["adviser"],
                                 region=real_municipality(UTRECHT).doorstroompunt_region)
    assert AuditEntry.objects.filter(object_type="programme", action="create").count() == 1


def test_parties_and_sections_are_validated_and_a_signed_version_is_frozen(region):
    coordinator = region["coordinator"]
    programme = services.programme_start(actor=coordinator, region=region["region"])
    with pytest.raises(ValidationFailed) as failed:
        services.programme_parties_save(actor=coordinator, programme=programme,
                                        contact_municipality=real_municipality(UTRECHT),
                                        contact_school="x" * 201)
    assert set(failed.value.field_errors) == {"contact_municipality", "contact_school"}
    services.programme_parties_save(actor=coordinator, programme=programme,
                                    contact_municipality=region["amstelveen"],
                                    contact_school="Mbo-college Amstelland",
                                    board_frequency="Elk kwartaal")
    programme.refresh_from_db()
    assert programme.contact_municipality == region["amstelveen"]
    section = programme.sections.get(step=Step.ANALYSIS)
    with pytest.raises(ValidationFailed):  # ready without a text
        services.section_save(actor=coordinator, section=section, status="ready", text=" ")
    services.section_save(actor=coordinator, section=section, status="working",
                          text="De NEET-groep groeit in Amstelveen.")
    Programme.objects.filter(pk=programme.pk).update(status=Programme.Status.SIGNED)
    with pytest.raises(Refused):
        services.section_save(actor=coordinator, section=section, status="ready", text="x")
    assert Section.objects.get(pk=section.pk).status == "working"


def test_a_streefcijfer_needs_a_year_of_the_term_and_a_justification(region):
    coordinator = region["coordinator"]
    programme = services.programme_start(actor=coordinator, region=region["region"])
    with pytest.raises(ValidationFailed) as failed:
        services.programme_target_save(actor=coordinator, programme=programme, kind="neet",
                                       year=2031, maximum=-1, justification="")
    assert set(failed.value.field_errors) == {"year", "maximum", "justification"}
    target = services.programme_target_save(
        actor=coordinator, programme=programme, kind="new_vsv", year=2026, maximum=310,
        reference_value=330, justification="Twee procent minder dan de referentiewaarde.")
    assert target.period_label == "2026/2027"
    services.programme_target_save(actor=coordinator, programme=programme, kind="new_vsv",
                                   year=2026, maximum=300, justification="Scherper.")
    assert ProgrammeTarget.objects.get().maximum == 300
    services.programme_target_delete(actor=coordinator, target=ProgrammeTarget.objects.get())
    assert not ProgrammeTarget.objects.exists()


def test_the_workspace_shows_the_region_to_its_readers_and_no_one_else(client, region):
    services.programme_start(actor=region["coordinator"], region=region["region"])
    client.force_login(region["coordinator"])
    page = client.get(reverse("programme:workspace")).content.decode()
    assert "Agglomeratie Amsterdam" in page and "Aalsmeer" in page
    assert "Nog open (de Regeling vraagt" in page  # no streefcijfers yet
    assert 'href="/programma/MC21/stap/analysis/"' in page
    assert "Inwoners en voortijdig schoolverlaters per gemeente" in page
    client.force_login(region["adviser"])  # not of the contactgemeente: reads, no links to change
    page = client.get(reverse("programme:workspace")).content.decode()
    assert "Agglomeratie Amsterdam" in page and "/programma/MC21/stap/" not in page
    assert client.get(reverse("programme:section", args=["MC21", "analysis"])).status_code == 404
    client.force_login(member(Role.DOORSTROOMCOACH, team=region["team"]))
    assert client.get(reverse("programme:workspace")).status_code == 403
    other = member(Role.REGIONAL_COORDINATOR, team=TeamFactory(
        organisation=OrganisationFactory(municipality=real_municipality(UTRECHT))))
    client.force_login(other)
    assert client.get(reverse("programme:section", args=["MC21", "analysis"])).status_code == 404
    page = client.get(reverse("programme:workspace"), {"regio": "MC21"}).content.decode()
    assert "Agglomeratie Amsterdam:" not in page


def test_the_coordinator_edits_through_the_pages(client, region):
    client.force_login(region["coordinator"])
    client.post(reverse("programme:start", args=["MC21"]))
    response = client.post(reverse("programme:target_add", args=["MC21"]), {
        "kind": "neet", "year": "2027", "maximum": "900", "justification": ""})
    assert "Dit veld is vereist." in response.content.decode()
    response = client.post(reverse("programme:target_add", args=["MC21"]), {
        "kind": "neet", "year": "2027", "maximum": "900",
        "justification": "De NEET-groep was 950 in 2025."})
    assert response.status_code == 302
    response = client.post(reverse("programme:section", args=["MC21", "budget"]), {
        "status": "working", "text": "Begroting volgt uit de werkgroepen."})
    assert response.status_code == 302
    response = client.post(reverse("programme:parties", args=["MC21"]), {
        "contact_municipality": region["amstelveen"].pk, "contact_school": "Mbo Amstelland"})
    assert response.status_code == 302
    page = client.get(reverse("programme:workspace")).content.decode()
    assert "Mbo Amstelland" in page and "900" in page and "In bewerking" in page


def test_agreements_show_which_mandatory_themes_are_still_open(region):
    from route27.programme.models import Theme
    from route27.programme.selectors import open_themes

    programme = services.programme_start(actor=region["coordinator"], region=region["region"])
    mandatory = Theme.objects.filter(mandatory=True, active=True).count()
    assert mandatory >= 10 and len(open_themes(programme)) == mandatory
    services.agreement_save(actor=region["coordinator"], programme=programme,
                            theme=Theme.objects.get(code="multi_problem"),
                            title="Sociaal team aan tafel", text="Het sociaal team neemt deel.")
    assert len(open_themes(programme)) == mandatory - 1
    with pytest.raises(ValidationFailed) as failed:
        services.agreement_save(actor=region["coordinator"], programme=programme, theme=None,
                                title="", text="")
    assert set(failed.value.field_errors) == {"theme", "title", "text"}


def test_a_measure_is_final_only_with_each_condition_justified(region):
    from route27 import law
    from route27.organisations.models import LabourMarketRegion

    programme = services.programme_start(actor=region["coordinator"], region=region["region"])
    values = {"title": "Jongerenloket op het mbo", "description": "Een loket op elke locatie."}
    almost = {c.code: "Zie de analyse." for c in law.MEASURE_CONDITIONS[:4]}
    with pytest.raises(ValidationFailed) as failed:
        services.measure_save(actor=region["coordinator"], programme=programme, values=values,
                              conditions=almost, final=True)
    assert set(failed.value.field_errors) == {"condition_additional", "final"}
    measure = services.measure_save(actor=region["coordinator"], programme=programme,
                                    values=values, conditions=almost, final=False)
    assert measure.open_conditions == ["additional"] and not measure.final
    everything = {**almost, "additional": "Geen wettelijke taak van school of gemeente."}
    measure = services.measure_save(actor=region["coordinator"], programme=programme,
                                    values=values, conditions=everything, final=True,
                                    measure=measure)
    assert measure.final and measure.open_conditions == []
    far = LabourMarketRegion.objects.get_or_create(code="AM01", defaults={"name": "Groningen"})[0]
    with pytest.raises(ValidationFailed) as failed:
        services.measure_save(actor=region["coordinator"], programme=programme, values=values,
                              conditions=everything, final=True, labour_market_region=far)
    assert set(failed.value.field_errors) == {"labour_market_region", "financial_agreement"}


def test_the_budget_adds_up_per_source_and_year_and_warns_on_overhead(region, settings):
    from decimal import Decimal

    from route27.programme.selectors import budget

    settings.ROUTE27_PROGRAMME_OVERHEAD_WARNING_PERCENT = 10
    coordinator = region["coordinator"]
    programme = services.programme_start(actor=coordinator, region=region["region"])
    measure = services.measure_save(actor=coordinator, programme=programme,
                                    values={"title": "Loket", "description": "Een loket."},
                                    conditions={}, final=False)
    add = dict(actor=coordinator, programme=programme, owner="Contactgemeente Amstelveen")
    services.budget_line_add(**add, measure=measure, year=2026, source="school_subsidy",
                             amount="40.000,00")
    services.budget_line_add(**add, measure=measure, year=2026, source="specific_grant",
                             amount="35000")  # a mix of sources for one measure
    services.budget_line_add(**add, measure=measure, year=2027, source="school_subsidy",
                             amount="1250,50")
    services.budget_line_add(**add, overhead="coordination", year=2026, source="specific_grant",
                             amount=Decimal("8749.50"))
    summary = budget(programme)
    assert summary.total == Decimal("85000.00") and summary.overhead == Decimal("8749.50")
    assert summary.overhead_share == 10.3 and summary.warning
    rows = {row[0]: row[1:] for row in summary.table.rows}
    assert rows["Subsidie voor scholen (DUO)"] == ["40.000,00", "1.250,50", "0,00", "0,00",
                                                   "41.250,50"]
    assert summary.table.totals[-1] == "85.000,00"
    with pytest.raises(ValidationFailed) as failed:
        services.budget_line_add(**add, measure=measure, overhead="audit", year=2031,
                                 source="gift", amount="-5")
    assert set(failed.value.field_errors) == {"measure", "year", "source", "amount"}
    Programme.objects.filter(pk=programme.pk).update(status=Programme.Status.SIGNED)
    with pytest.raises(Refused):
        services.budget_line_add(**add, measure=measure, year=2026, source="impulse", amount=1)


@pytest.mark.parametrize(("typed", "value"), [("1.250,50", "1250.50"), ("1250,5", "1250.5"),
                                              ("12.500", "12500"), ("1250.50", "1250.50"),
                                              ("€ 300", "300"), ("veel", None)])
def test_amounts_are_read_as_a_dutch_user_types_them(typed, value):
    from decimal import Decimal

    assert services.euros(typed) == (Decimal(value) if value else None)


def _ready(region):
    """A programme ready to sign: parties, a centrumgemeente, both streefcijfers."""
    coordinator = region["coordinator"]
    programme = services.programme_start(actor=coordinator, region=region["region"])
    from route27.organisations.models import RegionOverlap

    amsterdam = real_municipality("GM0363")
    amsterdam.is_centre_municipality = True
    amsterdam.save()
    RegionOverlap.objects.get_or_create(
        labour_market_region=amsterdam.labour_market_region,
        doorstroompunt_region=region["region"],
        defaults={"municipality_count": 14, "population_2024": 1_500_000})
    services.programme_parties_save(actor=coordinator, programme=programme,
                                    contact_municipality=region["amstelveen"],
                                    contact_school="Mbo-college Amstelland")
    for kind in ("new_vsv", "neet"):
        services.programme_target_save(actor=coordinator, programme=programme, kind=kind,
                                       year=2026, maximum=100, justification="Analyse.")
    programme.refresh_from_db()
    return programme


def test_signing_by_every_party_freezes_the_version_and_an_amendment_makes_a_new_one(region):
    import datetime

    from route27.programme.selectors import required_parties, signing_problems

    coordinator = region["coordinator"]
    programme = _ready(region)
    assert signing_problems(programme) == []
    parties = [p for p, _label in required_parties(programme)]
    assert parties[:2] == ["contact_municipality", "contact_school"] and "centre:GM0363" in parties
    today = datetime.date.today()
    with pytest.raises(ValidationFailed) as failed:
        services.programme_sign(actor=coordinator, programme=programme, party="mayor",
                                signer_name="", signer_function="",
                                signed_on=today + datetime.timedelta(days=1))
    assert set(failed.value.field_errors) == {"party", "signer_name", "signer_function",
                                              "signed_on"}
    for party in parties:
        services.programme_sign(actor=coordinator, programme=programme, party=party,
                                signer_name="A. Bestuurder", signer_function="Wethouder",
                                signed_on=today)
    programme.refresh_from_db()
    assert programme.status == Programme.Status.SIGNED and programme.frozen
    with pytest.raises(Refused):
        services.section_save(actor=coordinator, section=programme.sections.first(),
                              status="working", text="Te laat.")
    measure_count = programme.measures.count()
    second = services.programme_amend(actor=coordinator, programme=programme)
    assert second.version == 2 and second.status == Programme.Status.DRAFT
    assert second.targets.count() == 2 and second.sections.count() == len(Step)
    assert second.measures.count() == measure_count
    with pytest.raises(Refused):  # only one newer version at a time
        services.programme_amend(actor=coordinator, programme=programme)
    for party in parties:
        services.programme_sign(actor=coordinator, programme=second, party=party,
                                signer_name="B. Bestuurder", signer_function="Wethouder",
                                signed_on=today)
    programme.refresh_from_db()
    assert programme.status == Programme.Status.SUPERSEDED


def test_signing_waits_for_the_minimum_of_the_regeling(region):
    programme = services.programme_start(actor=region["coordinator"], region=region["region"])
    from route27.programme.selectors import signing_problems

    problems = " ".join(signing_problems(programme))
    assert "contactgemeente" in problems and "streefcijfers" in problems
    with pytest.raises(Refused):
        services.programme_sign(actor=region["coordinator"], programme=programme,
                                party="contact_school", signer_name="X", signer_function="Y",
                                signed_on=None)


def test_the_next_deadline_and_the_home_page_summary(client, region):
    import datetime

    from route27.programme.selectors import next_deadline

    assert next_deadline(datetime.date(2026, 1, 15)).code == "subsidy_application_2026"
    assert next_deadline(datetime.date(2026, 4, 2)).code == "amended_application_2026"
    assert next_deadline(datetime.date(2026, 12, 6)).code == "effect_report_format_2027"
    services.programme_start(actor=region["coordinator"], region=region["region"])
    client.force_login(region["coordinator"])
    page = client.get("/").content.decode()
    assert 'id="home-programmes"' in page and "versie 1, In voorbereiding" in page
    assert "verplichte onderwerpen zonder afspraak" in page and 'id="home-deadline"' in page

"""The catalogue of provisions ("Wie kan ik bellen?", issue 13 §8): offered where, filtered by
the youth's conditions, judged with the law module's eligibility, and kept by region and
municipality."""

from __future__ import annotations

import pytest
from django.urls import reverse

from route27 import law
from route27.core.errors import Refused, ValidationFailed
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    AALSMEER,
    UTRECHT,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.trajectories.catalogue import selectors, services
from route27.trajectories.models import Instrument

pytestmark = pytest.mark.django_db


@pytest.fixture
def keepers():
    aalsmeer = real_municipality(AALSMEER)
    gemeente = OrganisationFactory(type=OrganisationType.GEMEENTE, municipality=aalsmeer)
    team = TeamFactory(organisation=gemeente, serves=[aalsmeer])
    return {"aalsmeer": aalsmeer, "admin": member(Role.FUNCTIONEEL_BEHEERDER, team=team),
            "coordinator": member(Role.REGIONAL_COORDINATOR, team=team),
            "coach": member(Role.JONGERENCOACH_WERK, team=team)}


def _local(keepers, **data):
    base = {"name": "Jobcoach Aalsmeer", "description": "Begeleiding op de werkplek.",
            "contact_reach": "0297-123456", "contact_name": "Fatima",
            "provider": "Werkbedrijf Aalsmeer"}
    return services.provision_save(actor=keepers["admin"], scope="municipality",
                                   area_id=keepers["aalsmeer"].pk, **{**base, **data})


def test_the_seed_instruments_are_national_and_follow_the_law():
    assert Instrument.objects.get(code="esb").law_code == "esb"
    assert Instrument.objects.get(code="esb").scope == Instrument.Scope.NATIONAL


def test_a_municipality_keeps_its_own_and_a_coordinator_the_region(keepers):
    local = _local(keepers, min_age=18, max_age=27)
    assert local.scope == "municipality" and local.updated_by == keepers["admin"]
    regional = services.provision_save(
        actor=keepers["coordinator"], scope="region",
        area_id=keepers["aalsmeer"].doorstroompunt_region_id, name="Leerwerkloket regio",
        description="Advies over leren en werken.", contact_reach="leerwerkloket@example.org")
    assert regional.scope == "region"
    with pytest.raises(Refused):
        services.provision_save(actor=keepers["coach"], provision=local, name="x",
                                description="y", contact_reach="z")
    with pytest.raises(Refused):
        services.provision_save(actor=keepers["admin"], scope="municipality",
                                area_id=real_municipality(UTRECHT).pk, name="x",
                                description="y", contact_reach="z")


def test_a_provision_is_checked(keepers):
    with pytest.raises(ValidationFailed) as caught:
        _local(keepers, name="", contact_reach="", min_age=25, max_age=18, routes=["maan"])
    assert {"name", "contact_reach", "max_age", "routes"} <= set(caught.value.field_errors)


def test_offered_only_where_it_is(keepers):
    _local(keepers)
    assert selectors.offered_in(keepers["aalsmeer"]).filter(name="Jobcoach Aalsmeer").exists()
    assert not selectors.offered_in(real_municipality(UTRECHT)).filter(
        name="Jobcoach Aalsmeer").exists()


def test_the_eligibility_filter(keepers):
    _local(keepers, min_age=18, max_age=23, qualification="without",
           routes=[str(law.Route.WORK)], intensities=["intensief"])
    names = {p.name for p in selectors.catalogue(user=keepers["coach"], age=19,
                                                 qualification="without",
                                                 route=str(law.Route.WORK),
                                                 intensity="intensief")}
    assert "Jobcoach Aalsmeer" in names
    for other in ({"age": 17}, {"age": 23}, {"qualification": "with"},
                  {"route": str(law.Route.BACK_TO_SCHOOL)}, {"intensity": "licht"}):
        names = {p.name for p in selectors.catalogue(user=keepers["coach"], **other)}
        assert "Jobcoach Aalsmeer" not in names, other


def test_fit_says_why(keepers):
    provision = _local(keepers, min_age=18, max_age=23, qualification="without")
    fit = selectors.fit(provision, age=25, has_sk=False, route=None, intensity="",
                        decision=None)
    assert fit.fits is False and any("past niet" in r for r in fit.reasons)
    fit = selectors.fit(provision, age=19, has_sk=None, route=None, intensity="",
                        decision=None)
    assert fit.fits is None and "Startkwalificatie onbekend." in fit.reasons
    esb = Instrument.objects.get(code="esb")
    open_answer = selectors.fit(esb, age=19, has_sk=False, route=None, intensity="",
                                decision=None)
    assert open_answer.fits is None and "route" in open_answer.reasons[0].lower()


def test_the_pages(client, keepers):
    local = _local(keepers)
    client.force_login(keepers["coach"])
    page = client.get(reverse("catalogue:list") + "?zoek=jobcoach").content.decode()
    assert "Jobcoach Aalsmeer" in page and "0297-123456" in page
    assert client.get(reverse("catalogue:edit", args=[local.code])).status_code == 403
    client.force_login(keepers["admin"])
    response = client.post(reverse("catalogue:edit", args=[local.code]), {
        "name": "Jobcoach Aalsmeer", "description": "Op de werkplek.", "contact_reach": "",
        "active": "on"})
    assert response.status_code == 200 and "bereiken" in response.content.decode()


def test_the_instrument_form_offers_what_is_offered_where_the_youth_lives(keepers):
    from route27.trajectories.forms import InstrumentForm

    _local(keepers, law_code="jobcoach")
    here = InstrumentForm(municipality=keepers["aalsmeer"]).fields["instrument"].queryset
    there = InstrumentForm(municipality=real_municipality(UTRECHT)).fields["instrument"].queryset
    assert here.filter(name="Jobcoach Aalsmeer").exists()
    assert not there.filter(name="Jobcoach Aalsmeer").exists()
    no = law.Answer("jobcoach", law.NO, None, "", "Kan niet.", ())
    ruled_out = InstrumentForm(municipality=keepers["aalsmeer"], eligibility={"jobcoach": no})
    assert not ruled_out.fields["instrument"].queryset.filter(law_code="jobcoach").exists()

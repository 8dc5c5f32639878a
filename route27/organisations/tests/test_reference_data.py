import pytest
from django.db.models import Sum

from route27.organisations.models import (
    DoorstroompuntRegion,
    LabourMarketRegion,
    Municipality,
    RegionOverlap,
)
from route27.organisations.reference_data import load_reference_data

pytestmark = pytest.mark.django_db


def test_loads_all_real_regions_and_is_idempotent():
    first = load_reference_data()
    second = load_reference_data()
    assert first == second
    assert Municipality.objects.count() == 342
    assert LabourMarketRegion.objects.count() == 35
    assert DoorstroompuntRegion.objects.count() == 40
    assert RegionOverlap.objects.count() == 61
    # data/README.md: the 342 rows add up to 17,942,942 inhabitants on 1-1-2024
    assert Municipality.objects.aggregate(s=Sum("population_2024"))["s"] == 17_942_942


def test_spot_checks():
    load_reference_data()
    amstelveen = Municipality.objects.select_related(
        "labour_market_region", "doorstroompunt_region").get(name="Amstelveen")
    assert amstelveen.code == "GM0362"
    assert amstelveen.number == "0362"
    assert amstelveen.labour_market_region.code == "AM18"
    assert amstelveen.labour_market_region.name == "Groot Amsterdam"
    assert amstelveen.doorstroompunt_region.code == "MC21"
    assert amstelveen.doorstroompunt_region.name == "Agglomeratie Amsterdam"
    assert Municipality.objects.get(code="GM0358").name == "Aalsmeer"
    # The numbering has gaps: no AM04/AM16/AM31 and no MC14 (split into MC40 and MC41).
    assert not LabourMarketRegion.objects.filter(code__in=["AM04", "AM16", "AM31"]).exists()
    assert not DoorstroompuntRegion.objects.filter(code="MC14").exists()
    assert DoorstroompuntRegion.objects.filter(code__in=["MC40", "MC41"]).count() == 2
    groningen = LabourMarketRegion.objects.get(code="AM01")
    assert set(RegionOverlap.objects.filter(labour_market_region=groningen).values_list(
        "doorstroompunt_region__code", flat=True)) == {"MC01", "MC02", "MC03", "MC07"}


def test_designations_are_not_invented():
    load_reference_data()
    assert not Municipality.objects.filter(is_centre_municipality=True).exists()
    assert not Municipality.objects.filter(is_contact_municipality=True).exists()


def test_sources_page_lists_attribution(client):
    response = client.get("/bronnen/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "CBS-gebiedsindelingen 2025" in content
    assert "DUO Open Onderwijsdata" in content
    assert "RvIG, Testdataset persoonslijsten" in content


@pytest.mark.parametrize("months", [[], [0], [1, "3"], "1,3", [40]])
def test_municipal_config_validates_aftercare_months(months):
    from django.core.exceptions import ValidationError

    from route27.organisations.models import MunicipalConfig
    from route27.organisations.tests.factories import real_municipality

    config = MunicipalConfig(municipality=real_municipality(), aftercare_months=months)
    with pytest.raises(ValidationError, match="maanden"):
        config.clean()

"""Issue 9 §3: a caseworker of another municipality learns nothing about a youth from a signal:
whether the BSN is in Route27, the file, the step. The signal page says only that it reached the
responsible team."""

import pytest

from route27.organisations.tests.factories import member, real_municipality
from route27.signals.models import Source
from route27.signals.services import signal_register
from route27.signals.tests.conftest import UTRECHT, person
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.tests.factories import YouthFactory, valid_bsn

pytestmark = pytest.mark.django_db


@pytest.fixture
def utrecht_coach(db):
    from route27.organisations.tests.factories import TeamFactory, real_municipality

    team = TeamFactory(serves=[real_municipality(UTRECHT)])
    return member(team=team)


def test_a_signal_about_someone_elses_youth_shows_no_file_and_no_step(client, aalsmeer_team,
                                                                     aalsmeer_coach,
                                                                     utrecht_coach):
    known = YouthFactory(team=aalsmeer_team, bsn=valid_bsn(31), family_name="Vries",
                         given_names="Sanne", surname_prefix="de", birth_year=2007,
                         birth_month=5, birth_day=17)
    running = TrajectoryFactory(youth=known, team=aalsmeer_team, in_support=True,
                                actor=aalsmeer_coach)
    signal = signal_register(actor=utrecht_coach, source=Source.SCHOOL,
                             **person(bsn=known.bsn, municipality=UTRECHT))
    client.force_login(utrecht_coach)
    page = client.get(f"/signalen/{signal.public_id}/").content.decode()
    assert str(known.public_id) not in page
    assert running.get_step_display() not in page
    assert "doorgegeven aan het team" in page
    api = client.get(f"/api/v1/signalen/{signal.public_id}").json()
    assert api["jongereId"] is None and api["trajectId"] is None


def _answer(client, **overrides) -> str:
    response = client.post("/signalen/nieuw/", {**person(municipality=UTRECHT, **overrides),
                                                 "source": Source.COMPULSORY_EDUCATION,
                                                 "reporter": "Leerplicht"}, follow=True)
    assert response.status_code == 200
    return "\n".join(str(m) for m in response.context["messages"])


@pytest.mark.parametrize("known_as", ["bsn", "name_and_birth_date"])
def test_a_signal_for_another_team_says_the_same_whether_the_person_is_known(
        client, aalsmeer_coach, utrecht_coach, known_as):
    """Issue 9 §3: the sender learns only that the responsible team was told."""
    client.force_login(aalsmeer_coach)
    unknown = _answer(client, family_name="Onbekend", bsn=valid_bsn(41))
    utrecht_team = utrecht_coach.memberships.get().team
    YouthFactory(team=utrecht_team, bsn=valid_bsn(42), family_name="Vries",
                 given_names="Sanne", surname_prefix="de", birth_year=2007, birth_month=5,
                 birth_day=17, municipality=real_municipality(UTRECHT))
    known = _answer(client, bsn=valid_bsn(42) if known_as == "bsn" else "")
    assert known == unknown
    assert "doorgezet naar" in known and "dezelfde persoon" not in known

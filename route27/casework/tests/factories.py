"""A small chain around one youth for the collaboration tests: a gemeente team with a coach,
a sociaal team serving the same municipality, a school, and a youth in a trajectory."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from route27 import law
from route27.casework import services
from route27.casework.models import CaseMeeting
from route27.organisations.roles import OrganisationType, Role
from route27.organisations.tests.factories import (
    AALSMEER,
    OrganisationFactory,
    TeamFactory,
    member,
    real_municipality,
)
from route27.trajectories.models import Trajectory
from route27.trajectories.tests.factories import TrajectoryFactory
from route27.youth.services import contact_person_assign
from route27.youth.tests.factories import YouthFactory, valid_bsn


@dataclass
class Chain:
    municipality: object
    team: object
    coach: object
    social_team: object
    social: object
    school: object
    school_contact: object
    youth: object
    trajectory: Trajectory


def chain(*, with_social_team: bool = True, n: int = 0) -> Chain:
    municipality = real_municipality(AALSMEER)
    gemeente = OrganisationFactory(type=OrganisationType.GEMEENTE, municipality=municipality)
    team = TeamFactory(organisation=gemeente, serves=[municipality])
    coach = member(Role.JONGERENCOACH_WERK, team=team, first_name="Coco", last_name="Coach",
                   email="coach@example.org")
    social_team = social = None
    if with_social_team:
        social_team = TeamFactory(organisation=OrganisationFactory(
            type=OrganisationType.SOCIAAL_TEAM, municipality=municipality),
            serves=[municipality])
        social = member(Role.SOCIAAL_TEAM, team=social_team, first_name="Sanne",
                        last_name="Sociaal", email="sanne@example.org")
    school = OrganisationFactory(type=OrganisationType.SCHOOL_MBO, municipality=municipality)
    school_contact = member(Role.SCHOOL_CONTACT, team=TeamFactory(organisation=school),
                            first_name="Mila", last_name="Mentor", email="mila@example.org")
    youth = YouthFactory(team=team, municipality=municipality, bsn=valid_bsn(700 + n),
                         given_names="Noor Anne", family_name="Zeldzaamnaam")
    trajectory = TrajectoryFactory(youth=youth, team=team, intake=True, actor=coach)
    contact_person_assign(actor=coach, youth=youth, user=coach,
                          role=Role.JONGERENCOACH_WERK)
    return Chain(municipality, team, coach, social_team, social, school, school_contact, youth,
                 trajectory)


def meeting(c: Chain, *, participants=(), hours: int = 2) -> CaseMeeting:
    return services.case_meeting_plan(
        actor=c.coach, team=c.team, title="Casusoverleg jongeren",
        starts_at=timezone.now() + timezone.timedelta(hours=hours),
        participants=list(participants))[0]


def on_agenda(c: Chain, m: CaseMeeting, *, ground=law.MeetingGround.MIRROR, **kwargs):
    return services.agenda_item_add(actor=c.coach, meeting=m, youth=c.youth, ground=ground,
                                    question="Wie pakt wat op?", **kwargs)

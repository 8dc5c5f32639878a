"""A signal registered the way every entrance registers one: with ``signal_register``.

``SignalFactory()`` is a signal from school about a person nobody knows yet, registered by a
doorstroomcoach of the team that serves the municipality (a team is made when none does): the
service creates the youth, opens a trajectory in step 1 and writes the events and audit rows.

Traits: ``needs_confirmation`` (a youth with the same family name and birth date exists, so a
coach must decide), ``self_registration`` (the public form: no actor, source self) and
``unrouted`` (a municipality no team serves: the signal is stored, status new, not matched).
``birth_date`` is the text the form takes (``dd-mm-jjjj``, ``00`` for an unknown part);
``actor`` is who registers it.
"""

import factory

from route27.organisations.models import Municipality
from route27.organisations.roles import Role
from route27.organisations.selectors import team_serving
from route27.organisations.tests.factories import (
    UTRECHT,
    TeamFactory,
    member,
    real_municipality,
)
from route27.signals.models import Signal, Source
from route27.signals.services import signal_register
from route27.youth.tests.factories import YouthFactory


def _birth_fields(text: str) -> dict:
    day, month, year = (int(part) for part in text.split("-"))
    return {"birth_year": year, "birth_month": month or None, "birth_day": day or None}


class SignalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signal

    source = Source.SCHOOL
    reporter = "Mentor (test)"
    given_names = factory.Sequence(lambda n: f"Gemeld{n}")
    surname_prefix = ""
    family_name = factory.Sequence(lambda n: f"Jongere{n}")
    birth_date = "17-05-2007"
    bsn = ""
    municipality = factory.LazyFunction(real_municipality)
    email = ""
    phone = "06 12345678"
    message = "Zoekt een opleiding (test)."
    actor = None
    public = False
    routed = True
    possible_match = False

    class Params:
        needs_confirmation = factory.Trait(possible_match=True)
        self_registration = factory.Trait(public=True, source=Source.SELF)
        unrouted = factory.Trait(routed=False,
                                 municipality=factory.LazyFunction(
                                     lambda: real_municipality(UTRECHT)))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        actor, public = kwargs.pop("actor"), kwargs.pop("public")
        routed, possible_match = kwargs.pop("routed"), kwargs.pop("possible_match")
        municipality = kwargs["municipality"]
        if not isinstance(municipality, Municipality):
            municipality = kwargs["municipality"] = real_municipality(municipality)
        team = team_serving(municipality)
        if team is None and routed:
            team = TeamFactory(serves=[municipality])
        if possible_match:
            YouthFactory(team=team, municipality=municipality, family_name=kwargs["family_name"],
                         **_birth_fields(kwargs["birth_date"]))
        if public:
            actor = None
        elif actor is None:
            actor = member(Role.DOORSTROOMCOACH, team=team or TeamFactory())
        return signal_register(actor=actor, **kwargs)

"""/api/v1/trajecten and every write on a trajectory, through the same selectors and services as
the youth file (route27.trajectories.views): never a model write here.

* Objects are only found through ``trajectories_visible_to`` (children through their trajectory);
  otherwise 404 and a ``denied`` audit entry. Reads are audited per youth; writes by the services.
* Field names are Dutch lowerCamelCase with the service names as ``source`` (ADR 0004), so service
  errors come back under the API names (``outflow_reason`` → ``uitstroomreden``).
* A refused step (TransitionRefused) is 409 with the rule's Dutch message; a write on something
  the user may read but not write (read-only after closure, ``rules.read_only_reason``) is 403
  with the reason, audited as denied.
* Method rule: POST records something new (a step change, an intake version, a goal, a decision
  that is taken once); PUT sets a value that may be set again with the same result (the status of
  an action, the contact person of a youth).
* Goals, actions, route proposals and follow-ups have no public id yet: their ids are integers,
  only ever resolved through a trajectory the user may see.
"""

from __future__ import annotations

from decimal import Decimal

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from route27 import law
from route27.audit.purposes import Purpose
from route27.core.api.fields import (
    MULTI_LINE,
    NOT_BLANK_LINE,
    NOT_BLANK_TEXT,
    BlankAsNullChoiceField,
    StrictBooleanField,
    StrictCharField,
    StrictChoiceField,
    StrictDateField,
    StrictUUIDField,
)
from route27.core.api.permissions import RulesPermission
from route27.core.api.views import ApiConventionsMixin
from route27.core.errors import NotFound, Refused
from route27.core.shortcuts import found_or_404
from route27.organisations.models import User
from route27.organisations.roles import CONTACT_PERSON_ROLES, Role
from route27.trajectories import selectors, services
from route27.trajectories.events import StaffEntrance
from route27.trajectories.models import (
    Activity,
    FollowUp,
    Goal,
    Instrument,
    Intensity,
    OutflowReason,
    Placement,
    PlanAction,
    RouteDecision,
    Trajectory,
)
from route27.trajectories.route_facts import facts_errors, facts_from
from route27.trajectories.rules import read_only_reason
from route27.trajectories.selectors import trajectories_visible_to, trajectory_for_file
from route27.trajectories.workflow import ORDER, Step
from route27.youth import selectors as youth_selectors
from route27.youth.api import UUID_REGEX
from route27.youth.services import contact_person_assign

VIEW = "trajectories.view_trajectory"
CHANGE = "trajectories.change_trajectory"
ASSIGN_CONTACT = "trajectories.assign_contact_person"
# Integer ids of goals, actions, proposals and follow-ups: 1 to 999 999 999 (schema and URL agree).
ID_REGEX = "[1-9][0-9]{0,8}"
ID_MAX = 999_999_999
TEXT_MAX = 5000

ROUTE_CHOICES = [(r.value, r.value) for r in law.Route]
LEGAL_BASIS_CHOICES = [(b.value, b.value) for b in law.LegalBasis]
CONTACT_ROLE_CHOICES = [(r.value, r.label) for r in Role if r in CONTACT_PERSON_ROLES]
MOVE_TARGETS = [(s.value, s.label) for s in ORDER if s != Step.AFTERCARE]

TRAJECTORY_ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH,
                                 description="Het id van het traject.")
YOUTH_ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH,
                            description="Het id van de jongere (nooit het BSN).")


def _int_id(description: str) -> OpenApiParameter:
    return OpenApiParameter("id", {"type": "integer", "minimum": 1, "maximum": ID_MAX},
                            OpenApiParameter.PATH, description=description)


CONFLICT = OpenApiResponse(description=(
    "De wijziging past niet bij de huidige toestand, bijvoorbeeld een stap die de stappentabel "
    "niet toestaat; de melding noemt de regel. Een afgesloten traject is alleen nog in te zien: "
    "een wijziging daarvan is 403."))


def _text(**kwargs) -> StrictCharField:
    """Optional free text over several lines."""
    kwargs.setdefault("required", False)
    return StrictCharField(max_length=TEXT_MAX, allow_blank=True, pattern=MULTI_LINE, **kwargs)


def _required_text(message: str, **kwargs) -> StrictCharField:
    return StrictCharField(max_length=TEXT_MAX, pattern=NOT_BLANK_TEXT, pattern_message=message,
                           **kwargs)


# --- Lookups: always through the trajectories the user may see --------------------------------
def _trajectory_or_404(user, public_id) -> Trajectory:
    try:
        return selectors.trajectory_get(user=user, public_id=public_id, purpose=Purpose.API)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _child_or_404(user, queryset, pk, *, via: str, object_type: str):
    try:
        return selectors.trajectory_child_get(user=user, queryset=queryset, pk=pk, via=via,
                                              object_type=object_type, purpose=Purpose.API)
    except NotFound as exc:
        raise Http404(exc.message) from exc


# --- Serializers ---------------------------------------------------------------------------------
class FollowUpSerializer(serializers.Serializer):
    """Nazorgcontact, gepland vanaf de uitstroomdatum."""

    id = serializers.IntegerField(read_only=True)
    maandenNaUitstroom = serializers.IntegerField(source="months_after_outflow", read_only=True)
    geplandeDatum = serializers.DateField(source="due_on", read_only=True)
    contactdatum = serializers.DateField(source="done_on", read_only=True, allow_null=True)
    uitkomst = BlankAsNullChoiceField(source="outcome", choices=FollowUp.Outcome.choices)
    toelichting = serializers.CharField(source="note", read_only=True)
    vervallen = serializers.BooleanField(source="cancelled", read_only=True)


class TrajectorySerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    jongereId = StrictUUIDField(source="youth.public_id",
                                help_text="Het id van de jongere voor wie het traject start.")
    aangevraagdDoor = StrictCharField(
        source="requested_by", max_length=100, required=False, allow_blank=True,
        help_text="Bijvoorbeeld de school, het Doorstroompunt, UWV of de jongere zelf.")
    teamNaam = serializers.CharField(source="team.name", read_only=True)
    stap = serializers.ChoiceField(source="step", choices=Step.choices, read_only=True)
    route = BlankAsNullChoiceField(choices=ROUTE_CHOICES)
    grondslag = BlankAsNullChoiceField(source="legal_basis", choices=LEGAL_BASIS_CHOICES)
    intensiteit = BlankAsNullChoiceField(source="intensity", choices=Intensity.choices)
    multiproblematiek = serializers.BooleanField(source="multi_problem", read_only=True)
    startdatum = serializers.DateField(source="started_on", read_only=True)
    einddatum = serializers.DateField(source="closed_on", read_only=True, allow_null=True)
    uitstroomreden = BlankAsNullChoiceField(source="outflow_reason",
                                            choices=OutflowReason.choices)
    uitstroomdatum = serializers.DateField(source="outflow_on", read_only=True, allow_null=True)
    laatsteContactdatum = serializers.DateField(source="last_contact_on", read_only=True,
                                                allow_null=True)
    nazorgcontacten = FollowUpSerializer(source="follow_ups", many=True, read_only=True)
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)


class StepChangeSerializer(serializers.Serializer):
    naarStap = StrictChoiceField(
        source="to", choices=MOVE_TARGETS,
        help_text="Afsluiten en nazorg gaan via /uitstroom, teruggeven via /terugverwijzingen.")
    reden = _text(source="reason", help_text=(
        "Verplicht bij overslaan of terugzetten van stappen (S3 §6); anders 409."))


class HandBackSerializer(serializers.Serializer):
    reden = _required_text("Geef een reden.", source="reason", help_text=(
        "Waarom blijkt school mogelijk? Het Doorstroompunt begeleidt terug naar school "
        "(Pw art. 7a lid 2)."))


class OutflowSerializer(serializers.Serializer):
    service_field_names = {"outflow_reason": "uitstroomreden"}

    uitstroomreden = StrictChoiceField(source="reason", choices=OutflowReason.choices)
    uitstroomdatum = StrictDateField(source="on", help_text="Niet in de toekomst.")
    toelichting = _text(source="note", help_text="Verplicht bij de reden 'anders'.")


class IntakeAnswerSerializer(serializers.Serializer):
    leefgebied = StrictCharField(source="domain.code", max_length=40,
                                 pattern=r"^[-a-zA-Z0-9_]+$",
                                 help_text="Code van een leefgebied van de gemeente, bijv. werk.")
    leefgebiedNaam = serializers.CharField(source="domain.name", read_only=True)
    bijzonderGevoelig = serializers.BooleanField(
        source="special_category", read_only=True,
        help_text="Gezondheid, schulden, justitie: bijzondere persoonsgegevens.")
    situatie = _text(source="situation")
    mogelijkheden = _text(source="possibilities")
    belemmeringen = _text(source="barriers")
    ondersteuningsbehoefte = _text(source="support_need")


class IntakeSerializer(serializers.Serializer):
    """Eén versie van de brede intake (S3 §4). Opslaan maakt een nieuwe versie."""

    versie = serializers.IntegerField(source="version", read_only=True)
    intensiteit = StrictChoiceField(source="intensity", choices=Intensity.choices)
    wensen = _text(source="wishes")
    multiproblematiek = StrictBooleanField(source="multi_problem", default=False)
    antwoorden = IntakeAnswerSerializer(source="answers", many=True, required=False,
                                        max_length=50)
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)

    def validate_antwoorden(self, answers):  # noqa: N802 - named after the API field
        known = {d.code for d in self.context.get("domains", [])}
        seen: set[str] = set()
        errors: list[dict] = []
        for answer in answers:
            code = answer["domain"]["code"]
            if code not in known:
                errors.append({"leefgebied": [_("Onbekend leefgebied.")]})
            elif code in seen:
                errors.append({"leefgebied": [_("Dit leefgebied staat er al in.")]})
            else:
                errors.append({})
            seen.add(code)
        if any(errors):
            raise serializers.ValidationError(errors)
        return answers

    def service_answers(self) -> dict[str, dict]:
        parts = ("situation", "possibilities", "barriers", "support_need")
        return {a["domain"]["code"]: {p: a.get(p, "") for p in parts}
                for a in self.validated_data.get("answers", [])}


def _enum(enum) -> list[tuple[str, str]]:
    return [(e.value, e.value) for e in enum]


class RuleStepSerializer(serializers.Serializer):
    regel = serializers.CharField(source="rule", read_only=True)
    bron = serializers.CharField(source="citation", read_only=True)
    tekst = serializers.CharField(source="text", read_only=True)


class RuleCitationSerializer(serializers.Serializer):
    regel = serializers.CharField(source="rule", read_only=True)
    bron = serializers.CharField(source="citation", read_only=True)


class AnswerSerializer(serializers.Serializer):
    """Eén uitkomst van de art. 7a-regels. ``open`` gevuld: de wet laat het aan de professional
    (afweging, lokaal beleid, de bronnen zwijgen, of een gegeven ontbreekt); ``vraag`` is dan de
    vraag aan de coach."""

    uitkomst = serializers.CharField(source="output", read_only=True)
    waarde = serializers.CharField(source="value", read_only=True)
    open = serializers.ChoiceField(choices=_enum(law.OpenKind), read_only=True, allow_null=True)
    vraag = serializers.CharField(source="question", read_only=True)
    reden = serializers.CharField(source="reason", read_only=True)
    regels = RuleCitationSerializer(source="rules", many=True, read_only=True)


class FactUsedSerializer(serializers.Serializer):
    feit = serializers.CharField(source="fact", read_only=True)
    waarde = serializers.JSONField(source="value", read_only=True)


class RouteProposalSerializer(serializers.Serializer):
    """Voorstel van de art. 7a-regels, met uitleg per toegepaste regel, elke uitkomst (ook de
    open: vragen aan de coach), de voorzieningen die de wet toelaat, de gebruikte feiten, en het
    besluit."""

    id = serializers.IntegerField(read_only=True)
    trajectId = serializers.UUIDField(source="trajectory.public_id", read_only=True)
    voorgesteldeRoute = serializers.ChoiceField(source="proposed_route", choices=ROUTE_CHOICES,
                                                read_only=True)
    grondslag = BlankAsNullChoiceField(source="proposal.legal_basis",
                                       choices=LEGAL_BASIS_CHOICES)
    contactrol = BlankAsNullChoiceField(source="proposal.contact_role",
                                        choices=CONTACT_ROLE_CHOICES)
    aangevraagdDoor = serializers.CharField(source="proposal.requested_by", read_only=True)
    toelichting = RuleStepSerializer(source="proposal.explanation", many=True, read_only=True)
    openVragen = serializers.ListField(source="proposal.open_questions",
                                       child=serializers.CharField(), read_only=True)
    aandachtspunten = RuleStepSerializer(source="proposal.notices", many=True, read_only=True)
    routeOpen = serializers.BooleanField(source="proposal.route_open", read_only=True,
                                         default=False)
    uitkomsten = AnswerSerializer(source="proposal.answers", many=True, read_only=True,
                                  default=list)
    voorzieningen = AnswerSerializer(source="proposal.instruments", many=True, read_only=True,
                                     default=list)
    gebruikteFeiten = FactUsedSerializer(source="proposal.facts_used", many=True,
                                         read_only=True, default=list)
    schoolbegeleidingTotDatum = serializers.DateField(
        source="proposal.former_school_guidance_until", read_only=True, allow_null=True)
    route = BlankAsNullChoiceField(choices=ROUTE_CHOICES, help_text="De vastgestelde route.")
    afwijking = serializers.BooleanField(source="is_override", read_only=True)
    afwijkingReden = serializers.CharField(source="override_reason", read_only=True)
    voorgesteldOp = serializers.DateTimeField(source="proposed_at", read_only=True)
    vastgesteldOp = serializers.DateTimeField(source="decided_at", read_only=True,
                                              allow_null=True)



class RouteFactsSerializer(serializers.Serializer):
    """Feiten voor de art. 7a-regels. Geboortedatum en peildatum komen uit het dossier."""

    binnenkomst = StrictChoiceField(source="arrival", choices=_enum(law.Arrival))
    aangevraagdDoor = StrictCharField(source="requested_by", max_length=100, required=False,
                                      allow_blank=True)
    hoogsteDiploma = StrictChoiceField(source="highest_diploma", choices=_enum(law.Diploma),
                                       required=False, allow_null=True,
                                       help_text="Leeg of null: onbekend.")
    opSchool = StrictBooleanField(source="in_school", default=False)
    soortSchool = StrictChoiceField(source="school_type", choices=_enum(law.SchoolType),
                                    required=False, allow_null=True)
    schoolVerlatenDatum = StrictDateField(source="school_left_on", required=False,
                                          allow_null=True)
    diplomaDatum = StrictDateField(source="diploma_on", required=False, allow_null=True)
    schoolMogelijk = StrictChoiceField(source="school_possible", choices=_enum(law.Judgement),
                                       default=law.Judgement.OPEN.value)
    wilOmscholen = StrictBooleanField(source="wants_retraining", default=False)
    indicatieBeschutWerk = StrictBooleanField(source="uwv_sheltered_work_indication",
                                              default=False)
    bijstandToegekend = StrictBooleanField(source="bijstand_granted", default=False)
    multiproblematiek = StrictBooleanField(source="multi_problem", default=False)
    rechtvaardigingHardheidsclausule = _text(source="hardship_justification", help_text=(
        "Alleen bij 27 jaar of ouder (Participatiewet art. 7a lid 7)."))
    bblLeerbaan = StrictBooleanField(source="on_bbl_job", default=False, help_text=(
        "Werkt op een bbl-leerbaan: er loopt al een leerwerktraject."))
    leerwerktrajectMogelijk = StrictChoiceField(
        source="learn_work_possible", choices=_enum(law.Judgement),
        default=law.Judgement.OPEN.value)
    uitkeringUwv = StrictChoiceField(source="uwv_benefit", choices=_enum(law.UwvBenefit),
                                     required=False, allow_null=True,
                                     help_text="Leeg of null: nog niet gevraagd.")
    afsprakenUwv = StrictChoiceField(source="uwv_agreement", choices=_enum(law.Judgement),
                                     default=law.Judgement.OPEN.value)
    uitkeringUwvLooptAf = StrictBooleanField(source="uwv_benefit_ending", default=False)
    kanMinimumloonVerdienen = StrictChoiceField(
        source="can_earn_minimum_wage", choices=_enum(law.Judgement),
        default=law.Judgement.OPEN.value)
    zoektermijnVervalt = StrictChoiceField(
        source="search_period_waived", choices=_enum(law.Judgement),
        default=law.Judgement.OPEN.value)
    toestemmingOvergangsdocument = StrictChoiceField(
        source="document_consent", choices=_enum(law.Judgement),
        default=law.Judgement.OPEN.value, help_text=(
            "Bij overdracht door een pro-, vso- of mbo-school: yes (gegeven), no (geweigerd: het "
            "document gaat niet mee) of open."))

    def validate(self, data):
        errors = facts_errors(data, today=timezone.localdate())
        if errors:
            names = {field.source: name for name, field in self.fields.items()}
            raise serializers.ValidationError({names[key]: messages
                                               for key, messages in errors.items()})
        return data

    def facts(self, *, birth, today) -> law.Facts:
        return facts_from(self.validated_data, birth=birth, today=today)


class RouteDecisionSerializer(serializers.Serializer):
    route = StrictChoiceField(choices=ROUTE_CHOICES, required=False, help_text=(
        "Leeg: het voorstel. Een andere route is een afwijking en vraagt een reden."))
    reden = _text(source="reason", help_text="Verplicht bij een afwijking van het voorstel.")


class GoalSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    trajectId = serializers.UUIDField(source="trajectory.public_id", read_only=True)
    beschrijving = _required_text("Beschrijf het doel.", source="description")
    leefgebied = StrictCharField(source="domain.code", max_length=40, required=False,
                                 allow_null=True, pattern=r"^[-a-zA-Z0-9_]+$",
                                 help_text="Code van een leefgebied van de gemeente (optioneel).")
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)


class PlanActionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    doelId = serializers.IntegerField(source="goal_id", read_only=True)
    beschrijving = _required_text("Beschrijf de actie.", source="description")
    eigenaar = StrictChoiceField(source="owner", choices=PlanAction.Owner.choices,
                                 default=PlanAction.Owner.COACH.value)
    naamEigenaar = StrictCharField(source="owner_name", max_length=200, required=False,
                                   allow_blank=True)
    uiterlijkeDatum = StrictDateField(source="due_on", required=False, allow_null=True)
    status = serializers.ChoiceField(choices=PlanAction.Status.choices, read_only=True)


class ActionStatusSerializer(serializers.Serializer):
    status = StrictChoiceField(choices=PlanAction.Status.choices)


class ActivitySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    soort = StrictChoiceField(source="kind", choices=Activity.Kind.choices)
    datum = StrictDateField(source="on", help_text="Niet in de toekomst.")
    omschrijving = _text(source="description")


class InstrumentUseSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    voorzieningCode = StrictCharField(source="instrument.code", max_length=40,
                                      pattern=r"^[-a-zA-Z0-9_]+$",
                                      help_text="Code van een voorziening, bijv. jobcoach.")
    voorzieningNaam = serializers.CharField(source="instrument.name", read_only=True)
    startdatum = StrictDateField(source="started_on")
    einddatum = serializers.DateField(source="ended_on", read_only=True, allow_null=True)
    toelichting = _text(source="note")

    def validate_voorzieningCode(self, value):  # noqa: N802 - named after the API field
        if not Instrument.objects.filter(code=value).exists():
            raise serializers.ValidationError(_("Kies een voorziening uit de lijst."),
                                              code="unknown")
        return value


class HoursField(serializers.DecimalField):
    """Uren per week: a JSON number, at most one decimal, 0.5 to 60."""

    default_error_messages = {"invalid": _("Vul een aantal uren in, bijvoorbeeld 32.")}

    def __init__(self, **kwargs):
        super().__init__(max_digits=3, decimal_places=1, min_value=Decimal("0.5"),
                         max_value=Decimal("60"), coerce_to_string=False, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | float):
            self.fail("invalid")
        return super().to_internal_value(data)


class PlacementSerializer(serializers.Serializer):
    """De match (stap 6). Een trede hoort alleen bij werk."""

    id = serializers.IntegerField(read_only=True)
    soort = StrictChoiceField(source="kind", choices=Placement.Kind.choices)
    trede = StrictChoiceField(source="ladder", choices=Placement.Ladder.choices, required=False,
                              allow_null=True, help_text="Alleen bij soort werk.")
    werkgeverOfInstelling = StrictCharField(
        source="organisation_name", max_length=200, pattern=NOT_BLANK_LINE,
        pattern_message="Vul de werkgever of instelling in.")
    startdatum = StrictDateField(source="started_on")
    niveau = StrictCharField(source="education_level", max_length=50, required=False,
                             allow_blank=True, help_text="Bij onderwijs, bijvoorbeeld mbo 2.")
    leerweg = StrictChoiceField(source="learning_path", choices=Placement.LearningPath.choices,
                                required=False, allow_null=True)
    soortContract = StrictCharField(source="contract_type", max_length=100, required=False,
                                    allow_blank=True)
    urenPerWeek = HoursField(source="hours_per_week", required=False, allow_null=True)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for key in ("trede", "leerweg"):  # "" in the database means "not applicable"
            data[key] = data[key] or None
        return data


class FollowUpOutcomeSerializer(serializers.Serializer):
    uitkomst = StrictChoiceField(source="outcome", choices=FollowUp.Outcome.choices)
    datum = StrictDateField(source="on", help_text="Datum van het contact, niet in de toekomst.")
    toelichting = _text(source="note")


class ContactPersonSerializer(serializers.Serializer):
    """De vaste contactpersoon (S3 §1). ``medewerkerId`` is de gebruikersnaam."""

    medewerkerId = StrictCharField(source="user.username", max_length=150,
                                   help_text="Gebruikersnaam van een medewerker van het team.")
    naam = serializers.SerializerMethodField()
    rol = StrictChoiceField(source="role", choices=CONTACT_ROLE_CHOICES)
    overdrachtsnotitie = _text(source="handover_note", write_only=True, help_text=(
        "Warme overdracht: wat moet de nieuwe contactpersoon weten? Geen bijzonder gevoelige "
        "gegevens."))
    reden = _text(source="reason", write_only=True,
                  help_text="Verplicht als er al een contactpersoon is.")
    gestartOp = serializers.DateTimeField(source="started_at", read_only=True)

    def get_naam(self, assignment) -> str:
        return assignment.user.get_full_name() or assignment.user.get_username()


# --- Viewsets ------------------------------------------------------------------------------------
class _Base(ApiConventionsMixin, viewsets.GenericViewSet):
    """Onderdeel van een traject van een jongere die u mag zien."""

    access_policy = VIEW
    permission_map: dict[str, str] = {}
    permission_classes = [RulesPermission]
    lookup_url_kwarg = "id"
    http_method_names = ["get", "post", "head", "options"]

    def writable(self, obj):
        """``obj`` for a write action (one in ``permission_map``); 403 with the reason in Dutch
        when the user may read it but not write it (read-only after closure,
        ``rules.read_only_reason``), audited as denied."""
        if self.action in self.permission_map and \
                (refused := read_only_reason(self.request.user, obj)):
            raise Refused(refused)
        return obj

    def input(self, **context) -> serializers.Serializer:
        """The action's serializer, validated (400 in Dutch otherwise)."""
        serializer = self.get_serializer_class()(
            data=self.request.data, context={**self.get_serializer_context(), **context})
        serializer.is_valid(raise_exception=True)
        return serializer


def _write_actions(*names: str) -> dict[str, str]:
    return dict.fromkeys(names, CHANGE)


class TrajectoryViewSet(_Base):
    """Trajecten van jongeren die de gebruiker mag zien, en alles wat een traject verandert."""

    permission_map = _write_actions(
        "create", "move", "hand_back", "intake_create", "route_propose", "goal_add",
        "activity_add", "instrument_add", "placement_add", "outflow")
    serializer_class = TrajectorySerializer
    queryset = Trajectory.objects.none()  # for the schema; reads go through the selectors
    lookup_field = "public_id"
    lookup_value_regex = UUID_REGEX
    paginated_actions = ("list", "intakes")

    def get_object(self) -> Trajectory:
        return self.writable(_trajectory_or_404(self.request.user, self.kwargs["id"]))

    def _trajectory_response(self, trajectory, code=status.HTTP_200_OK) -> Response:
        return Response(TrajectorySerializer(trajectory).data, status=code)

    @extend_schema(summary="Trajecten die u mag zien (elke getoonde jongere wordt gelogd)")
    def list(self, request):
        queryset = (trajectories_visible_to(request.user)
                    .select_related("youth", "team").prefetch_related("follow_ups")
                    .order_by("-started_on", "-id"))
        page = self.paginate_queryset(queryset)
        shown = list({t.youth.pk: t.youth for t in page}.values())
        youth_selectors.youth_log_shown(user=request.user, youth=shown, purpose=Purpose.API)
        return self.get_paginated_response(TrajectorySerializer(page, many=True).data)

    @extend_schema(summary="Eén traject", parameters=[TRAJECTORY_ID])
    def retrieve(self, request, **kwargs):
        trajectory = self.get_object()
        selectors.trajectory_log_read(user=request.user, trajectory=trajectory,
                                      view="api:trajectory", purpose=Purpose.API)
        return self._trajectory_response(trajectory)

    @extend_schema(summary="Start een traject in stap 1 (signaal) voor een jongere",
                   responses={201: TrajectorySerializer})
    def create(self, request):
        data = self.input().validated_data
        try:
            youth = youth_selectors.youth_get(user=request.user,
                                              public_id=data["youth"]["public_id"],
                                              purpose=Purpose.API)
        except NotFound as exc:
            raise serializers.ValidationError({"jongereId": [exc.message]}) from exc
        trajectory = services.trajectory_start(
            actor=request.user, youth=youth, entrance=StaffEntrance.STAFF,
            requested_by=data.get("requested_by", "").strip())
        return self._trajectory_response(trajectory, status.HTTP_201_CREATED)

    @extend_schema(summary="Wijzig de stap (overslaan of terugzetten vraagt een reden)",
                   parameters=[TRAJECTORY_ID],
                   responses={200: TrajectorySerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="stapwijzigingen",
            serializer_class=StepChangeSerializer)
    def move(self, request, **kwargs):
        trajectory = self.get_object()
        data = self.input().validated_data
        return self._trajectory_response(services.trajectory_move(
            actor=request.user, trajectory=trajectory, to=data["to"],
            reason=data.get("reason", "")))

    @extend_schema(summary="Geef terug aan het Doorstroompunt: school blijkt mogelijk",
                   parameters=[TRAJECTORY_ID],
                   responses={200: TrajectorySerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="terugverwijzingen",
            serializer_class=HandBackSerializer)
    def hand_back(self, request, **kwargs):
        trajectory = self.get_object()
        data = self.input().validated_data
        return self._trajectory_response(services.trajectory_hand_back(
            actor=request.user, trajectory=trajectory, reason=data["reason"]))

    @extend_schema(summary="Alle versies van de brede intake, nieuwste eerst",
                   parameters=[TRAJECTORY_ID], responses={200: IntakeSerializer(many=True)})
    @action(detail=True, methods=["get"], url_path="intakes", serializer_class=IntakeSerializer)
    def intakes(self, request, **kwargs):
        trajectory = self.get_object()
        queryset = (trajectory.intakes.prefetch_related("answers__domain")
                    .order_by("-version"))
        page = self.paginate_queryset(queryset)
        selectors.trajectory_log_read(user=request.user, trajectory=trajectory,
                                      view="api:intakes", purpose=Purpose.API)
        return self.get_paginated_response(IntakeSerializer(page, many=True).data)

    @extend_schema(summary="Leg een nieuwe versie van de brede intake vast",
                   parameters=[TRAJECTORY_ID], request=IntakeSerializer,
                   responses={201: IntakeSerializer, 409: CONFLICT})
    @intakes.mapping.post
    def intake_create(self, request, **kwargs):
        trajectory = self.get_object()
        serializer = self.input(domains=services.life_domains_for(trajectory.youth.municipality))
        data = serializer.validated_data
        intake = services.intake_record(
            actor=request.user, trajectory=trajectory, intensity=data["intensity"],
            answers=serializer.service_answers(), wishes=data.get("wishes", ""),
            multi_problem=data["multi_problem"])
        return Response(IntakeSerializer(intake).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Laat de art. 7a-regels een route voorstellen, met uitleg",
                   parameters=[TRAJECTORY_ID], request=RouteFactsSerializer,
                   responses={201: RouteProposalSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="routevoorstellen",
            serializer_class=RouteFactsSerializer)
    def route_propose(self, request, **kwargs):
        trajectory = self.get_object()
        serializer = self.input()
        facts = serializer.facts(birth=trajectory.youth.birth_date, today=timezone.localdate())
        decision = services.route_propose(actor=request.user, trajectory=trajectory, facts=facts)
        return Response(RouteProposalSerializer(decision).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Voeg een doel toe aan het plan", parameters=[TRAJECTORY_ID],
                   responses={201: GoalSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="doelen", serializer_class=GoalSerializer)
    def goal_add(self, request, **kwargs):
        trajectory = self.get_object()
        data = self.input().validated_data
        domain = None
        code = (data.get("domain") or {}).get("code")
        if code:
            domains = {d.code: d for d in services.life_domains_for(trajectory.youth.municipality)}
            domain = domains.get(code)
            if domain is None:
                raise serializers.ValidationError({"leefgebied": [_("Onbekend leefgebied.")]})
        goal = services.goal_add(actor=request.user, trajectory=trajectory,
                                 description=data["description"], domain=domain)
        return Response(GoalSerializer(goal).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Leg een activiteit vast (coaching, training, ...)",
                   parameters=[TRAJECTORY_ID], responses={201: ActivitySerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="activiteiten",
            serializer_class=ActivitySerializer)
    def activity_add(self, request, **kwargs):
        trajectory = self.get_object()
        data = self.input().validated_data
        activity = services.activity_record(actor=request.user, trajectory=trajectory,
                                            kind=data["kind"], on=data["on"],
                                            description=data.get("description", ""))
        return Response(ActivitySerializer(activity).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Zet een voorziening in", parameters=[TRAJECTORY_ID],
                   responses={201: InstrumentUseSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="voorzieningen",
            serializer_class=InstrumentUseSerializer)
    def instrument_add(self, request, **kwargs):
        trajectory = self.get_object()
        data = self.input().validated_data
        instrument = Instrument.objects.get(code=data["instrument"]["code"])
        use = services.instrument_start(actor=request.user, trajectory=trajectory,
                                        instrument=instrument, started_on=data["started_on"],
                                        note=data.get("note", ""))
        return Response(InstrumentUseSerializer(use).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Leg de match vast (stap 6)", parameters=[TRAJECTORY_ID],
                   responses={201: PlacementSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="matches",
            serializer_class=PlacementSerializer)
    def placement_add(self, request, **kwargs):
        trajectory = self.get_object()
        data = self.input().validated_data
        placement = services.placement_record(
            actor=request.user, trajectory=trajectory, kind=data["kind"],
            organisation_name=data["organisation_name"], started_on=data["started_on"],
            ladder=data.get("ladder") or "", education_level=data.get("education_level", ""),
            learning_path=data.get("learning_path") or "",
            contract_type=data.get("contract_type", ""),
            hours_per_week=data.get("hours_per_week"))
        return Response(PlacementSerializer(placement).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Leg de uitstroom vast: naar een plek volgt nazorg, anders afsluiten",
                   parameters=[TRAJECTORY_ID],
                   responses={200: TrajectorySerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="uitstroom",
            serializer_class=OutflowSerializer)
    def outflow(self, request, **kwargs):
        trajectory = self.get_object()
        data = self.input().validated_data
        return self._trajectory_response(services.trajectory_outflow(
            actor=request.user, trajectory=trajectory, reason=data["reason"], on=data["on"],
            note=data.get("note", "")))


class RouteDecisionViewSet(_Base):
    """Routevoorstellen: lezen, en het besluit (bevestigen of afwijken met reden)."""

    permission_map = _write_actions("decide")
    serializer_class = RouteProposalSerializer
    queryset = RouteDecision.objects.none()
    lookup_value_regex = ID_REGEX

    def get_object(self) -> RouteDecision:
        return self.writable(_child_or_404(
            self.request.user, RouteDecision.objects.select_related("trajectory__youth"),
            self.kwargs["id"], via="trajectory", object_type="route_decision"))

    @extend_schema(summary="Eén routevoorstel met uitleg per regel",
                   parameters=[_int_id("Het id van het routevoorstel.")])
    def retrieve(self, request, **kwargs):
        decision = self.get_object()
        selectors.trajectory_log_read(user=request.user, trajectory=decision.trajectory,
                                      view="api:route_proposal", purpose=Purpose.API)
        return Response(RouteProposalSerializer(decision).data)

    @extend_schema(summary="Stel de route vast: het voorstel, of een afwijking met reden",
                   parameters=[_int_id("Het id van het routevoorstel.")],
                   responses={200: RouteProposalSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="besluit",
            serializer_class=RouteDecisionSerializer)
    def decide(self, request, **kwargs):
        decision = self.get_object()
        data = self.input().validated_data
        decided = services.route_confirm(actor=request.user, decision=decision,
                                         route=data.get("route", ""),
                                         reason=data.get("reason", ""))
        return Response(RouteProposalSerializer(decided).data)


class GoalViewSet(_Base):
    """Doelen in het plan van een traject."""

    permission_map = _write_actions("action_add")
    serializer_class = PlanActionSerializer
    queryset = Goal.objects.none()
    lookup_value_regex = ID_REGEX
    http_method_names = ["post", "options"]

    def get_object(self) -> Goal:
        return self.writable(_child_or_404(
            self.request.user, Goal.objects.select_related("trajectory"), self.kwargs["id"],
            via="trajectory", object_type="goal"))

    @extend_schema(summary="Voeg een actie toe aan een doel",
                   parameters=[_int_id("Het id van het doel.")],
                   responses={201: PlanActionSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="acties",
            serializer_class=PlanActionSerializer)
    def action_add(self, request, **kwargs):
        goal = self.get_object()
        data = self.input().validated_data
        plan_action = services.action_add(
            actor=request.user, goal=goal, description=data["description"], owner=data["owner"],
            owner_name=data.get("owner_name", ""), due_on=data.get("due_on"))
        return Response(PlanActionSerializer(plan_action).data, status=status.HTTP_201_CREATED)


class PlanActionViewSet(_Base):
    """Acties bij een doel in het plan."""

    permission_map = _write_actions("set_status")
    serializer_class = ActionStatusSerializer
    queryset = PlanAction.objects.none()
    lookup_value_regex = ID_REGEX
    http_method_names = ["put", "options"]

    def get_object(self) -> PlanAction:
        return self.writable(_child_or_404(
            self.request.user, PlanAction.objects.select_related("goal__trajectory"),
            self.kwargs["id"], via="goal__trajectory", object_type="plan_action"))

    @extend_schema(summary="Zet de status van een actie",
                   parameters=[_int_id("Het id van de actie.")],
                   responses={200: PlanActionSerializer, 409: CONFLICT})
    @action(detail=True, methods=["put"], url_path="status",
            serializer_class=ActionStatusSerializer)
    def set_status(self, request, **kwargs):
        plan_action = self.get_object()
        data = self.input().validated_data
        updated = services.action_set_status(actor=request.user, action=plan_action,
                                             status=data["status"])
        return Response(PlanActionSerializer(updated).data)


class FollowUpViewSet(_Base):
    """Nazorgcontacten na uitstroom naar werk, onderwijs, een leerwerktraject of zorg."""

    permission_map = _write_actions("record_outcome")
    serializer_class = FollowUpOutcomeSerializer
    queryset = FollowUp.objects.none()
    lookup_value_regex = ID_REGEX
    http_method_names = ["post", "options"]

    def get_object(self) -> FollowUp:
        return self.writable(_child_or_404(
            self.request.user, FollowUp.objects.select_related("trajectory"), self.kwargs["id"],
            via="trajectory", object_type="follow_up"))

    @extend_schema(summary="Leg de uitkomst van een nazorgcontact vast",
                   description=("Uitgevallen heropent de ondersteuning (stap intake); het laatste "
                                "contact sluit het traject af."),
                   parameters=[_int_id("Het id van het nazorgcontact.")],
                   responses={200: FollowUpSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="uitkomst",
            serializer_class=FollowUpOutcomeSerializer)
    def record_outcome(self, request, **kwargs):
        follow_up = self.get_object()
        data = self.input().validated_data
        recorded = services.follow_up_record(actor=request.user, follow_up=follow_up,
                                             outcome=data["outcome"], on=data["on"],
                                             note=data.get("note", ""))
        return Response(FollowUpSerializer(recorded).data)


def contact_candidates(team):
    """Members of the team who can be a fixed contact person (as on the file page)."""
    if team is None:
        return User.objects.none()
    return User.objects.filter(memberships__team=team, memberships__is_active=True,
                               memberships__role__in=CONTACT_PERSON_ROLES).distinct()


class ContactPersonViewSet(_Base):
    """/jongeren/{id}/contactpersoon: de ene vaste contactpersoon van een jongere."""

    access_policy = ASSIGN_CONTACT
    permission_map = {"assign": ASSIGN_CONTACT}
    serializer_class = ContactPersonSerializer
    lookup_field = "public_id"
    lookup_value_regex = UUID_REGEX
    http_method_names = ["put", "options"]

    def get_object(self):
        youth = found_or_404(youth_selectors.youth_get, user=self.request.user,
                             public_id=self.kwargs["id"], purpose=Purpose.API)
        return self.writable(youth)

    @extend_schema(summary="Wijs de vaste contactpersoon toe (of wissel, met reden)",
                   parameters=[YOUTH_ID], responses={200: ContactPersonSerializer})
    @action(detail=True, methods=["put"], url_path="contactpersoon",
            serializer_class=ContactPersonSerializer)
    def assign(self, request, **kwargs):
        youth = self.get_object()
        data = self.input().validated_data
        trajectory = trajectory_for_file(youth=youth)
        team = trajectory.team if trajectory is not None and trajectory.is_open else youth.team
        user = contact_candidates(team).filter(username=data["user"]["username"]).first()
        if user is None:
            raise serializers.ValidationError(
                {"medewerkerId": [_("Kies een medewerker uit het team.")]})
        if not user.memberships.filter(team=team, is_active=True, role=data["role"]).exists():
            raise serializers.ValidationError({"rol": [
                _("Deze medewerker heeft niet de rol %(role)s in dit team.")
                % {"role": Role(data["role"]).label}]})
        assignment = contact_person_assign(
            actor=request.user, youth=youth, user=user, role=data["role"],
            handover_note=data.get("handover_note", "").strip(),
            reason=data.get("reason", "").strip())
        return Response(ContactPersonSerializer(assignment).data)

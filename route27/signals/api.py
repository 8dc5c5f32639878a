"""/api/v1/signalen: signals from any entrance (No Wrong Door), through the signal services.

Registering goes through ``signal_register`` (routing and matching: never a duplicate person);
reading through the selectors, scoped to the user's casework teams (404 and a ``denied`` audit
entry otherwise); deciding on a possible match through ``signal_confirm_match``. The BSN can be
sent, but is never returned.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from route27.audit.purposes import Purpose
from route27.core.api.fields import (
    MULTI_LINE,
    NOT_BLANK_LINE,
    BlankAsNullChoiceField,
    StrictCharField,
    StrictChoiceField,
    StrictEmailField,
    StrictUUIDField,
)
from route27.core.api.permissions import RulesPermission
from route27.core.api.views import ApiConventionsMixin
from route27.core.errors import NotFound
from route27.organisations.models import Municipality
from route27.signals import selectors, services
from route27.signals.models import Signal, SignalStatus, Source
from route27.youth.api import (
    BSN_MESSAGE,
    BSN_PATTERN,
    PHONE_PATTERN,
    UUID_REGEX,
    BirthSerializer,
)

SIGNAL_ID = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH,
                             description="Het id van het signaal.")
STATUS_PARAMETER = OpenApiParameter(
    "status", str, OpenApiParameter.QUERY, required=False, enum=SignalStatus.values,
    description="Alleen signalen met deze status.")
CONFLICT = OpenApiResponse(description=(
    "Het signaal wacht niet (meer) op een controle van de persoon, bijvoorbeeld omdat het al "
    "gekoppeld is."))
# Shown only for signals routed to one of the user's own teams (as on the staff pages).
UNDISCLOSED = ("status", "jongereId", "trajectId", "aantalMogelijkeMatches", "gekoppeldOp")


class CandidateSerializer(serializers.Serializer):
    """Mogelijk dezelfde jongere: alleen wat nodig is om te beslissen."""

    jongereId = serializers.UUIDField(source="public_id", read_only=True)
    voornamen = serializers.CharField(source="given_names", read_only=True)
    voorvoegsel = serializers.CharField(source="surname_prefix", read_only=True)
    geslachtsnaam = serializers.CharField(source="family_name", read_only=True)
    geboorte = BirthSerializer(source="birth_date", read_only=True)
    woongemeenteNaam = serializers.CharField(source="municipality.name", read_only=True)
    teamNaam = serializers.CharField(source="team.name", read_only=True, allow_null=True)


class SignalSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    bron = StrictChoiceField(source="source", choices=Source.choices,
                             help_text="De ingang waarlangs het signaal binnenkwam.")
    gemeldDoor = StrictCharField(source="reporter", max_length=200, required=False,
                                 allow_blank=True,
                                 help_text="Organisatie en naam van wie het signaal doorgaf.")
    voornamen = StrictCharField(source="given_names", max_length=200, pattern=NOT_BLANK_LINE,
                                pattern_message="Vul de voornamen in.")
    voorvoegsel = StrictCharField(source="surname_prefix", max_length=20, required=False,
                                  allow_blank=True)
    geslachtsnaam = StrictCharField(source="family_name", max_length=200, pattern=NOT_BLANK_LINE,
                                    pattern_message="Vul de achternaam in.")
    geboorte = BirthSerializer(source="birth_date")
    burgerservicenummer = StrictCharField(
        source="bsn", write_only=True, required=False, allow_null=True, min_length=9,
        max_length=9, pattern=BSN_PATTERN, pattern_message=BSN_MESSAGE,
        help_text="Niet verplicht; wordt nooit teruggegeven.")
    woongemeenteCode = StrictCharField(
        source="municipality.number", min_length=4, max_length=4, pattern=r"^[0-9]{4}$",
        pattern_message="Een gemeentecode bestaat uit 4 cijfers.",
        help_text="Gemeentecode (4 cijfers) van de woongemeente, bijv. 0358.")
    woongemeenteNaam = serializers.CharField(source="municipality.name", read_only=True)
    telefoonnummer = StrictCharField(
        source="phone", max_length=20, required=False, allow_blank=True, pattern=PHONE_PATTERN,
        pattern_message="Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.")
    emailadres = StrictEmailField(source="email", max_length=254, required=False,
                                  allow_blank=True)
    toelichting = StrictCharField(source="message", max_length=2000, required=False,
                                  allow_blank=True, pattern=MULTI_LINE)
    status = BlankAsNullChoiceField(
        choices=SignalStatus.choices,
        help_text="null als het signaal naar een team is doorgezet waar u niet in zit.")
    teamNaam = serializers.CharField(source="team.name", read_only=True, allow_null=True,
                                     help_text="null: geen team begeleidt deze gemeente.")
    jongereId = serializers.UUIDField(source="youth.public_id", read_only=True, allow_null=True)
    trajectId = serializers.UUIDField(source="trajectory.public_id", read_only=True,
                                      allow_null=True)
    aantalMogelijkeMatches = serializers.SerializerMethodField()
    ontvangenOp = serializers.DateTimeField(source="created_at", read_only=True)
    gekoppeldOp = serializers.DateTimeField(source="linked_at", read_only=True, allow_null=True)

    @extend_schema_field({"type": "integer", "minimum": 0, "nullable": True})
    def get_aantalMogelijkeMatches(self, signal) -> int | None:  # noqa: N802 - API field name
        count = getattr(signal, "candidate_count", None)
        return signal.candidates.count() if count is None else count

    def validate_woongemeenteCode(self, value):  # noqa: N802 - named after the API field
        if not Municipality.objects.filter(number=value).exists():
            raise serializers.ValidationError(_("Er is geen gemeente met deze gemeentecode."),
                                              code="unknown")
        return value

    def to_representation(self, signal):
        data = super().to_representation(signal)
        if not self.context.get("disclose", True):
            data.update(dict.fromkeys(UNDISCLOSED))
        if signal.youth_id and signal.youth_id not in self.context.get("files_visible", ()):
            data.update(jongereId=None, trajectId=None)
        return data

    @staticmethod
    def service_kwargs(validated: dict) -> dict:
        birth = validated.pop("birth_date")
        number = validated.pop("municipality")["number"]
        return {
            **validated,
            "birth_date": f"{birth['year']:04d}{birth.get('month') or 0:02d}"
                          f"{birth.get('day') or 0:02d}",
            "municipality": Municipality.objects.filter(number=number).first(),
            "bsn": validated.get("bsn") or "",
        }


class SignalDetailSerializer(SignalSerializer):
    mogelijkeMatches = serializers.SerializerMethodField(
        help_text="Alleen bij status needs_confirmation; elke getoonde jongere wordt gelogd.")

    @extend_schema_field(CandidateSerializer(many=True))
    def get_mogelijkeMatches(self, signal):  # noqa: N802 - API field name
        return CandidateSerializer(self.context.get("candidates", []), many=True).data


class ConfirmationSerializer(serializers.Serializer):
    jongereId = StrictUUIDField(
        source="youth", allow_null=True,
        help_text=("Dezelfde persoon: het id van een van de mogelijke matches. null: een nieuwe "
                   "persoon (er wordt een jongere geregistreerd)."))


class SignalViewSet(ApiConventionsMixin, viewsets.GenericViewSet):
    """Signalen van het eigen team; registreren vanuit elke ingang."""

    access_policy = "signals.view_signal"
    permission_map = {"create": "signals.add_signal", "confirm": "signals.change_signal"}
    permission_classes = [RulesPermission]
    serializer_class = SignalSerializer
    queryset = Signal.objects.none()  # for the schema; reads go through the selectors
    lookup_field = "public_id"
    lookup_url_kwarg = "id"
    lookup_value_regex = UUID_REGEX
    http_method_names = ["get", "post", "head", "options"]
    extra_query_params = ("status",)

    def allowed_query_params(self) -> set[str]:
        allowed = super().allowed_query_params()
        return allowed if self.action == "list" else allowed - {"status"}

    def get_object(self) -> Signal:
        try:
            return selectors.signal_get(user=self.request.user, public_id=self.kwargs["id"],
                                        purpose=Purpose.API)
        except NotFound as exc:
            raise Http404(exc.message) from exc

    @extend_schema(summary="Signalen van uw teams, nieuwste eerst (elk getoond signaal gelogd)",
                   parameters=[STATUS_PARAMETER])
    def list(self, request):
        wanted = request.query_params.get("status", "")
        if "status" in request.query_params and wanted not in SignalStatus.values:
            raise serializers.ValidationError(
                {"status": [_("Kies een van: %(values)s.")
                            % {"values": ", ".join(SignalStatus.values)}]})
        page = self.paginate_queryset(selectors.signal_list(user=request.user, status=wanted))
        selectors.signal_log_shown(user=request.user, signals=page, purpose=Purpose.API)
        visible = selectors.files_visible(user=request.user, signals=page)
        return self.get_paginated_response(
            SignalSerializer(page, many=True, context={"files_visible": visible}).data)

    @extend_schema(summary="Eén signaal, met de mogelijke matches als de persoon gecontroleerd "
                           "moet worden", parameters=[SIGNAL_ID],
                   responses={200: SignalDetailSerializer})
    def retrieve(self, request, **kwargs):
        signal = self.get_object()
        candidates = selectors.signal_candidates(user=request.user, signal=signal)
        visible = selectors.files_visible(user=request.user, signals=[signal])
        return Response(SignalDetailSerializer(
            signal, context={"candidates": candidates, "files_visible": visible}).data)

    @extend_schema(summary="Registreer een signaal (routering en matching zoals op de "
                           "signaalpagina)", responses={201: SignalSerializer})
    def create(self, request):
        serializer = SignalSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        kwargs = SignalSerializer.service_kwargs(dict(serializer.validated_data))
        signal = services.signal_register(actor=request.user, **kwargs)
        disclose = signal.team_id is not None and signal.team_id in request.user.casework_team_ids
        visible = selectors.files_visible(user=request.user, signals=[signal])
        return Response(SignalSerializer(signal, context={"disclose": disclose,
                                                          "files_visible": visible}).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(summary="Beslis over de persoon: dezelfde jongere, of een nieuwe",
                   parameters=[SIGNAL_ID],
                   responses={200: SignalSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"], url_path="bevestiging",
            serializer_class=ConfirmationSerializer)
    def confirm(self, request, **kwargs):
        signal = self.get_object()
        serializer = ConfirmationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        chosen = serializer.validated_data["youth"]
        youth = None
        if chosen is not None:
            youth = signal.candidates.filter(public_id=chosen).first()
            # A signal that no longer waits for a decision has no candidates: the service
            # refuses it (409) before it would use ``youth``.
            if youth is None and signal.status == SignalStatus.NEEDS_CONFIRMATION:
                raise serializers.ValidationError({"jongereId": [
                    _("Deze jongere staat niet bij de mogelijke matches van dit signaal.")]})
        signal = services.signal_confirm_match(actor=request.user, signal=signal, youth=youth)
        visible = selectors.files_visible(user=request.user, signals=[signal])
        return Response(SignalSerializer(signal, context={"files_visible": visible}).data)

"""/api/v1/jongeren: the youth resource, through the same selectors, services and audit.

Field names are Dutch lowerCamelCase; the serializer fields carry the service names as ``source``,
so service errors (``bsn``, ``guardians.0.name``) are reported under the API names
(``burgerservicenummer``, ``vertegenwoordigers.0.naam``) by the problem+json handler.
The fields are strict: the API accepts exactly what the published schema describes.
"""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from route27.audit.purposes import Purpose
from route27.core.api.fields import (
    NOT_BLANK_LINE,
    StrictCharField,
    StrictEmailField,
    StrictIntegerField,
)
from route27.core.api.permissions import RulesPermission
from route27.core.api.views import ApiConventionsMixin
from route27.core.errors import NotFound, Refused, ValidationFailed
from route27.organisations.models import Municipality
from route27.youth import selectors, services
from route27.youth.bsn import normalise_bsn
from route27.youth.models import Guardian
from route27.youth.rules import read_only_reason

BSN_PATTERN = r"^[0-9]{9}$"
BSN_MESSAGE = "Een BSN bestaat uit 9 cijfers."
# The service's rules (youth.services), written so that JSON Schema and Python read them alike.
PHONE_PATTERN = r"^\+?[0-9()-][0-9 ()-]{8,17}[0-9()-]$"
POSTCODE_PATTERN = r"^[0-9]{4} ?[A-Za-z]{2}$"
UUID_REGEX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


class BirthSerializer(serializers.Serializer):
    """Geboortedatum zoals in de BRP: maand en dag kunnen onbekend zijn (null).

    Een dag zonder maand, een dag die niet in de maand bestaat of een datum in de toekomst geeft
    400.
    """

    jaar = StrictIntegerField(source="year", min_value=1900, max_value=2100)
    maand = StrictIntegerField(source="month", min_value=1, max_value=12, allow_null=True,
                               required=False)
    dag = StrictIntegerField(source="day", min_value=1, max_value=31, allow_null=True,
                             required=False)


class RepresentativeSerializer(serializers.Serializer):
    """Ouder of voogd (wettelijk vertegenwoordiger)."""

    naam = StrictCharField(source="name", max_length=200, pattern=NOT_BLANK_LINE,
                           pattern_message="Vul de naam van de ouder of voogd in.")
    relatie = serializers.ChoiceField(source="relationship", choices=Guardian.Relationship.choices,
                                      default=Guardian.Relationship.PARENT)
    telefoonnummer = StrictCharField(source="phone", max_length=20, required=False,
                                     allow_blank=True)
    emailadres = StrictEmailField(source="email", max_length=254, required=False,
                                  allow_blank=True)


class YouthSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    burgerservicenummer = StrictCharField(
        source="bsn", required=False, allow_null=True, max_length=9, min_length=9,
        pattern=BSN_PATTERN, pattern_message=BSN_MESSAGE,
        help_text="Burgerservicenummer: 9 cijfers die voldoen aan de elfproef.",
    )
    voornamen = StrictCharField(source="given_names", max_length=200, pattern=NOT_BLANK_LINE,
                                pattern_message="Vul de voornamen in.")
    voorvoegsel = StrictCharField(source="surname_prefix", max_length=20, required=False,
                                  allow_blank=True)
    geslachtsnaam = StrictCharField(source="family_name", max_length=200, pattern=NOT_BLANK_LINE,
                                    pattern_message="Vul de achternaam in.")
    geboorte = BirthSerializer(source="birth_date")
    woongemeenteCode = StrictCharField(
        source="municipality.number", min_length=4, max_length=4, pattern=r"^[0-9]{4}$",
        pattern_message="Een gemeentecode bestaat uit 4 cijfers.",
        help_text="Gemeentecode (4 cijfers) van een bestaande gemeente, bijv. 0362.",
    )
    woongemeenteNaam = serializers.CharField(source="municipality.name", read_only=True)
    straatHuisnummer = StrictCharField(source="street_address", max_length=200, required=False,
                                       allow_blank=True)
    postcode = StrictCharField(source="postal_code", max_length=7, required=False,
                               allow_blank=True, pattern=POSTCODE_PATTERN,
                               pattern_message="Vul een postcode in als 1234 AB.")
    woonplaats = StrictCharField(source="place", max_length=100, required=False, allow_blank=True)
    telefoonnummer = StrictCharField(
        source="phone", max_length=20, required=False, allow_blank=True, pattern=PHONE_PATTERN,
        pattern_message="Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.")
    emailadres = StrictEmailField(source="email", max_length=254, required=False,
                                  allow_blank=True)
    vertegenwoordigers = RepresentativeSerializer(
        source="guardians", many=True, required=False, max_length=services._MAX_GUARDIANS)
    teamNaam = serializers.CharField(source="team.name", read_only=True, allow_null=True)
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)
    gewijzigdOp = serializers.DateTimeField(source="updated_at", read_only=True)

    def validate_woongemeenteCode(self, value):  # noqa: N802 - named after the API field
        if not Municipality.objects.filter(number=value).exists():
            raise serializers.ValidationError("Er is geen gemeente met deze gemeentecode.",
                                              code="unknown")
        return value

    @staticmethod
    def service_kwargs(validated: dict) -> dict:
        """Map validated API fields onto the keyword arguments of youth services."""
        birth = validated.pop("birth_date")
        number = validated.pop("municipality")["number"]
        return {
            **validated,
            "birth_date": f"{birth['year']:04d}{birth.get('month') or 0:02d}"
                          f"{birth.get('day') or 0:02d}",
            "municipality": Municipality.objects.filter(number=number).first(),
            "guardians": [dict(g) for g in validated.get("guardians", [])],
        }


class BsnSearchSerializer(serializers.Serializer):
    burgerservicenummer = StrictCharField(
        source="bsn", min_length=9, max_length=9, pattern=BSN_PATTERN, pattern_message=BSN_MESSAGE,
        help_text="Burgerservicenummer: 9 cijfers die voldoen aan de elfproef.")

    def validate_burgerservicenummer(self, value):
        try:
            return normalise_bsn(value)
        except ValidationFailed as exc:
            raise serializers.ValidationError(exc.message, code="invalid") from exc


class _Moved(Exception):
    def __init__(self, kept):
        super().__init__("moved")
        self.kept = kept


MOVED = OpenApiResponse(description="Dit dossier is samengevoegd met een ander dossier: de "
                        "Location-header wijst naar het bewaarde dossier. Tijdelijk (307): een "
                        "samenvoeging kan binnen een termijn ongedaan worden gemaakt.")

ID_PARAMETER = OpenApiParameter("id", OpenApiTypes.UUID, OpenApiParameter.PATH,
                                description="Het id van de jongere (nooit het BSN).")


class YouthListSerializer(YouthSerializer):
    """A row of the list: everything but the BSN, which only the detail of one youth the caller
    may see returns (issue 9: no full BSN on every row of a list)."""

    burgerservicenummer = None


@extend_schema_view(
    list=extend_schema(summary="Jongeren waar u een reden voor heeft om ze te zien"),
    retrieve=extend_schema(summary="Dossiergegevens van één jongere", parameters=[ID_PARAMETER],
                           responses={200: YouthSerializer, 307: MOVED}),
    create=extend_schema(summary="Registreer een jongere"),
    update=extend_schema(summary="Wijzig de gegevens van een jongere", parameters=[ID_PARAMETER],
                         responses={200: YouthSerializer, 307: MOVED}),
)
class YouthViewSet(ApiConventionsMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                   mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet):
    access_policy = "youth.open_file"  # per action below; retrieve is scoped by the selector
    permission_map = {"list": "youth.view_youth", "search": "youth.view_youth",
                      "create": "youth.add_youth", "update": "youth.change_youth",
                      "retrieve": "youth.open_file"}
    permission_classes = [RulesPermission]
    serializer_class = YouthSerializer
    lookup_field = "public_id"
    lookup_url_kwarg = "id"
    lookup_value_regex = UUID_REGEX
    http_method_names = ["get", "post", "put", "head", "options"]

    def get_serializer_class(self):
        if self.action == "search":
            return BsnSearchSerializer
        return YouthListSerializer if self.action == "list" else YouthSerializer

    def get_queryset(self):
        return selectors.youth_list(user=self.request.user).prefetch_related("guardians")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        selectors.youth_log_shown(user=request.user, youth=page, purpose=Purpose.API)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_object(self):
        try:
            youth = selectors.youth_get(user=self.request.user, public_id=self.kwargs["id"],
                                        purpose=Purpose.API)
        except selectors.MovedToKeptFile as moved:
            raise _Moved(moved.kept) from moved
        except NotFound as exc:
            raise Http404 from exc
        if self.action == "update" and (refused := read_only_reason(self.request.user, youth)):
            raise Refused(refused)  # e.g. read-only after closure: 403, audited as denied
        return youth

    def handle_exception(self, exc):
        """The id of a file merged into one the caller may see: 307 to the same operation on
        the kept file (ADR 0011). Temporary, because a functional administrator can undo the
        merge within the term; 307 keeps the method, so a PUT is repeated there knowingly."""
        if isinstance(exc, _Moved):
            path = self.request.get_full_path().replace(
                str(self.kwargs["id"]), str(exc.kept.public_id), 1)
            return Response(status=status.HTTP_307_TEMPORARY_REDIRECT, headers={"Location": path})
        return super().handle_exception(exc)

    def perform_create(self, serializer):
        kwargs = YouthSerializer.service_kwargs(dict(serializer.validated_data))
        # No oracle: another team's BSN answers as an unknown one (see youth.views).
        serializer.instance = services.youth_create(
            actor=self.request.user, bsn_clash="no_oracle", source="api", review_namesakes=True,
            **kwargs)

    def perform_update(self, serializer):
        kwargs = YouthSerializer.service_kwargs(dict(serializer.validated_data))
        serializer.instance = services.youth_update(actor=self.request.user,
                                                    youth=serializer.instance, **kwargs)

    @extend_schema(summary="Zoek een jongere op BSN (POST, zodat het BSN niet in de URL staat)",
                   request=BsnSearchSerializer, responses={200: YouthSerializer(many=True)})
    @action(detail=False, methods=["post"], url_path="zoeken", pagination_class=None)
    def search(self, request):
        query = BsnSearchSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        youth = selectors.youth_find_by_bsn(user=request.user, bsn=query.validated_data["bsn"])
        return Response(YouthSerializer([youth] if youth else [], many=True).data,
                        status=status.HTTP_200_OK)

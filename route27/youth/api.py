"""/api/v1/jongeren: the youth resource, through the same selectors, services and audit."""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from route27.audit.purposes import Purpose
from route27.core.api.permissions import RulesPermission
from route27.core.errors import NotFound
from route27.organisations.models import Municipality
from route27.youth import selectors, services
from route27.youth.models import Guardian, Youth


class BirthSerializer(serializers.Serializer):
    """Geboortedatum zoals in de BRP: maand en dag kunnen onbekend zijn (null)."""

    jaar = serializers.IntegerField(source="year", min_value=1900, max_value=2100)
    maand = serializers.IntegerField(source="month", min_value=1, max_value=12, allow_null=True,
                                     required=False)
    dag = serializers.IntegerField(source="day", min_value=1, max_value=31, allow_null=True,
                                   required=False)


class RepresentativeSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name", max_length=200)
    relatie = serializers.ChoiceField(source="relationship", choices=Guardian.Relationship.choices,
                                      default="parent")
    telefoonnummer = serializers.CharField(source="phone", max_length=20, required=False,
                                           allow_blank=True)
    emailadres = serializers.CharField(source="email", max_length=254, required=False,
                                       allow_blank=True)


class YouthSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    burgerservicenummer = serializers.RegexField(
        r"^[0-9]{9}$", source="bsn", required=False, allow_null=True, max_length=9, min_length=9,
        help_text="9 cijfers, elfproef.",
    )
    voornamen = serializers.CharField(source="given_names", max_length=200)
    voorvoegsel = serializers.CharField(source="surname_prefix", max_length=20, required=False,
                                        allow_blank=True)
    geslachtsnaam = serializers.CharField(source="family_name", max_length=200)
    geboorte = BirthSerializer(source="birth_date")
    woongemeenteCode = serializers.RegexField(r"^[0-9]{4}$", source="municipality.number",
                                              help_text="Gemeentecode (4 cijfers), bijv. 0362.")
    woongemeenteNaam = serializers.CharField(source="municipality.name", read_only=True)
    straatHuisnummer = serializers.CharField(source="street_address", max_length=200,
                                             required=False, allow_blank=True)
    postcode = serializers.CharField(source="postal_code", max_length=7, required=False,
                                     allow_blank=True)
    woonplaats = serializers.CharField(source="place", max_length=100, required=False,
                                       allow_blank=True)
    telefoonnummer = serializers.CharField(source="phone", max_length=20, required=False,
                                           allow_blank=True)
    emailadres = serializers.CharField(source="email", max_length=254, required=False,
                                       allow_blank=True)
    vertegenwoordigers = RepresentativeSerializer(source="guardians", many=True, required=False)
    teamNaam = serializers.CharField(source="team.name", read_only=True, default=None)
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)
    gewijzigdOp = serializers.DateTimeField(source="updated_at", read_only=True)

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
    burgerservicenummer = serializers.RegexField(r"^[0-9]{9}$", max_length=9, min_length=9)


@extend_schema_view(
    list=extend_schema(summary="Jongeren waar u een reden voor heeft om ze te zien"),
    retrieve=extend_schema(summary="Dossiergegevens van één jongere"),
    create=extend_schema(summary="Registreer een jongere"),
    update=extend_schema(summary="Wijzig de gegevens van een jongere"),
)
class YouthViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                   mixins.UpdateModelMixin, viewsets.GenericViewSet):
    access_policy = "youth.view_youth"
    permission_map = {"create": "youth.add_youth", "update": "youth.change_youth"}
    permission_classes = [RulesPermission]
    serializer_class = YouthSerializer
    lookup_field = "public_id"
    lookup_url_kwarg = "id"
    lookup_value_regex = "[0-9a-f-]{36}"
    http_method_names = ["get", "post", "put", "head", "options"]

    def get_queryset(self):
        return selectors.youth_list(user=self.request.user).prefetch_related("guardians")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        selectors.youth_log_shown(user=request.user, youth=page, purpose=Purpose.API)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_object(self):
        try:
            return selectors.youth_get(user=self.request.user, public_id=self.kwargs["id"],
                                       purpose=Purpose.API)
        except NotFound as exc:
            raise Http404 from exc

    def perform_create(self, serializer):
        kwargs = YouthSerializer.service_kwargs(dict(serializer.validated_data))
        serializer.instance = services.youth_create(actor=self.request.user, **kwargs)

    def perform_update(self, serializer):
        kwargs = YouthSerializer.service_kwargs(dict(serializer.validated_data))
        serializer.instance = services.youth_update(actor=self.request.user,
                                                    youth=serializer.instance, **kwargs)

    @extend_schema(summary="Zoek een jongere op BSN (POST, zodat het BSN niet in de URL staat)",
                   request=BsnSearchSerializer, responses={200: YouthSerializer(many=True)})
    @action(detail=False, methods=["post"], url_path="zoeken")
    def search(self, request):
        query = BsnSearchSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        youth = selectors.youth_find_by_bsn(user=request.user,
                                            bsn=query.validated_data["burgerservicenummer"])
        return Response(YouthSerializer([youth] if youth else [], many=True).data,
                        status=status.HTTP_200_OK)

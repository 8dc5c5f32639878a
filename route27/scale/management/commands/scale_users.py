import json

from django.core.management.base import BaseCommand

from route27.organisations.models import Membership
from route27.organisations.roles import Role

GROUPS = {
    "coach": (Role.DOORSTROOMCOACH, Role.JONGERENCOACH_WERK, Role.LEERPLICHTAMBTENAAR),
    "teamleider": (Role.TEAMLEIDER,),
    "school": (Role.SCHOOL_CONTACT,),
}


class Command(BaseCommand):
    help = "Druk generated accounts per soort gebruiker af als JSON (voor make load)."

    def add_arguments(self, parser):
        parser.add_argument("--per-group", type=int, default=200)

    def handle(self, *args, **options):
        accounts = {
            group: list(Membership.objects.filter(
                role__in=roles, is_active=True, user__username__startswith="schaal-",
                team__organisation__name__endswith="(schaal)",
            ).order_by("user_id").values_list("user__username", flat=True)
                .distinct()[:options["per_group"]])
            for group, roles in GROUPS.items()}
        self.stdout.write(json.dumps(accounts))

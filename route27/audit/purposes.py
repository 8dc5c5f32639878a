from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    """Why personal data was processed (doelbinding). Stored with every audit entry."""

    CASEWORK = "casework", _("Begeleiding jongere (art. 7a Participatiewet)")
    CASELOAD = "caseload", _("Werkvoorraad en overzicht")
    SEARCH = "search", _("Zoeken of een jongere al bekend is")
    REGISTRATION = "registration", _("Registratie en wijziging van gegevens")
    API = "api", _("Koppeling via de API")
    COLLABORATION = "collaboration", _("Samenwerking in de keten (betrokkenheid, regie, "
                                      "casusoverleg)")
    MANAGEMENT = "management", _("Sturing, capaciteit en verantwoording (alleen aantallen)")
    AUTHENTICATION = "authentication", _("Inloggen en uitloggen (beveiliging)")

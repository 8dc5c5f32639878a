"""What the regional programme writes in the audit log: no youth, the programme's parts."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS


@AUDIT_OBJECTS.register
class ProgrammeObject(models.TextChoices):
    PROGRAMME = "programme", _("Regionaal programma")
    PROGRAMME_SECTION = "programme_section", _("Onderdeel van het regionaal programma")
    PROGRAMME_TARGET = "programme_target", _("Streefcijfer van het regionaal programma")
    PROGRAMME_AGREEMENT = "programme_agreement", _("Samenwerkingsafspraak")
    PROGRAMME_MEASURE = "programme_measure", _("Aanvullende maatregel")
    PROGRAMME_BUDGET = "programme_budget", _("Begrotingsregel")
    PROGRAMME_PARTICIPATION = "programme_participation", _("Jongerenparticipatie")
    PROGRAMME_CONTRIBUTION = "programme_contribution", _("Bijdrage aan het regionaal programma")
    PROGRAMME_SUBSIDY = "programme_subsidy", _("Subsidieaanvraag regionaal programma")
    PROGRAMME_PROPOSAL = "programme_proposal", _("Voorstel voor het regionaal budget")
    PROGRAMME_EFFECT_REPORT = "programme_effect_report", _("Effectrapportage")

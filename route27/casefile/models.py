"""The event ledger: one append-only table for everything that happens to a youth."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27.casefile.kinds import EVENT_KINDS
from route27.core.db.models import AppendOnlyModel

# The kinds the results dashboard looks up per trajectory or youth (monitoring.indicators uses
# these very tuples, so index and query cannot drift apart).
STEP_KINDS = ("trajectory_started", "step_changed")
CONTACT_KINDS = ("contact_person_changed", "contact_person_ended")
FLOW_KINDS = ("trajectory_started", "outflow", "route_decided", "outreach_opened",
              "outreach_closed")


class Event(AppendOnlyModel):
    """An append-only fact about a youth, with the trajectory when there is one.

    ``occurred_at`` is when it happened (the date a coach gives for a contact, an outflow, a match;
    otherwise the moment of recording); ``recorded_at`` is when it was written. Indicators count by
    ``occurred_at``; a later correction with an earlier ``occurred_at`` stays visible through
    ``recorded_at``. ``data`` holds the few extra facts an indicator needs (never free-text personal
    data). The database refuses UPDATE and DELETE (ADR 0003, ADR 0009).
    """

    refused_change = "Een dossiergebeurtenis kan niet worden gewijzigd."
    refused_delete = "Een dossiergebeurtenis kan niet worden verwijderd."

    youth = models.ForeignKey("youth.Youth", on_delete=models.PROTECT, related_name="events",
                              verbose_name=_("jongere"))
    trajectory = models.ForeignKey(
        "trajectories.Trajectory", null=True, blank=True, on_delete=models.PROTECT,
        related_name="events", verbose_name=_("traject"),
    )
    kind = models.CharField(_("soort"), max_length=40)
    occurred_at = models.DateTimeField(_("gebeurd op"))
    date_only = models.BooleanField(
        _("alleen datum"), default=False,
        help_text=_("De gebruiker gaf een datum, geen tijdstip."))
    recorded_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", verbose_name=_("door"),
    )
    from_state = models.CharField(_("van"), max_length=40, blank=True)
    to_state = models.CharField(_("naar"), max_length=40, blank=True)
    reason = models.TextField(_("reden"), blank=True)
    data = models.JSONField(_("gegevens"), default=dict, blank=True)

    class Meta:
        ordering = ["occurred_at", "recorded_at", "id"]
        indexes = [
            # With recorded_at beside it, late corrections count from the index alone.
            models.Index(fields=["youth", "occurred_at"], include=["recorded_at"],
                         name="casefile_ev_youth_at_idx"),
            models.Index(fields=["kind", "occurred_at"]),
            models.Index(fields=["trajectory", "kind"]),
            # The results dashboard (monitoring.indicators, docs/performance.md): a youth's
            # events lie scattered over the table, so the latest step of a trajectory, the
            # latest contact person of a youth and a youth's flow events of a period are read
            # through partial, covering indexes (on PostgreSQL; SQLite ignores INCLUDE).
            models.Index(fields=["trajectory", "occurred_at", "recorded_at", "id"],
                         include=["to_state"], name="casefile_ev_step_latest_idx",
                         condition=Q(kind__in=STEP_KINDS)),
            models.Index(fields=["youth", "occurred_at", "recorded_at", "id"],
                         include=["to_state"], name="casefile_ev_contact_latest_idx",
                         condition=Q(kind__in=CONTACT_KINDS)),
            models.Index(fields=["youth", "occurred_at"], name="casefile_ev_flow_idx",
                         condition=Q(kind__in=FLOW_KINDS) | Q(
                             kind="step_changed", to_state__in=("closed", "handed_back"))),
        ]
        verbose_name = _("dossiergebeurtenis")
        verbose_name_plural = _("dossiergebeurtenissen")

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.kind}"

    @property
    def kind_label(self) -> str:
        return EVENT_KINDS.label(self.kind)

    @property
    def occurred_on(self):
        return timezone.localtime(self.occurred_at).date()

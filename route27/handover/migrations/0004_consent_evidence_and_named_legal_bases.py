# Issue 9 §2 "Consent is evidence": a consent names the date it was given and a proof; a legal
# basis is a code of law.LEGAL_BASES instead of free text.

import datetime

from django.db import migrations, models
from django.db.models import Q

LEGACY_PROOF = "niet vastgelegd (bestaand)"  # models.LEGACY_PROOF, frozen here
LEGACY_BASIS = "legacy"  # law.LEGACY_BASIS
# Before issue 9 only a Doorstroompunt could record a basis ("eigen wettelijke taak"); on a
# Doorstroompunt → gemeente handover that is the named basis law.LEGAL_BASES["dsp_transfer"].
# Any other free text names nothing the law module knows: kept as a note, opening nothing.
BASIS_BY_KIND = {"dsp_gemeente": "dsp_transfer"}


def consents_forward(apps, schema_editor):
    Consent = apps.get_model("handover", "Consent")
    Membership = apps.get_model("organisations", "Membership")
    staff = set(Membership.objects.values_list("user_id", flat=True))
    for consent in Consent.objects.all().iterator():
        consent.given_on = consent.given_at.date()
        # Existing consents are kept. A paper or oral one, and a "digital" one a staff member
        # recorded, has no proof on record: say so instead of inventing one.
        if consent.method != "digital" or consent.recorded_by_id in staff:
            consent.proof_reference = LEGACY_PROOF
        consent.save(update_fields=["given_on", "proof_reference"])


def bases_forward(apps, schema_editor):
    Override = apps.get_model("handover", "LegalBasisOverride")
    named: set[tuple[int, str]] = set()
    for override in Override.objects.select_related("handover").order_by("pk").iterator():
        code = BASIS_BY_KIND.get(override.handover.kind, LEGACY_BASIS)
        if (override.handover_id, code) in named:
            code = LEGACY_BASIS  # one named basis per handover; a second text stays a note
        if code != LEGACY_BASIS:
            named.add((override.handover_id, code))
        override.note, override.basis = override.basis, code
        override.save(update_fields=["note", "basis"])


def bases_backward(apps, schema_editor):
    Override = apps.get_model("handover", "LegalBasisOverride")
    for override in Override.objects.all().iterator():
        override.basis = override.note or override.basis
        override.save(update_fields=["basis"])


class Migration(migrations.Migration):

    dependencies = [
        ("handover", "0003_notification_support_request_and_more"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="consent",
            name="given_on",
            field=models.DateField(default=datetime.date(2026, 1, 1),
                                   verbose_name="toestemming gegeven op"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="consent",
            name="proof_reference",
            field=models.CharField(blank=True, max_length=200, verbose_name="bewijs"),
        ),
        migrations.AlterField(
            model_name="consent",
            name="given_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="vastgelegd op"),
        ),
        migrations.AlterField(
            model_name="consent",
            name="method",
            field=models.CharField(choices=[("digital", "Digitaal in Mijn Route27"),
                                            ("paper", "Op papier, ondertekend"),
                                            ("verbal", "Mondeling")],
                                   max_length=10, verbose_name="manier"),
        ),
        migrations.AddField(
            model_name="legalbasisoverride",
            name="note",
            field=models.TextField(blank=True, verbose_name="toelichting"),
        ),
        migrations.RunPython(consents_forward, migrations.RunPython.noop),
        migrations.RunPython(bases_forward, bases_backward),
        migrations.AlterField(
            model_name="legalbasisoverride",
            name="basis",
            field=models.CharField(max_length=30, verbose_name="grondslag"),
        ),
        migrations.AlterModelOptions(
            name="legalbasisoverride",
            options={"ordering": ["recorded_at", "id"],
                     "verbose_name": "wettelijke grondslag zonder toestemming",
                     "verbose_name_plural": "wettelijke grondslagen zonder toestemming"},
        ),
        migrations.AddConstraint(
            model_name="consent",
            constraint=models.CheckConstraint(
                condition=Q(method="digital") | ~Q(proof_reference=""),
                name="consent_on_paper_or_oral_has_proof"),
        ),
        migrations.AddConstraint(
            model_name="legalbasisoverride",
            constraint=models.UniqueConstraint(
                condition=~Q(basis="legacy"), fields=("handover", "basis"),
                name="one_legal_basis_per_handover"),
        ),
    ]

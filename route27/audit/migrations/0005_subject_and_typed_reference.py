"""Give every existing audit row its subject youth and a typed object reference (ADR 0009).

Before, ``object_id`` held the youth's id for rows about a trajectory, handover, support request,
contact person or portal account (the object itself sat in ``detail``). Now ``object_id`` is the
object's own id and ``subject`` the youth. Refused attempts keep no subject: nothing was read.
The append-only guard is lifted for this one rewrite and put back in the same transaction.
"""

from django.db import migrations

from route27.core.db import append_only

TABLE = "audit_auditentry"
# object type → key in ``detail`` that held the object's own id while object_id held the youth.
OWN_ID_IN_DETAIL = {"trajectory": "trajectory", "handover": "handover",
                    "support_request": "support_request"}


def forward(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    Youth = apps.get_model("youth", "Youth")
    Signal = apps.get_model("signals", "Signal")
    ContactAssignment = apps.get_model("youth", "ContactAssignment")
    PortalAccount = apps.get_model("portal", "PortalAccount")
    youth_ids = {str(public_id): pk for public_id, pk in
                 Youth.objects.values_list("public_id", "pk").iterator(chunk_size=5000)}
    signal_youth = {str(public_id): youth_id for public_id, youth_id in
                    Signal.objects.values_list("public_id", "youth_id").iterator(chunk_size=5000)}

    append_only.remove(schema_editor.connection, TABLE)
    rows = (AuditEntry.objects.exclude(action="denied")
            .exclude(object_type__in=["view", "caseload", "leavers_import"])
            .order_by("id"))
    for entry in rows.iterator(chunk_size=2000):
        subject, object_id = None, entry.object_id
        detail = entry.detail or {}
        if entry.object_type == "signal":
            subject = signal_youth.get(entry.object_id)
        else:
            subject = youth_ids.get(entry.object_id)
        own_key = OWN_ID_IN_DETAIL.get(entry.object_type)
        if own_key and detail.get(own_key):
            object_id = str(detail[own_key])
        elif entry.object_type == "contact_assignment" and subject:
            assignment = (ContactAssignment.objects.filter(youth_id=subject,
                                                           started_at__lte=entry.occurred_at)
                          .order_by("-started_at").first())
            object_id = str(assignment.pk) if assignment else ""
        elif entry.object_type == "portal_account" and subject:
            account = PortalAccount.objects.filter(
                youth_id=subject, user__username=detail.get("user", "")).first()
            object_id = str(account.pk) if account else ""
        if subject is not None or object_id != entry.object_id:
            AuditEntry.objects.filter(pk=entry.pk).update(subject_id=subject, object_id=object_id)
    append_only.install(schema_editor.connection, TABLE)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_auditentry_subject_and_more"),
        ("youth", "0001_initial"),
        ("signals", "0001_initial"),
        ("portal", "0001_initial"),
        ("handover", "0003_notification_support_request_and_more"),
    ]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]

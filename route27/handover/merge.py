"""A merge of two files of one person moves the handovers and support requests of the merged
file, with their overgangsdocument and consent, to the kept file (``youth.merge``, ADR 0011)."""

from route27.youth.merge import MERGE_MOVERS, FieldMover

MERGE_MOVERS.register(FieldMover("handover.handover", "handover.Handover"))
MERGE_MOVERS.register(FieldMover("handover.support_request", "handover.SupportRequest"))

"""A merge of two files of one person moves the merged file's appointments to the kept file
(``youth.merge``, ADR 0011); an undo moves them back."""

from route27.youth.merge import MERGE_MOVERS, FieldMover

MERGE_MOVERS.register(FieldMover("appointments.appointment", "appointments.Appointment"))

"""The overgangsdocument as a PDF (WeasyPrint): the youth's own words first, then the school's
part with possibilities before barriers (S0 §4.2, §5 "ontwikkelmogelijkheden"; youth said a
paper document felt like a "strafblad", S0 §9).

``render_document_pdf`` is pure (no audit, no access check); the view decides which blocks the
reader may see and logs the export.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from route27 import law
from route27.audit.models import AuditAction
from route27.casefile.services import record_audit
from route27.casefile.vocabularies import SCHOOL_TYPE_OF
from route27.core.access import access_policy
from route27.core.pdf import render_pdf
from route27.core.shortcuts import found_or_404
from route27.handover import selectors
from route27.handover.models import Handover
from route27.handover.templates_default import SCHOOL, YOUTH
from route27.handover.workflow import RECEIVER, SENDER

FILENAME = "overgangsdocument.pdf"  # never a name or BSN in the file name

# Blocks that describe what the youth can (possibilities) come first in the school part.
POSSIBILITY_BLOCKS = ("opleiding", "mogelijkheden")


def _school_part_order(blocks: list[dict]) -> list[dict]:
    """Possibilities before barriers; otherwise the regional format's order (stable sort)."""
    return sorted(blocks, key=lambda b: 0 if b.get("possibilities") or
                  b["key"] in POSSIBILITY_BLOCKS else 1)


def _rendered_block(block: dict, content: dict, *, visible: bool, withdrawn: bool) -> dict:
    values = content.get(block["key"]) or {}
    fields = [{"label": f["label"], "text": str(values.get(f["key"], "")).strip()}
              for f in block["fields"]]
    return {"key": block["key"], "title": block["title"], "visible": visible,
            "withdrawn": withdrawn, "fields": [f for f in fields if f["text"]]}


def aftercare(handover: Handover) -> dict | None:
    """The former school's aftercare period (S0 §4.2 tabel 1), or None for non-schools and
    schools without one (vo)."""
    school_type = SCHOOL_TYPE_OF.get(handover.sender.type)
    if school_type not in law.SCHOOL_GUIDANCE_YEARS:
        return None
    until = law.school_guidance_until(school_type, left_on=handover.school_left_on,
                                      diploma_on=handover.diploma_on)
    return {"until": until, "school_type": school_type}


def render_document_pdf(*, handover: Handover, visible_block_keys: Iterable[str],
                        withdrawn_block_keys: Iterable[str] = ()) -> bytes:
    """The overgangsdocument as PDF bytes, showing only ``visible_block_keys``.

    ``withdrawn_block_keys`` are shown as "Ingetrokken"; other blocks are left out.
    """
    document = handover.document
    visible, withdrawn = set(visible_block_keys), set(withdrawn_block_keys) - \
        set(visible_block_keys)

    def part(name: str) -> list[dict]:
        return [_rendered_block(b, document.content, visible=b["key"] in visible,
                                withdrawn=b["key"] in withdrawn)
                for b in document.blocks
                if b.get("part") == name and (b["key"] in visible or b["key"] in withdrawn)]

    return render_pdf("handover/pdf/document.html", {
        "handover": handover, "youth": handover.youth,
        "youth_part": part(YOUTH), "school_part": _school_part_order(part(SCHOOL)),
        "aftercare": aftercare(handover), "generated_on": timezone.localdate(),
    })


@require_GET
@access_policy("handover.view_handover")
def handover_pdf(request, public_id):
    """Download the overgangsdocument: the sender sees every block, the receiver the consented
    ones (withdrawn ones as "Ingetrokken"); anybody else gets 404 (audited as denied)."""
    handover = found_or_404(selectors.handover_get, user=request.user, public_id=public_id)
    side = selectors.side_of(request.user, handover)
    document = handover.document
    if side == SENDER:
        visible, withdrawn = [b["key"] for b in document.blocks], []
    elif side == RECEIVER:
        visible = selectors.visible_blocks(document=document, receiver_id=handover.receiver_id)
        withdrawn = selectors.withdrawn_blocks(document=document,
                                               receiver_id=handover.receiver_id)
    else:  # pragma: no cover - handover_get only returns handovers of one of both sides
        raise Http404
    pdf = render_document_pdf(handover=handover, visible_block_keys=visible,
                              withdrawn_block_keys=withdrawn)
    record_audit(actor=request.user, youth=handover.youth, about=handover,
                 action=AuditAction.EXPORT,
                 detail={"format": "pdf", "side": side, "blocks": sorted(visible)})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    response["Cache-Control"] = "no-store"
    return response

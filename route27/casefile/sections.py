"""The youth file page, assembled from the sections that apps register.

The youth app owns the page (``youth:detail``) but does not know what the apps above it show:
each app registers its sections in its ``AppConfig.ready()``::

    sections.register(sections.FileSection(
        key="plan", order=60, template="trajectories/file/sections/plan.html",
        context=file_context, nav_label=_("Plan"),
        permission="trajectories.view_trajectory", shown=has_trajectory))

:func:`assemble` builds the page for one request: the registered sections by ``order`` (then
``key``), without those whose ``permission`` the user lacks; each distinct ``context`` callable is
called once, ``context(request, youth) -> dict`` (sections that share a callable share its result,
so the page's query count stays bounded); a section whose ``shown(context)`` is false is left
out. The table of contents lists the sections with a ``nav_label`` and stands before the first of
them, when there are at least two places to go. The youth template renders every section with
``{% file_section shown %}`` (``casefile`` template tags): the page's context with the section's
own on top, so two apps' context keys never collide.

A ``summary`` section (the file at a glance, issue 11) reads the facts of every section shown on
the page — its own context on top of theirs — so it names the next appointment or the linked
handover without reading them a second time; each shown section's ``glance`` template (items of
the summary's data list) is listed for it as ``glance_templates``, so an app above the summary's
adds its facts without the summary naming that app. A section with a ``nav_label`` is a block
the page folds (``<details>``) under its label: any block is one click away, and the youth page
leaves the table of contents out, since the folded labels list the blocks already.

A ``lazy`` section is read when it is opened, not with the page: the page renders its folded
label, and opening it fetches ``youth:file_block`` (htmx; without JavaScript the label's link
opens the block on a page of its own). Its ``shown`` is asked on the facts of the page's other
sections, and its ``context`` runs only in that request (:func:`assemble_one`). So a block with
rows of its own costs the file page nothing until a coach opens it (issue 12).

Orders in use: essentials and alerts 10, timeline 20, the trajectory's blocks 30–110, personal
details 900, guardians 910.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

ContextFunction = Callable[[HttpRequest, Any], dict]


def always(context: dict) -> bool:
    return True


@dataclass(frozen=True)
class FileSection:
    """One part of the file page.

    ``template`` renders it; ``context`` gives the variables it needs besides ``youth`` (none when
    ``None``); ``nav_label`` puts it in the table of contents, linking to ``#anchor`` (the id of
    the section's element, default ``key``); ``permission`` (a ``rules`` permission) hides it,
    and skips its context, for a user without it; ``shown(context)`` hides it when there is
    nothing to show (no trajectory, say).
    """

    key: str
    order: int
    template: str
    context: ContextFunction | None = None
    nav_label: Any = ""
    anchor: str = ""
    permission: str = ""
    shown: Callable[[dict], bool] = always
    summary: bool = False
    glance: str = ""
    lazy: bool = False

    @property
    def target(self) -> str:
        return self.anchor or self.key


@dataclass(frozen=True)
class ShownSection:
    """A section on one request's page, with its context."""

    section: FileSection
    context: dict


TABLE_OF_CONTENTS = FileSection(key="toc", order=0, template="casefile/file/toc.html")

_SECTIONS: dict[str, FileSection] = {}


def register(section: FileSection) -> FileSection:
    """Add a section to the file page; a key is registered once (again with the same section is
    a no-op)."""
    known = _SECTIONS.get(section.key)
    if known is not None and known != section:
        raise ImproperlyConfigured(f"file section {section.key!r} is already registered")
    _SECTIONS[section.key] = section
    return section


_PREFETCHES: dict[str, Any] = {}


def register_prefetch(lookup: str, prefetch) -> None:
    """A relation of the youth the file page reads once, for every section and the write
    checks (a ``Prefetch``, keyed by its lookup; the app that owns the relation builds it)."""
    _PREFETCHES[lookup] = prefetch


def prefetches() -> tuple:
    return tuple(_PREFETCHES.values())


def unregister(key: str) -> None:
    """Take a section off the page (for tests)."""
    _SECTIONS.pop(key, None)


def sections() -> list[FileSection]:
    """Every registered section, in page order."""
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))


def assemble_one(request: HttpRequest, youth, key: str) -> ShownSection | None:
    """One section with its own context (a lazy block opened on the file page), or None when
    there is no such section, the user lacks its permission or it has nothing to show."""
    section = _SECTIONS.get(key)
    if section is None or (section.permission and not request.user.has_perm(section.permission)):
        return None
    context = section.context(request, youth) if section.context is not None else {}
    return ShownSection(section, context) if section.shown(context) else None


def assemble(request: HttpRequest, youth) -> list[ShownSection]:
    """The sections this user sees on this youth's file, in order, with their context and the
    table of contents. The caller has already found (and audited) the youth."""
    allowed: dict[str, bool] = {}
    contexts: dict[ContextFunction, dict] = {}
    permitted = []
    for section in sections():
        if section.permission:
            if section.permission not in allowed:
                allowed[section.permission] = request.user.has_perm(section.permission)
            if not allowed[section.permission]:
                continue
        permitted.append(section)
    for section in permitted:
        if not section.lazy and section.context is not None and section.context not in contexts:
            contexts[section.context] = section.context(request, youth)
    facts: dict = {}
    for computed in contexts.values():
        facts.update(computed)
    shown: list[ShownSection] = []
    for section in permitted:
        if section.lazy:
            if section.shown(facts):
                shown.append(ShownSection(section, {"lazy": True}))
            continue
        context = contexts[section.context] if section.context is not None else {}
        if section.shown(context):
            shown.append(ShownSection(section, context))
    if any(s.section.summary for s in shown):
        facts["glance_templates"] = [s.section.glance for s in shown if s.section.glance]
        shown = [ShownSection(s.section, {**facts, **s.context}) if s.section.summary else s
                 for s in shown]
    listed = [s.section for s in shown if s.section.nav_label]
    if len(listed) > 1:
        first = next(i for i, s in enumerate(shown) if s.section.nav_label)
        shown.insert(first, ShownSection(TABLE_OF_CONTENTS, {"file_nav": listed}))
    return shown

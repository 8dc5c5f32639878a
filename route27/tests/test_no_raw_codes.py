"""No raw codes and no English on Dutch pages (issue 11 §6).

Every page without arguments, and every page of one object of each kind, is rendered as every
principal of the access matrix (each role, the youth and a parent in the portal, a superuser);
the visible text (no tags, attributes, scripts or styles) must hold no snake_case value (a code
such as ``dsp_gemeente`` shown instead of its label) and none of a short list of common English
words. A failure names the page, the principal and the words.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from route27.casefile.sections import sections as file_sections
from route27.tests.test_access_matrix import ROWS, _url, _world, routes

pytestmark = pytest.mark.django_db

SNAKE_CASE = re.compile(r"\b[a-z]+_[a-z_]+\b")
ENGLISH = re.compile(r"\b(?:the|and|with|your|please|cancel|submit|delete|search|required|"
                     r"error|previous|None|True|False|Save|Edit|Back|Next|Page|Home)\b")
# Not read: scripts and the like, and <code> (a column name the user types, shown as code).
HIDDEN = {"script", "style", "template", "noscript", "title", "code"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def problems_of(text: str) -> list[str]:
    text = re.sub(r"\S+@\S+|https?://\S+|/\S*/", " ", text)  # addresses and paths
    return sorted({*SNAKE_CASE.findall(text), *ENGLISH.findall(text)})


def test_the_checker_finds_codes_and_english():
    html = ('<p title="raw_code">Status: dsp_gemeente, the next one</p><script>var a_b;</script>'
            '<a href="/x_y/">Verder</a> <code>kolom_naam</code>')
    assert problems_of(visible_text(html)) == ["dsp_gemeente", "the"]


def test_no_raw_codes_or_english_on_any_page_for_any_role():
    world = _world()
    pages: list[tuple[str, str]] = []
    for route in routes():
        if route.name not in ROWS or route.name.startswith(":") and "api" in route.pattern:
            continue
        kind = ROWS[route.name]
        if kind is None:
            if "<" not in route.pattern:
                pages.append((route.name, _url(route, None)))
        else:
            urls = [_url(route, obj) for obj in world.objects[kind]]
            if route.name == "youth:file_block":  # every block the file reads when opened
                urls = [url.replace("/blok/plan/", f"/blok/{section.key}/") for url in urls
                        for section in file_sections() if section.lazy]
            pages += [(route.name, url) for url in urls]
    found: list[str] = []
    rendered = 0
    for name, user in world.principals.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        for route_name, url in pages:
            if url.startswith("/api/") or route_name in (":logout", ":set_language"):
                continue
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response.get(
                    "Content-Type", ""):
                continue
            rendered += 1
            bad = problems_of(visible_text(response.content.decode()))
            if bad:
                found.append(f"{name} {url} ({route_name}): {', '.join(bad)}")
    assert rendered > 150, f"only {rendered} pages rendered"
    assert not found, "ruwe codes of Engels op Nederlandse pagina's:\n" + "\n".join(found)


@pytest.mark.django_db
def test_no_raw_codes_or_english_in_the_demo_for_any_demo_account():
    """The demo as its accounts see it: every page without arguments, and the file, the
    trajectory, a handover, a support request and a signal each account may open (the first it
    can see)."""
    from django.core.management import call_command

    from route27.demo.loader import demo_accounts
    from route27.handover.models import SupportRequest
    from route27.handover.selectors import handovers_visible_to
    from route27.organisations.models import User
    from route27.signals.selectors import signals_visible_to
    from route27.youth.selectors import youth_visible_to

    call_command("load_reference_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    plain = [_url(route, None) for route in routes() if ROWS.get(route.name, "x") is None
             and "<" not in route.pattern and route.name not in (":logout", ":set_language")]
    found: list[str] = []
    rendered, files = 0, 0
    for account in demo_accounts()["accounts"]:
        user = User.objects.get(username=account["username"])
        client = Client()
        client.force_login(user)
        urls = [u for u in plain if not u.startswith("/api/")]
        person = youth_visible_to(user).filter(trajectories__isnull=False).first()
        if person is not None:
            urls.append(f"/jongeren/{person.public_id}/")
        urls += [f"/overdracht/{h.public_id}/" for h in handovers_visible_to(user)[:2]]
        urls += [f"/overdracht/ondersteuning/{r.public_id}/" for r in SupportRequest.objects
                 .filter(receiver__teams__memberships__user=user)[:1]]
        urls += [f"/signalen/{s.public_id}/" for s in signals_visible_to(user)[:1]]
        for url in urls:
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response.get(
                    "Content-Type", ""):
                continue
            rendered += 1
            files += url.startswith("/jongeren/") and url.count("/") == 3
            bad = problems_of(visible_text(response.content.decode()))
            if bad:
                found.append(f"{user.username} {url}: {', '.join(bad)}")
    assert rendered > 60 and files > 3, (rendered, files)
    assert not found, "ruwe codes of Engels in de demo:\n" + "\n".join(found)

"""The file page is assembled from the sections apps register (``casefile.sections``)."""

import copy

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from route27.casefile import sections
from route27.casefile.sections import FileSection
from route27.trajectories.tests.factories import TrajectoryFactory

# A section another app would register: a template and its own context.
OUTREACH_TEMPLATE = ('<section id="outreach" class="r27-block"><h2>Outreach</h2>'
                     '<p>{{ greeting }} {{ youth.given_names }}</p></section>')


@pytest.fixture
def outreach_template(settings, tmp_path):
    (tmp_path / "outreach").mkdir()
    (tmp_path / "outreach" / "file_section.html").write_text(OUTREACH_TEMPLATE)
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates
    return "outreach/file_section.html"


@pytest.fixture
def registered():
    """Register sections for one test; the page's own sections stay as they are."""
    keys = []

    def register(section):
        keys.append(section.key)
        return sections.register(section)

    yield register
    for key in keys:
        sections.unregister(key)


def test_every_app_section_is_registered_in_page_order():
    keys = [s.key for s in sections.sections()]
    assert keys[:2] == ["essentials", "timeline"]
    assert keys[-2:] == ["personal", "guardians"]
    assert keys.index("intake") < keys.index("plan") < keys.index("aftercare")


def test_a_key_is_registered_once(registered):
    section = registered(FileSection(key="outreach_test", order=55, template="x.html"))
    assert sections.register(section) is section  # the same again: no-op
    with pytest.raises(ImproperlyConfigured, match="outreach_test"):
        sections.register(FileSection(key="outreach_test", order=56, template="y.html"))


@pytest.mark.django_db
def test_an_app_registers_a_section_and_it_appears_on_the_file_page(
        coach_client, team, outreach_template, registered):
    trajectory = TrajectoryFactory(youth__team=team, team=team)
    calls = []

    def outreach_context(request, youth):
        calls.append(youth)
        return {"greeting": "Hallo"}

    registered(FileSection(key="outreach_test", order=55, template=outreach_template,
                           context=outreach_context, nav_label="Outreach", anchor="outreach"))
    page = coach_client.get(f"/jongeren/{trajectory.youth.public_id}/").content.decode()

    assert f"<p>Hallo {trajectory.youth.given_names}</p>" in page
    assert calls == [trajectory.youth]
    # In its place by order (contact 50, plan 60), folded under its label (issue 11).
    assert page.index('id="contact"') < page.index('id="outreach"') < page.index('id="plan"')
    assert page.index('id="blok-contact"') < page.index('id="blok-outreach"') < page.index(
        'id="blok-plan"')
    assert '<summary class="r27-fold__summary">Outreach</summary>' in page


@pytest.mark.django_db
def test_a_section_without_permission_is_left_out_and_its_context_not_read(
        coach_client, team, outreach_template, registered):
    trajectory = TrajectoryFactory(youth__team=team, team=team)

    def refused(request, youth):
        raise AssertionError("the context of a section the user may not see is not read")

    registered(FileSection(key="outreach_test", order=55, template=outreach_template,
                           context=refused, permission="organisations.manage_organisations"))
    page = coach_client.get(f"/jongeren/{trajectory.youth.public_id}/").content.decode()
    assert 'id="outreach"' not in page and 'id="plan"' in page


@pytest.fixture
def assemble_only(monkeypatch, coach):
    """Assemble a page of just these sections, for the coach."""

    def assemble(*page):
        monkeypatch.setattr(sections, "_SECTIONS", {})
        for section in page:
            sections.register(section)
        request = RequestFactory().get("/")
        request.user = coach
        return sections.assemble(request, youth=None)

    return assemble


@pytest.mark.django_db
def test_sections_sharing_a_context_read_it_once_and_can_hide(assemble_only):
    calls = []

    def shared(request, youth):
        calls.append(1)
        return {"items": []}

    shown = assemble_only(
        FileSection(key="a", order=1, template="a.html", context=shared, nav_label="A"),
        FileSection(key="b", order=2, template="b.html", context=shared, nav_label="B",
                    shown=lambda ctx: bool(ctx["items"])),
        FileSection(key="c", order=3, template="c.html", nav_label="C"),
    )
    assert calls == [1]
    assert [s.section.key for s in shown] == ["toc", "a", "c"]
    assert [s.target for s in shown[0].context["file_nav"]] == ["a", "c"]


@pytest.mark.django_db
def test_the_table_of_contents_needs_two_places_and_stands_before_the_first(assemble_only):
    header = FileSection(key="header", order=1, template="h.html")
    one = assemble_only(header, FileSection(key="a", order=2, template="a.html", nav_label="A"))
    assert [s.section.key for s in one] == ["header", "a"]
    two = assemble_only(header,
                        FileSection(key="a", order=2, template="a.html", nav_label="A"),
                        FileSection(key="b", order=3, template="b.html", nav_label="B"))
    assert [s.section.key for s in two] == ["header", "toc", "a", "b"]

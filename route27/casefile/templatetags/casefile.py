"""``{% file_section shown %}``: one section of the youth file page (see ``casefile.sections``)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def file_section(context, shown):
    """Render the section's template with the page's context and the section's own on top."""
    section_template = context.template.engine.get_template(shown.section.template)
    with context.push(shown.context):
        return section_template.render(context)

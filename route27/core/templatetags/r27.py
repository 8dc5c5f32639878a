from django import template
from django.forms import widgets

register = template.Library()

_CLASSES = {
    widgets.Select: "utrecht-select utrecht-select--html-select",
    widgets.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    widgets.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
}


@register.simple_tag
def field_widget(field):
    """Render a widget with Utrecht classes and the ARIA links to its help text and errors."""
    widget = field.field.widget
    css = next((c for cls, c in _CLASSES.items() if isinstance(widget, cls)),
               "utrecht-textbox utrecht-textbox--html-input")
    described = []
    attrs = {"class": css}
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
        attrs["class"] += " utrecht-textbox--invalid utrecht-select--invalid"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)

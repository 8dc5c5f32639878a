"""HTML to PDF with WeasyPrint, offline: the bundled Noto Sans fonts and nothing else may be
loaded (no network, no other files). Pure: the caller checks access and audits the export."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

FONT_DIR = Path(settings.BASE_DIR) / "route27" / "core" / "static" / "vendor" / "fonts"


def _fonts_only_fetcher():
    from weasyprint.urls import URLFetcher

    prefix = FONT_DIR.as_uri() + "/"

    class FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith(prefix) or ".." in url:
                raise ValueError("Only the bundled fonts may be loaded in the PDF.")
            return super().fetch(url, headers)

    return FontsOnly(allowed_protocols=("file",))


def fonts() -> dict[str, str]:
    """The font files for ``@font-face`` (``fonts.400_normal`` and so on in a template)."""
    return {name.replace("-", "_"): (FONT_DIR / f"noto-sans-latin-{name}.woff2").as_uri()
            for name in ("400-normal", "700-normal", "400-italic")}


def render_pdf(template: str, context: dict) -> bytes:
    """Render ``template`` in Dutch with ``fonts`` in its context, as PDF bytes."""
    from weasyprint import HTML

    with translation.override("nl"):
        html = render_to_string(template, {**context, "fonts": fonts()})
    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/",
                url_fetcher=_fonts_only_fetcher()).write_pdf()

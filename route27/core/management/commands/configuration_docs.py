from django.core.management.base import BaseCommand

from route27.core.env import REGISTRY

HEADER = """# Configuration

Route27 reads its settings **only from environment variables**. This page is generated from the
code (`python manage.py configuration_docs > docs/configuration.md`); a test fails when a variable
is missing here.

Without any variable set, Route27 runs in demo mode on SQLite (`make run`). For production set at
least `DJANGO_SECRET_KEY`, `DJANGO_ALLOWED_HOSTS`, `POSTGRES_*`, `ROUTE27_DEMO_MODE=false`,
`ROUTE27_SECURE_COOKIES=true` and `ROUTE27_STATIC_MANIFEST=true` (after `collectstatic`).

| name | default | meaning |
| --- | --- | --- |
"""


def _default(value) -> str:
    if isinstance(value, list):
        value = ",".join(value)
    if isinstance(value, bool):
        value = "true" if value else "false"
    return f"`{value}`" if value not in ("", None) else "(empty)"


class Command(BaseCommand):
    help = "Schrijf de tabel met omgevingsvariabelen (docs/configuration.md) naar stdout."

    def handle(self, *args, **options):
        rows = [f"| `{s.name}` | {_default(s.default)} | {s.help_text} |"
                for s in sorted(REGISTRY.values(), key=lambda s: s.name)]
        self.stdout.write(HEADER + "\n".join(rows) + "\n")

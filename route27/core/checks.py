from django.conf import settings
from django.core.checks import Error, Tags, register

DEFAULT_SECRET = "insecure-development-key-change-me"


@register(Tags.security, deploy=True)
def production_settings(app_configs, **kwargs):
    """`manage.py check --deploy` refuses a production set-up with demo defaults."""
    errors = []
    if settings.SECRET_KEY == DEFAULT_SECRET:
        errors.append(Error("DJANGO_SECRET_KEY is niet gezet.", id="route27.E001"))
    if settings.DEMO_MODE:
        errors.append(Error("ROUTE27_DEMO_MODE staat aan: de inlogpagina toont demo-accounts.",
                            id="route27.E002"))
    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        errors.append(Error("Gebruik PostgreSQL in productie (POSTGRES_DB).", id="route27.E003"))
    return errors

"""Route27 settings. Read from the environment only: see docs/configuration.md."""

from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from route27.core.env import config

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = config("DJANGO_DEBUG", False, help_text="Show Django debug pages. Never in production.")
SECRET_KEY = config(
    "DJANGO_SECRET_KEY",
    "insecure-development-key-change-me",
    help_text="Secret for signing sessions and tokens. Must be set in production.",
)
ALLOWED_HOSTS = config(
    "DJANGO_ALLOWED_HOSTS",
    ["127.0.0.1", "localhost", "testserver"],
    help_text="Comma-separated host names this server answers for.",
)
CSRF_TRUSTED_ORIGINS = config(
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    [],
    help_text="Comma-separated origins (https://host) trusted for unsafe requests behind a proxy.",
)
DEMO_MODE = config(
    "ROUTE27_DEMO_MODE",
    True,
    help_text="Demo mode: the login page lists the demo accounts. Switch off in production.",
)
SECURE_COOKIES = config(
    "ROUTE27_SECURE_COOKIES",
    False,
    help_text="Send session and CSRF cookies over HTTPS only and enable HSTS. On in production.",
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "route27.core",
    "route27.audit",
    "route27.casefile",
    "route27.organisations",
    "route27.youth",
    "route27.trajectories",
    "route27.signals",
    "route27.handover",
    "route27.appointments",
    "route27.portal",
    "route27.casework",
    "route27.outreach",
    "route27.monitoring",
    "route27.programme",
    "route27.demo",
    "route27.scale",
    "route27.home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "route27.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "route27.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "route27.core.middleware.ApiVersionMiddleware",
    "route27.core.middleware.AccessPolicyMiddleware",
]

ROOT_URLCONF = "route27.conf.urls"
WSGI_APPLICATION = "route27.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "route27.core.context_processors.route27",
            ],
        },
    },
]

# --- Database: SQLite by default, PostgreSQL when POSTGRES_DB is set -----------------------------
POSTGRES_DB = config("POSTGRES_DB", "", help_text="PostgreSQL database name. Empty: use SQLite.")
_POSTGRES = {
    "USER": config("POSTGRES_USER", "route27", help_text="PostgreSQL user."),
    "PASSWORD": config("POSTGRES_PASSWORD", "", help_text="PostgreSQL password."),
    "HOST": config("POSTGRES_HOST", "127.0.0.1", help_text="PostgreSQL host."),
    "PORT": config("POSTGRES_PORT", "5432", help_text="PostgreSQL port."),
    "CONN_MAX_AGE": config(
        "POSTGRES_CONN_MAX_AGE", 60, help_text="Seconds to keep a database connection open."
    ),
}
SQLITE_PATH = config(
    "SQLITE_PATH",
    "db.sqlite3",
    help_text="SQLite file (relative to the repository) used when POSTGRES_DB is empty.",
)
if POSTGRES_DB:
    DATABASES = {
        "default": {"ENGINE": "django.db.backends.postgresql", "NAME": POSTGRES_DB, **_POSTGRES}
    }
else:
    # The task worker writes beside the web server (core.jobs): in WAL mode pages keep reading
    # while an import commits, and a write waits for it instead of failing after 5 s.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / SQLITE_PATH,
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 60,
            },
        }
    }
    # The event table's covering indexes (INCLUDE) serve PostgreSQL at national size; the
    # zero-set-up SQLite keeps their key columns, which is all a small database needs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisations.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "route27.core.auth.PasswordBackend",
]

# --- Language: Dutch first, English available ----------------------------------------------------
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LANGUAGE_CODE = config(
    "ROUTE27_DEFAULT_LANGUAGE", "nl",
    help_text="Language of every page until the user picks another with the language switch "
              "(`nl` or `en`); the browser's Accept-Language is not followed.")
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files (WhiteNoise, no CDN) -----------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_MANIFEST = config(
    "ROUTE27_STATIC_MANIFEST",
    False,
    help_text="Serve hashed, compressed static files; requires `manage.py collectstatic` first.",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

# --- Security -------------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = config(
    "ROUTE27_SESSION_SECONDS", 8 * 3600, help_text="Session lifetime in seconds (a working day)."
)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_HSTS_SECONDS = 31536000 if SECURE_COOKIES else 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

ROUTE27_SELF_REGISTRATION_PER_HOUR = config(
    "ROUTE27_SELF_REGISTRATION_PER_HOUR",
    5,
    help_text="Self-registrations (/aanmelden/) accepted per client IP per hour.",
)
ROUTE27_INTAKE_ESCALATION_WORKING_DAYS = config(
    "ROUTE27_INTAKE_ESCALATION_WORKING_DAYS",
    10,
    help_text="Working days a signal may wait in the intake queue before the team lead's home "
    "page marks it as overdue (escalation norm).",
)
ROUTE27_AGE_ALERT_DAYS = config(
    "ROUTE27_AGE_ALERT_DAYS",
    60,
    help_text="Days ahead the coach's home page lists a youth turning 16, 18, 23 or 27.",
)
ROUTE27_MERGE_UNDO_DAYS = config(
    "ROUTE27_MERGE_UNDO_DAYS",
    30,
    help_text="Days within which a functional administrator can undo a merge of two files.",
)
ROUTE27_HANDOVER_ACK_WORKING_DAYS = config(
    "ROUTE27_HANDOVER_ACK_WORKING_DAYS",
    5,
    help_text="Working days within which a receiving organisation should acknowledge a handover; "
    "after that it stands out as overdue on the task list and in the daily digest.",
)
ROUTE27_REAPPROACH_DAYS = config(
    "ROUTE27_REAPPROACH_DAYS",
    90,
    help_text="Days after a trajectory stopped early (not reachable, no support wanted, other) "
    "before the youth comes back on the re-approach list (issue 13 §7).",
)
ROUTE27_STATUS_CONFIRM_MONTHS = config(
    "ROUTE27_STATUS_CONFIRM_MONTHS",
    6,
    help_text="Months after which a school leaver's status counts as not confirmed on the "
    "status list and goes to the outreach worklist (issue 13 §6).",
)
ROUTE27_CASE_MEETING_ACCESS_DAYS = config(
    "ROUTE27_CASE_MEETING_ACCESS_DAYS",
    30,
    help_text="Days after a casusoverleg during which its participants still see the agenda "
    "items, decisions and actions of the youth discussed (ACCESS.md, casusoverleg), and their "
    "organisation counts as involved.",
)
ROUTE27_FIGURE_CACHE = config(
    "ROUTE27_FIGURE_CACHE",
    True,
    help_text="Keep the results dashboard's figures of past reference dates and periods per "
    "municipality until a late event, a move or a merge changes them (ADR 0019); off: every "
    "page counts the ledger anew (the bench's uncached column).",
)
ROUTE27_PROGRAMME_OVERHEAD_WARNING_PERCENT = config(
    "ROUTE27_PROGRAMME_OVERHEAD_WARNING_PERCENT",
    10,
    help_text="Share of a regional programme's budget (coordination, administration, financial "
    "management, audit) above which the budget shows a warning; the Regeling sets no limit, so "
    "the regions choose (issue 15).",
)
ROUTE27_PROGRAMME_REMINDER_DAYS = config(
    "ROUTE27_PROGRAMME_REMINDER_DAYS",
    30,
    help_text="Days before a date of the regional programme's calendar (subsidy application, "
    "decision, amended application, effectrapportage) from which the workspace and the home "
    "page of the region's keepers remind them of it (issue 15).",
)
ROUTE27_EFFECT_REPORT_DUE = config(
    "ROUTE27_EFFECT_REPORT_DUE",
    "07-01",
    help_text="Month and day (MM-DD) in the year after a programme year by which the "
    "contactgemeente hands the effectrapportage to DUO. The seeds give no date (DUO sends the "
    "format before 1 February), so the region sets it to what DUO asks that year.",
)
ROUTE27_AUDIT_RETENTION_MONTHS = config(
    "ROUTE27_AUDIT_RETENTION_MONTHS",
    60,
    help_text="Months the processing log (audit) is kept; on PostgreSQL the daily "
    "`audit_partitions` command drops whole months older than this (ADR 0015). The term is the "
    "municipality's decision with its privacy officer; 60 months is a starting point.",
)
ROUTE27_DEMO_YOUTH_PER_MUNICIPALITY = config(
    "ROUTE27_DEMO_YOUTH_PER_MUNICIPALITY",
    200,
    help_text="Youth the demo data (load_demo_data) creates in each of its three municipalities. "
    "The test suite loads a smaller demo (conftest) so a browser test reloads it quickly.",
)
ROUTE27_PUBLIC_BASE_URL = config(
    "ROUTE27_PUBLIC_BASE_URL",
    "http://localhost:8000",
    help_text="Address of this site as the youth reaches it: the base of the appointment links "
    "in invitations and reminders (ADR 0013).",
)
ROUTE27_APPOINTMENT_LINK_PER_HOUR = config(
    "ROUTE27_APPOINTMENT_LINK_PER_HOUR",
    60,
    help_text="Requests to the youth's appointment links (/afspraak/<token>/) accepted per "
    "client IP per hour.",
)
ROUTE27_SMS_SENDER = config(
    "ROUTE27_SMS_SENDER",
    "",
    help_text="Dotted path to a function send(phone, text) that sends appointment invitations "
    "and reminders by SMS. Empty (default): no SMS; no provider is built in (ADR 0013).",
)

# --- Background tasks: django-tasks with the database backend (worker: manage.py db_worker) -------
# The same database as the application, so SQLite needs no extra service; `make run` starts a
# worker beside runserver (scripts/run-with-worker.sh). Jobs and their progress: core.jobs.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- Mail -----------------------------------------------------------------------------------------
EMAIL_BACKEND = config(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend",
    help_text="Django mail backend; use smtp in production.",
)
DEFAULT_FROM_EMAIL = config(
    "DJANGO_DEFAULT_FROM_EMAIL", "route27@localhost", help_text="Sender address of mail."
)

# --- API (Logius API Design Rules) ----------------------------------------------------------------
API_VERSION = "1.0.0"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "route27.core.api.pagination.PagePagination",
    "DEFAULT_SCHEMA_CLASS": "route27.core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "route27.core.api.problems.problem_exception_handler",
    "PAGE_SIZE": 20,
    "NON_FIELD_ERRORS_KEY": "nonFieldErrors",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Route27 API",
    "DESCRIPTION": (
        "API van Route27 voor de wet Van school naar duurzaam werk.\n\n"
        "Inloggen gaat met de sessiecookie van Route27; stuur bij POST en PUT ook de "
        "CSRF-token mee (cookie `csrftoken` en dezelfde waarde in de header `X-CSRFToken`). "
        "Fouten zijn `application/problem+json` (RFC 9457), met `invalidParams` per veld. "
        "Een BSN staat nooit in een URL: zoeken op BSN gaat met POST `/jongeren/zoeken`."
    ),
    "VERSION": API_VERSION,
    "CONTACT": {
        "name": "Route27",
        "url": "https://github.com/route27/route27",
        "email": "route27@example.org",
    },
    "LICENSE": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"},
    "SERVERS": [{"url": "/api/v1", "description": "Route27 API v1"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SignaalStatusEnum": "route27.signals.models.SignalStatus",
        "ActieStatusEnum": "route27.trajectories.models.PlanAction.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "route27.core.api.schema.adr_postprocess",
    ],
}

# --- Logging: no personal data in logs ------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "route27.core.logging.ScrubPersonalDataFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["scrub"], "formatter": "plain"}
    },
    "root": {
        "handlers": ["console"],
        "level": config("ROUTE27_LOG_LEVEL", "INFO", help_text="Log level of the root logger."),
    },
}

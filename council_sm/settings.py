"""Settings for council_sm, read from the environment.

DATABASE_URL (default: SQLite in the project folder), DJANGO_DEBUG, DJANGO_SECRET_KEY (required when
DEBUG is off), DJANGO_ALLOWED_HOSTS and DJANGO_CSRF_TRUSTED_ORIGINS (comma-separated), the HTTPS
settings (DJANGO_SECURE_SSL_REDIRECT, DJANGO_SECURE_COOKIES, DJANGO_SECURE_PROXY_SSL_HEADER,
DJANGO_HSTS_*), static files (DJANGO_STATIC_ROOT, DJANGO_STATIC_MANIFEST), DJANGO_LOG_LEVEL and
the council's name and contact. docs/deploy.md lists them all with their defaults.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def _proxy_ssl_header(name: str) -> tuple[str, str] | None:
    """Read "X-Forwarded-Proto: https" into Django's ("HTTP_X_FORWARDED_PROTO", "https")."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    header, separator, expected = value.partition(":")
    if not separator or not header.strip() or not expected.strip():
        raise ImproperlyConfigured(f"{name} must look like 'X-Forwarded-Proto: https'")
    return "HTTP_" + header.strip().upper().replace("-", "_"), expected.strip()


DEBUG = _env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    # Development only: a fixed key is acceptable because DEBUG is on and nothing is deployed.
    SECRET_KEY = "dev-only-insecure-key-do-not-deploy"  # noqa: S105

ALLOWED_HOSTS = _env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
# Full origins ("https://socialmedia.example.gov.uk") allowed to POST forms, needed when the
# service is reached through another name or port than the one in Host.
CSRF_TRUSTED_ORIGINS = _env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# HTTPS. Everything is on unless DEBUG is; plain-HTTP runs on loopback (the load test) turn the
# redirect and the secure cookies off explicitly. Behind a load balancer that terminates TLS,
# DJANGO_SECURE_PROXY_SSL_HEADER names the header it sets ("X-Forwarded-Proto: https"); set it
# only when the balancer always overwrites that header, or clients could claim HTTPS.
SECURE_SSL_REDIRECT = _env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# The health check answers over plain HTTP so that a balancer can probe a server directly.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = _proxy_ssl_header("DJANGO_SECURE_PROXY_SSL_HEADER")
SESSION_COOKIE_SECURE = _env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = _env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = _env_bool("DJANGO_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Result pages are named by a random id: never send it to another site in a Referer header.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp 4): only this site's own files; no inline script or
# style, no plugins, no framing. GOV.UK Frontend starts from an external module
# (static/app/js/init.js), so nothing inline is needed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "ninja",
    "formtools",
    "crispy_forms",
    "crispy_forms_gds",
    "axes",
    "council_sm.accounts",
    "council_sm.caselaw",
    "council_sm.assessments",
    "council_sm.records",
    "council_sm.training",
]

MIDDLEWARE = [
    # First, so that every log line of a request, and its response, carry the request id.
    "council_sm.middleware.RequestIdMiddleware",
    # Before the host check and the HTTPS redirect: a balancer probes servers by address.
    "council_sm.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Its request phase runs before any view hook, so before the CSRF check reads an
    # oversized upload to find the token.
    "council_sm.records.middleware.UploadLimitMiddleware",
    "council_sm.accounts.middleware.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its own response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "records:register"
LOGOUT_REDIRECT_URL = "start"

# Signed-in users are signed out after this long without a request; the session cookie lasts
# a working day at most.
SIGNED_IN_IDLE_MINUTES = int(os.environ.get("SIGNED_IN_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = 8 * 60 * 60

# Sign-in throttling (django-axes): five failures lock the username for fifteen minutes. No
# addresses are kept: the lock is on the username, and attempts record a fixed placeholder.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "council_sm.accounts.privacy.no_address"
# axes.W006 asks for the IP address in the lockout: we lock the username alone on purpose, so
# that no visitor's address is stored, and rotating addresses cannot unlock a username.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

ROOT_URLCONF = "council_sm.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "council_sm.context_processors.council",
            ],
        },
    },
]

WSGI_APPLICATION = "council_sm.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=_env_int("DJANGO_CONN_MAX_AGE", 0),
        # With persistent connections, check each one before a request reuses it, so a
        # database restart costs no failed request.
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default: write-ahead logging lets readers run beside a writer, and taking
    # the write lock at the start of a transaction avoids "database is locked" upgrades.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A request waits at most this long for a row or table lock, then fails cleanly (issuing
    # retries a few times) instead of hanging a worker behind a stuck writer.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", f"-c lock_timeout={int(os.environ.get('DATABASE_LOCK_TIMEOUT_MS', '2000'))}"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "council_sm" / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", "") or BASE_DIR / "staticfiles")
# Served by WhiteNoise from STATIC_ROOT, compressed (gzip, and Brotli if installed) and with
# content-hashed names cached for a year. Manifest storage needs `collectstatic` to have run
# (make serve and make bench run it; with DEBUG on, as in make run, {% static %} falls back to
# plain names). The test suite sets DJANGO_STATIC_MANIFEST=false and checks the manifest
# storage separately, in tests/test_static_files.py.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "council_sm.staticfiles.CompressedManifestStaticFilesStorage"
            if _env_bool("DJANGO_STATIC_MANIFEST", default=True)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# A per-process cache holds only derived, disposable data (rendered form fragments); nothing a
# request needs from an earlier request lives here, so any number of app servers can run.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "council-sm",
        "TIMEOUT": 3600,
    }
}

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# The council this installation serves, shown on every page and record.
COUNCIL_NAME = os.environ.get("COUNCIL_NAME", "Example County Council")
COUNCIL_NAME_CY = os.environ.get("COUNCIL_NAME_CY", "Cyngor Sir Enghreifftiol")
COUNCIL_MONITORING_OFFICER_EMAIL = os.environ.get(
    "COUNCIL_MONITORING_OFFICER_EMAIL", "monitoring.officer@example.gov.uk"
)
COUNCIL_MONITORING_OFFICER_PHONE = os.environ.get("COUNCIL_MONITORING_OFFICER_PHONE", "")

# The key that signs records' verification codes. Keep it stable for as long as records must
# verify; it defaults to the secret key, but should be set on its own in production.
RECORD_SIGNING_KEY = os.environ.get("RECORD_SIGNING_KEY", SECRET_KEY)
RECORD_UPLOAD_MAX_BYTES = int(os.environ.get("RECORD_UPLOAD_MAX_BYTES", str(5 * 1024 * 1024)))
RECORD_UPLOAD_MAX_PAGES = 40

# Advice records are kept this many years after their last version was issued, then deleted
# by `manage.py purge_advice_records` (the audit trail keeps that they existed).
ADVICE_RECORD_RETENTION_YEARS = int(os.environ.get("ADVICE_RECORD_RETENTION_YEARS", "6"))

# A bilingual record puts this language first (the Welsh Language Standards expect Welsh
# first where a council presents both).
BILINGUAL_RECORD_FIRST_LANGUAGE = os.environ.get("BILINGUAL_RECORD_FIRST_LANGUAGE", "cy")

# Saved self-assessments are deleted after this many days by `manage.py purge_assessments`.
ASSESSMENT_RETENTION_DAYS = int(os.environ.get("ASSESSMENT_RETENTION_DAYS", "30"))

# Which Code of Conduct an answer means when it does not say.
CASEBOOK_DEFAULT_REGIME = os.environ.get("CASEBOOK_DEFAULT_REGIME", "wales-2008")
# The Codes a site offers (comma-separated); with more than one, the wizard asks which Code the
# member's council has adopted. A Welsh council offers only the Welsh Code.
CASEBOOK_REGIMES = _env_list("CASEBOOK_REGIMES", CASEBOOK_DEFAULT_REGIME)
CASEBOOK_FIXTURES_DIR = BASE_DIR / "fixtures" / "casebook"

# Training (docs/adr/0010): a session's join code works for this many hours from the start
# (and never after the session ends); sessions, their participants and votes are deleted this
# many days after they started by `manage.py purge_training_sessions`; a participant may vote
# at most this many times a minute; screens that run JavaScript refresh every few seconds.
TRAINING_JOIN_CODE_HOURS = float(os.environ.get("TRAINING_JOIN_CODE_HOURS", "4"))
TRAINING_SESSION_RETENTION_DAYS = int(os.environ.get("TRAINING_SESSION_RETENTION_DAYS", "30"))
TRAINING_VOTES_PER_MINUTE = int(os.environ.get("TRAINING_VOTES_PER_MINUTE", "10"))
TRAINING_POLL_SECONDS = int(os.environ.get("TRAINING_POLL_SECONDS", "3"))
TRAINING_FIXTURES_DIR = BASE_DIR / "fixtures" / "training"

LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "WARNING").upper()
# One JSON object per line on stderr, each with the request id (council_sm/logs.py). Nothing
# personal is logged: no IP addresses, query strings, form contents or session ids.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "council_sm.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "council_sm.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Replace Django's own handlers (plain text, and mail to ADMINS) with the JSON one.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
    },
}

"""Settings, read only from the environment (API.md, "Configuration").

With nothing set the OMS runs embedded: SQLite, eager Celery, local-memory cache. DATABASE_URL and
REDIS_URL switch it to PostgreSQL (with Django's connection pool) and Redis. DEBUG is off unless
asked for, and without DEBUG the secret key and allowed hosts must come from the environment.
"""

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from oms.config.logging import build_logging
from oms.config.queues import task_queues

BASE_DIR = Path(__file__).resolve().parents[2]
env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="dev-only-secret-key-never-used-when-debug-is-off")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
else:
    SECRET_KEY = env.str("SECRET_KEY", default="")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
    if not SECRET_KEY or not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "SECRET_KEY and ALLOWED_HOSTS must be set when DEBUG is off (set DEBUG=true for development)."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "django_prometheus",
    "oms.config.apps.CompositionRootConfig",
    "oms.platform.apps.PlatformConfig",
    "oms.contexts.identity.infrastructure.apps.IdentityConfig",
    "oms.contexts.inventory.infrastructure.apps.InventoryConfig",
    "oms.contexts.orders.infrastructure.apps.OrdersConfig",
    "oms.contexts.payments.infrastructure.apps.PaymentsConfig",
    "oms.contexts.notifications.infrastructure.apps.NotificationsConfig",
]

MIDDLEWARE = [
    "oms.platform.http.health.ProbeMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "oms.platform.http.correlation.CorrelationIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "oms.config.urls"
WSGI_APPLICATION = "oms.config.wsgi.application"
AUTH_USER_MODEL = "identity.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
EMBEDDED_DATABASE = Path(env.str("EMBEDDED_DATABASE", default=str(BASE_DIR / "var" / "oms.sqlite3")))
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{EMBEDDED_DATABASE}")}
_engine = DATABASES["default"]["ENGINE"]
if _engine.endswith("postgresql"):
    DATABASES["default"]["ENGINE"] = "django_prometheus.db.backends.postgresql"
    if env.bool("DATABASE_POOL", default=True):
        # Django's built-in psycopg pool replaces persistent connections (CONN_MAX_AGE must be 0).
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": env.int("DATABASE_POOL_MIN", default=2),
            "max_size": env.int("DATABASE_POOL_MAX", default=10),
            "timeout": env.int("DATABASE_POOL_TIMEOUT", default=10),
        }
    # Check a connection before lending it, so one PostgreSQL dropped (restart, failover) is replaced
    # instead of handed to a request (tests/reliability drills this).
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
elif _engine.endswith("sqlite3"):
    DATABASES["default"]["ENGINE"] = "django_prometheus.db.backends.sqlite3"
    EMBEDDED_DATABASE.parent.mkdir(parents=True, exist_ok=True)

# --- Cache and broker -----------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
# Without a broker the OMS runs embedded: tasks execute in process, right after the commit.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# At-least-once delivery: a task is acknowledged only once handled, and requeued if its worker dies.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A message unacknowledged this long (a worker died mid-task) is handed to another worker. It must
# exceed the longest retry countdown (MESSAGING_RETRY_MAX_DELAY), or waiting retries are duplicated.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=900),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    # Fail at once when the broker refuses connections: kombu otherwise retries for the whole connect
    # timeout even with retry=False (celery#6046, kombu#735), stalling every commit's nudge.
    "max_retries": 0,
}
# Publishing gives up quickly when the broker is away: the outbox keeps the message meanwhile.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_QUEUES = task_queues()
CELERY_TASK_DEFAULT_QUEUE = "platform"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# --- HTTP API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Bearer first: its challenge makes anonymous calls answer 401 (RFC 6750), not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "oms.contexts.identity.infrastructure.bearer.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": [
        "oms.contexts.identity.infrastructure.throttles.AnonRateThrottle",
        "oms.contexts.identity.infrastructure.throttles.UserRateThrottle",
        "oms.contexts.identity.infrastructure.throttles.ScopedRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("THROTTLE_RATE_ANON", default="60/min"),
        "user": env.str("THROTTLE_RATE_USER", default="600/min"),
        "orders.place": env.str("THROTTLE_RATE_ORDERS_PLACE", default="30/min"),
    },
    # Proxies in front of the OMS: 0 trusts no X-Forwarded-For, so a client cannot pick its own address.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "oms.platform.http.problems.problem_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Order Management System API",
    "DESCRIPTION": "Orders, stock, payments and notifications of the OMS.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

# --- Email ----------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="orders@localhost")

# --- Static files, i18n ---------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Domain settings ------------------------------------------------------------------------
RESERVATION_TTL_SECONDS = env.int("RESERVATION_TTL_SECONDS", default=900)
PAYMENT_GATEWAY = env.str("PAYMENT_GATEWAY", default="sandbox")

# --- Security -------------------------------------------------------------------------------
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Probes and scrapers speak plain HTTP inside the cluster; everything else is redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- Identity and access (OIDC) ------------------------------------------------------------
# Browser sign-in: mozilla-django-oidc, authorization code flow with PKCE, state and nonce. API calls:
# JWT access tokens validated locally against the provider's JWKS (docs/adr/0003-identity.md).
AUTHENTICATION_BACKENDS = [
    "oms.contexts.identity.infrastructure.oidc.OidcBackend",
    # Passwords serve the embedded mode's demo users; the sign-in pages offer none once OIDC is set up.
    "django.contrib.auth.backends.ModelBackend",
]
OIDC_OP_ISSUER = env.str("OIDC_OP_ISSUER", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_LOGOUT_ENDPOINT = env.str("OIDC_OP_LOGOUT_ENDPOINT", default="")  # its end_session_endpoint
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
OIDC_AUDIENCE = env.str("OIDC_AUDIENCE", default=OIDC_RP_CLIENT_ID)
OIDC_ROLES_CLAIM = env.str("OIDC_ROLES_CLAIM", default="roles")
# Asymmetric only: "none" and HS* (which would accept the public key as a shared secret) never pass.
OIDC_ALLOWED_ALGORITHMS = env.list("OIDC_ALLOWED_ALGORITHMS", default=["RS256", "PS256", "ES256"])
OIDC_RP_SIGN_ALGO = "RS256"  # the library checks its family at start-up; ID tokens follow the list above
OIDC_CLOCK_SKEW_SECONDS = env.int("OIDC_CLOCK_SKEW_SECONDS", default=30)
OIDC_JWKS_CACHE_SECONDS = env.float("OIDC_JWKS_CACHE_SECONDS", default=300.0)
# An unknown kid refetches the keys at most this often: bad tokens cannot flood the provider.
OIDC_JWKS_MIN_REFETCH_SECONDS = env.float("OIDC_JWKS_MIN_REFETCH_SECONDS", default=30.0)
OIDC_TIMEOUT = env.float("OIDC_TIMEOUT", default=5.0)  # calls to the provider; the library waits forever
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True  # the id_token_hint of the provider's logout
OIDC_AUTHENTICATE_CLASS = "oms.contexts.identity.infrastructure.oidc.OidcAuthenticateView"
OIDC_OP_LOGOUT_URL_METHOD = "oms.contexts.identity.infrastructure.oidc.provider_logout_url"
LOGIN_REDIRECT_URL = "/api/v1/"
LOGIN_REDIRECT_URL_FAILURE = "/oidc/failed/"
LOGOUT_REDIRECT_URL = "/api/v1/"

# --- Messaging ------------------------------------------------------------------------------
MESSAGING_MAX_RETRIES = env.int("MESSAGING_MAX_RETRIES", default=5)
MESSAGING_RETRY_BASE_DELAY = env.float("MESSAGING_RETRY_BASE_DELAY", default=1.0)
MESSAGING_RETRY_MAX_DELAY = env.float("MESSAGING_RETRY_MAX_DELAY", default=300.0)
MESSAGING_RELAY_BATCH = env.int("MESSAGING_RELAY_BATCH", default=100)
# Nudging the relay after each commit cuts latency; the periodic relay alone is enough for correctness.
MESSAGING_NUDGE_ON_COMMIT = env.bool("MESSAGING_NUDGE_ON_COMMIT", default=True)
MESSAGING_RELAY_INTERVAL = env.float("MESSAGING_RELAY_INTERVAL", default=2.0)
CELERY_BEAT_SCHEDULE = {
    "relay-outbox": {
        "task": "platform.relay_outbox",
        "schedule": MESSAGING_RELAY_INTERVAL,
        "options": {"queue": "platform", "expires": MESSAGING_RELAY_INTERVAL * 5},
    },
}

CELERY_BEAT_SCHEDULE["purge-processed-messages"] = {
    "task": "platform.purge_processed_messages",
    "schedule": 24 * 3600.0,
    "kwargs": {"older_than": env.str("MESSAGING_RETENTION", default="7d")},
    "options": {"queue": "platform", "expires": 3600},
}
CELERY_BEAT_SCHEDULE["inventory-expire-reservations"] = {
    "task": "inventory.expire_reservations",
    "schedule": env.float("INVENTORY_EXPIRY_INTERVAL", default=30.0),
    "options": {"queue": "inventory", "expires": 60},
}
CELERY_BEAT_SCHEDULE["inventory-reconcile"] = {
    "task": "inventory.reconcile_inventory",
    "schedule": env.float("INVENTORY_RECONCILE_INTERVAL", default=3600.0),
    "options": {"queue": "inventory", "expires": 1800},
}

CELERY_BEAT_SCHEDULE["orders-sweep-sagas"] = {
    "task": "orders.sweep_sagas",
    "schedule": env.float("ORDERS_SWEEP_INTERVAL", default=30.0),
    "options": {"queue": "orders", "expires": 60},
}
ORDERS_RESERVE_STOCK_TIMEOUT_SECONDS = env.int("ORDERS_RESERVE_STOCK_TIMEOUT_SECONDS", default=120)
ORDERS_AUTHORIZE_PAYMENT_TIMEOUT_SECONDS = env.int("ORDERS_AUTHORIZE_PAYMENT_TIMEOUT_SECONDS", default=120)
ORDERS_CAPTURE_PAYMENT_TIMEOUT_SECONDS = env.int("ORDERS_CAPTURE_PAYMENT_TIMEOUT_SECONDS", default=1800)
ORDERS_SAGA_MAX_ATTEMPTS = env.int("ORDERS_SAGA_MAX_ATTEMPTS", default=3)

# --- Product images: a folder by default, an S3-compatible bucket (AWS, MinIO, R2...) by STORAGE_URL
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
_storage = urlsplit(env.str("STORAGE_URL", default=""))
if _storage.scheme in ("", "file"):
    MEDIA_ROOT = Path(_storage.path) if _storage.path else MEDIA_ROOT
elif _storage.scheme == "s3":  # s3://bucket/prefix?endpoint_url=...&region_name=...&custom_domain=...
    _query = dict(parse_qsl(_storage.query))
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _storage.netloc,
            "location": _storage.path.strip("/"),
            "file_overwrite": False,
            **{key: _query[key] for key in ("endpoint_url", "region_name", "custom_domain") if key in _query},
            "querystring_auth": _query.get("querystring_auth", "true").lower() == "true",
        },
    }  # credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself
else:
    raise ImproperlyConfigured("STORAGE_URL must be file:///folder or s3://bucket/prefix")
INVENTORY_IMAGE_MAX_BYTES = env.int("INVENTORY_IMAGE_MAX_BYTES", default=5_000_000)
INVENTORY_IMAGE_MAX_PIXELS = env.int("INVENTORY_IMAGE_MAX_PIXELS", default=40_000_000)
INVENTORY_THUMBNAIL_SIZES = env.list("INVENTORY_THUMBNAIL_SIZES", cast=int, default=[160, 480, 1024])
CELERY_BEAT_SCHEDULE["inventory-make-missing-thumbnails"] = {
    "task": "inventory.make_missing_thumbnails",
    "schedule": 60.0,
    "options": {"queue": "inventory", "expires": 60},
}

# --- Payments -------------------------------------------------------------------------------
PAYMENT_SANDBOX_LATENCY_SECONDS = env.float("PAYMENT_SANDBOX_LATENCY_SECONDS", default=0.0)
PAYMENT_SANDBOX_TIMEOUT_SECONDS = env.float("PAYMENT_SANDBOX_TIMEOUT_SECONDS", default=0.2)
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="https://api.stripe.com")
STRIPE_API_KEY = env.str("STRIPE_API_KEY", default="")
PAYMENT_GATEWAY_CONNECT_TIMEOUT = env.float("PAYMENT_GATEWAY_CONNECT_TIMEOUT", default=3.0)
PAYMENT_GATEWAY_READ_TIMEOUT = env.float("PAYMENT_GATEWAY_READ_TIMEOUT", default=10.0)
PAYMENT_GATEWAY_MAX_ATTEMPTS = env.int("PAYMENT_GATEWAY_MAX_ATTEMPTS", default=3)
PAYMENT_GATEWAY_RETRY_BASE_DELAY = env.float("PAYMENT_GATEWAY_RETRY_BASE_DELAY", default=0.25)
PAYMENT_GATEWAY_RETRY_MAX_DELAY = env.float("PAYMENT_GATEWAY_RETRY_MAX_DELAY", default=2.0)
PAYMENT_BREAKER_FAIL_MAX = env.int("PAYMENT_BREAKER_FAIL_MAX", default=5)
PAYMENT_BREAKER_RESET_SECONDS = env.float("PAYMENT_BREAKER_RESET_SECONDS", default=30.0)
PAYMENT_WEBHOOK_SECRETS = {
    "stripe": env.str("STRIPE_WEBHOOK_SECRET", default=""),
    "sandbox": env.str("SANDBOX_WEBHOOK_SECRET", default=""),
}
PAYMENT_WEBHOOK_TOLERANCE_SECONDS = env.int("PAYMENT_WEBHOOK_TOLERANCE_SECONDS", default=300)
# A request the provider has not answered after this long is resent, under the same idempotency key.
PAYMENT_RESEND_AFTER_SECONDS = env.int("PAYMENT_RESEND_AFTER_SECONDS", default=60)
CELERY_BEAT_SCHEDULE["payments-resend-pending"] = {
    "task": "payments.resend_pending_requests",
    "schedule": 30.0,
    "options": {"queue": "payments", "expires": 60},
}

# --- Notifications --------------------------------------------------------------------------
NOTIFICATIONS_CHANNELS = env.list("NOTIFICATIONS_CHANNELS", default=["email", "in_app", "webhook"])
NOTIFICATIONS_MAX_ATTEMPTS = env.int("NOTIFICATIONS_MAX_ATTEMPTS", default=5)
NOTIFICATIONS_RETRY_BASE_DELAY = env.float("NOTIFICATIONS_RETRY_BASE_DELAY", default=30.0)
# Must stay below CELERY_VISIBILITY_TIMEOUT (900), or a waiting retry is handed to a second worker.
NOTIFICATIONS_RETRY_MAX_DELAY = env.float("NOTIFICATIONS_RETRY_MAX_DELAY", default=600.0)
NOTIFICATIONS_WEBHOOK_TIMEOUT = env.float("NOTIFICATIONS_WEBHOOK_TIMEOUT", default=5.0)
NOTIFICATIONS_SEND_LEASE_SECONDS = env.float("NOTIFICATIONS_SEND_LEASE_SECONDS", default=120.0)
NOTIFICATIONS_SWEEP_GRACE_SECONDS = env.float("NOTIFICATIONS_SWEEP_GRACE_SECONDS", default=60.0)
NOTIFICATIONS_EMAIL_KEEPALIVE_SECONDS = env.float("NOTIFICATIONS_EMAIL_KEEPALIVE_SECONDS", default=30.0)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)  # Django's SMTP backend otherwise waits forever
CELERY_BEAT_SCHEDULE["notifications-resend-stalled"] = {
    "task": "notifications.resend_stalled",
    "schedule": 30.0,
    "options": {"queue": "notifications", "expires": 60},
}

CELERY_BEAT_SCHEDULE["orders-sales-report"] = {
    "task": "orders.sales_report",
    "schedule": crontab(hour=0, minute=30),  # UTC: yesterday is over
    "options": {"queue": "orders", "expires": 6 * 3600},
}
# Reports stay out of the default storage, which holds the public product images.
STORAGES["reports"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(Path(env.str("REPORTS_ROOT", default=str(BASE_DIR / "var" / "reports"))))},
}

# JSON lines in production, plain text for a person at a terminal.
LOGGING = build_logging(env.str("LOG_FORMAT", default="plain" if DEBUG else "json"))

"""Logging: one line per event, with the request's correlation id on every line."""


def build_logging() -> dict[str, object]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "correlation": {"()": "oms.platform.http.correlation.CorrelationIdFilter"},
            # No emails, bearer tokens or JWTs in the logs, whoever logs them.
            "redact": {"()": "oms.contexts.identity.infrastructure.logs.RedactPersonalData"},
        },
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(correlation_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "plain",
                "filters": ["correlation", "redact"],
            },
        },
        "root": {"handlers": ["console"], "level": "INFO"},
        "loggers": {"django.db.backends": {"level": "WARNING"}},
    }

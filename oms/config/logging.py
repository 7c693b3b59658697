"""Logging: one line per event, with the request's correlation id on every line.

``json`` (production's default) writes one JSON object per line for the log pipeline: ``timestamp``,
``level``, ``logger``, ``message``, ``correlation_id``, then whatever the caller passed as ``extra``.
``plain`` is for a person at a terminal. Both pass through the same two filters: the correlation id,
and the redaction of emails, bearer tokens and JWTs.
"""

import logging
from datetime import datetime
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from pythonjsonlogger.json import JsonFormatter

from oms.contexts.identity.infrastructure.logs import redact

FORMATS = ("json", "plain")
_JSON_NATIVE = (str, int, float, bool, type(None))


class JsonLines(JsonFormatter):
    """python-json-logger, with the redaction carried to the traceback and to ``extra`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info and record.exc_text:
            # The redact filter left the traceback, cleaned, in exc_text; the base class would format
            # exc_info afresh, uncleaned. Hand it a copy without exc_info, so exc_text is used.
            record = logging.makeLogRecord({**record.__dict__, "exc_info": None})
        return super().format(record)

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        # Extras (Django passes the request, whose repr holds the URL) bypass the filter, which cleans
        # only the message: each becomes text and is cleaned here.
        return {key: _clean(value) for key, value in log_data.items()}


def _clean(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, _JSON_NATIVE):
        return value
    return redact(str(value))


def build_logging(log_format: str = "plain") -> dict[str, object]:
    if log_format not in FORMATS:
        raise ImproperlyConfigured(f"LOG_FORMAT must be one of {', '.join(FORMATS)}, not {log_format!r}.")
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
            "json": {
                "()": JsonLines,
                "fmt": "%(levelname)s %(name)s %(message)s %(correlation_id)s",
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "timestamp",  # ISO 8601, UTC
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["correlation", "redact"],
            },
        },
        "root": {"handlers": ["console"], "level": "INFO"},
        "loggers": {"django.db.backends": {"level": "WARNING"}},
    }

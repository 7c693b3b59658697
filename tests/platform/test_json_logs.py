"""The logging configuration's JSON lines: one object per line, the correlation id on each, no secrets."""

import io
import json
import logging
import logging.config

import pytest
from django.core.exceptions import ImproperlyConfigured

from oms.config.logging import build_logging
from oms.platform.correlation import handling

TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl"


def console_handler(log_format: str, stream: io.StringIO) -> logging.Handler:
    """The console handler exactly as ``build_logging`` describes it, writing to ``stream``."""
    config = build_logging(log_format)
    configurator = logging.config.DictConfigurator(config)
    described = config["handlers"]["console"]
    handler = logging.StreamHandler(stream)
    handler.setFormatter(configurator.configure_formatter(config["formatters"][described["formatter"]]))
    for name in described["filters"]:
        handler.addFilter(configurator.configure_filter(config["filters"][name]))
    return handler


@pytest.fixture
def lines():
    """Logs through the JSON console handler; returns what was written, one parsed object per line."""
    stream = io.StringIO()
    logger = logging.getLogger("oms.tests.json")
    handler = console_handler("json", stream)
    logger.addHandler(handler)
    logger.propagate = False
    yield logger, lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.propagate = True


def test_a_json_line_names_its_level_logger_message_and_the_correlation_id(lines):
    logger, written = lines

    with handling(correlation_id="req-42", causation_id="msg-1"):
        logger.warning("order %s placed", "OMS-1")

    [line] = written()
    assert line["level"] == "WARNING"
    assert line["logger"] == "oms.tests.json"
    assert line["message"] == "order OMS-1 placed"
    assert line["correlation_id"] == "req-42"
    assert line["timestamp"].endswith("+00:00")


def test_a_line_outside_any_request_says_so_in_its_correlation_id(lines):
    logger, written = lines

    logger.info("beat tick")

    assert written()[0]["correlation_id"] == "-"


def test_emails_and_tokens_are_redacted_from_the_message(lines):
    logger, written = lines

    logger.info("signed in ada@example.com with Bearer %s", TOKEN)

    message = written()[0]["message"]
    assert "ada@example.com" not in message
    assert TOKEN not in message
    assert "[redacted-email]" in message


def test_emails_are_redacted_from_extra_fields_and_tracebacks_too(lines):
    logger, written = lines

    try:
        raise ValueError("no user grace@example.com")
    except ValueError:
        logger.exception("lookup failed", extra={"request": "GET /api/v1/users/?email=bob@example.com"})

    line = written()[0]
    assert "bob@example.com" not in line["request"]
    assert "grace@example.com" not in line["exc_info"]
    assert "ValueError" in line["exc_info"]


def test_extra_fields_that_are_not_json_become_text(lines):
    logger, written = lines

    logger.info("slow", extra={"elapsed": 1.5, "handler": object()})

    line = written()[0]
    assert line["elapsed"] == 1.5
    assert line["handler"].startswith("<object object at")


def test_plain_lines_carry_the_correlation_id_in_brackets():
    stream = io.StringIO()
    handler = console_handler("plain", stream)
    record = logging.LogRecord("oms", logging.INFO, __file__, 1, "hello", None, None)

    with handling(correlation_id="req-7", causation_id="msg-1"):
        handler.handle(record)

    assert "INFO oms [req-7] hello" in stream.getvalue()


def test_an_unknown_log_format_is_refused_with_the_choices():
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT must be one of json, plain"):
        build_logging("xml")

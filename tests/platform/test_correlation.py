import logging

import pytest

from oms.platform.correlation import accept_or_generate, handling
from oms.platform.http.correlation import CorrelationIdFilter

pytestmark = pytest.mark.django_db


def test_a_request_id_given_by_the_caller_is_echoed_on_the_response(client):
    response = client.get("/api/v1/", HTTP_X_REQUEST_ID="req-abc-123")

    assert response["X-Request-ID"] == "req-abc-123"


def test_a_request_without_an_id_gets_a_fresh_one(client):
    first = client.get("/api/v1/")["X-Request-ID"]
    second = client.get("/api/v1/")["X-Request-ID"]

    assert len(first) == 36
    assert first != second


@pytest.mark.parametrize("unsafe", ["", "x" * 129, "line\nbreak", "<script>"])
def test_an_unsafe_request_id_is_replaced_not_echoed(unsafe):
    assert accept_or_generate(unsafe) != unsafe


def test_every_log_line_carries_the_correlation_id_of_the_work_in_hand():
    record = logging.LogRecord("oms", logging.INFO, __file__, 1, "hello", None, None)

    with handling(correlation_id="req-9", causation_id="msg-1"):
        CorrelationIdFilter().filter(record)

    assert record.correlation_id == "req-9"


def test_a_log_line_outside_any_request_says_so():
    record = logging.LogRecord("oms", logging.INFO, __file__, 1, "hello", None, None)

    CorrelationIdFilter().filter(record)

    assert record.correlation_id == "-"

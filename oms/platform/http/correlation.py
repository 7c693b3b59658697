"""X-Request-ID in, X-Request-ID out, and the same id on every log line the request causes."""

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from oms.platform.correlation import (
    accept_or_generate,
    current_correlation_id,
    reset_correlation_id,
    set_correlation_id,
)

HEADER = "X-Request-ID"


class CorrelationIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        correlation_id = accept_or_generate(request.headers.get(HEADER))
        token = set_correlation_id(correlation_id)
        try:
            response = self.get_response(request)
        finally:
            reset_correlation_id(token)
        response[HEADER] = correlation_id
        return response


class CorrelationIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.correlation_id = current_correlation_id() or "-"
        return True

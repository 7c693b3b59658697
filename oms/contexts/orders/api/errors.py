"""The orders facade's own errors as problems: the shared kernel's are mapped by the platform."""

from typing import Any

from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from oms.contexts.orders.contracts.errors import (
    ActionNotPermitted,
    CatalogUnavailable,
    InvalidOrderRequest,
    StockShortAtPlacement,
)
from oms.platform.http.problems import PROBLEM_CONTENT_TYPE, problem

RETRY_AFTER_SECONDS = 5


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "service_unavailable"


class OrdersErrors(APIView):
    """Mixed into every orders view, ahead of APIView."""

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, StockShortAtPlacement):
            return self._stock_short(exc)
        translated: Exception = exc
        if isinstance(exc, InvalidOrderRequest):
            translated = exceptions.ValidationError(exc.errors)
        elif isinstance(exc, ActionNotPermitted):
            translated = exceptions.PermissionDenied(str(exc))
        elif isinstance(exc, CatalogUnavailable):
            translated = ServiceUnavailable(str(exc))
        response = super().handle_exception(translated)
        if isinstance(exc, CatalogUnavailable):
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    def _stock_short(self, exc: StockShortAtPlacement) -> Response:
        shortages: list[dict[str, Any]] = [
            {"sku": s.sku, "requested": s.requested, "available": s.available} for s in exc.shortages
        ]
        body = problem(409, slug="stock-short", detail=exc.message, shortages=shortages)
        renderer = getattr(self.request, "accepted_renderer", None)
        as_json = renderer is None or getattr(renderer, "format", "json") == "json"
        response = Response(body, status=409, content_type=PROBLEM_CONTENT_TYPE if as_json else None)
        response.exception = True
        return response

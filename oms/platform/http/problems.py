"""Every error leaves as ``application/problem+json`` (RFC 9457), never as an HTML page or a 500.

The shared kernel's errors map to statuses here, once, so views need not catch them:
``InvalidValue`` → 400, ``NotFound`` → 404, ``BusinessRuleViolation`` → 409.
"""

from http import HTTPStatus
from typing import Any

from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from oms.shared_kernel.errors import BusinessRuleViolation, InvalidValue, NotFound

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem(status_code: int, *, slug: str | None = None, detail: str = "", **extra: Any) -> dict[str, Any]:
    title = HTTPStatus(status_code).phrase
    body: dict[str, Any] = {
        "type": f"/problems/{slug}" if slug else "about:blank",
        "title": title,
        "status": status_code,
        "detail": detail or title,
    }
    body.update(extra)
    return body


def _slug(exc: exceptions.APIException) -> str:
    return str(exc.default_code).replace("_", "-")


def _errors_by_field(detail: Any) -> dict[str, Any]:
    if isinstance(detail, dict):
        return detail
    return {"non_field_errors": detail if isinstance(detail, list) else [detail]}


def _translate_domain_error(exc: Exception) -> exceptions.APIException | None:
    if isinstance(exc, NotFound):
        return exceptions.NotFound(str(exc))
    if isinstance(exc, BusinessRuleViolation):
        conflict = exceptions.APIException(exc.message)
        conflict.status_code = status.HTTP_409_CONFLICT
        conflict.default_code = exc.rule
        return conflict
    if isinstance(exc, InvalidValue):
        return exceptions.ValidationError({"non_field_errors": [str(exc)]})
    return None


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    exc = _translate_domain_error(exc) or exc
    response = exception_handler(exc, context)
    if response is None:
        return None
    assert isinstance(exc, exceptions.APIException | Http404)
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            response.status_code,
            slug="validation-error",
            detail="The request is not valid; see errors.",
            errors=_errors_by_field(response.data),
        )
    elif isinstance(exc, Http404):
        body = problem(response.status_code, slug="not-found", detail="Not found.")
    else:
        body = problem(response.status_code, slug=_slug(exc), detail=str(exc.detail))
    response.data = body
    request = context.get("request")
    renderer = getattr(request, "accepted_renderer", None)
    if renderer is None or getattr(renderer, "format", "json") == "json":
        response.content_type = PROBLEM_CONTENT_TYPE
    return response


def _problem_response(status_code: int, slug: str, detail: str) -> JsonResponse:
    return JsonResponse(
        problem(status_code, slug=slug, detail=detail), status=status_code, content_type=PROBLEM_CONTENT_TYPE
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return _problem_response(404, "not-found", "No resource lives at this address.")


def server_error(request: HttpRequest) -> JsonResponse:
    return _problem_response(500, "server-error", "The server failed; the error was logged.")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return _problem_response(400, "bad-request", "The request could not be understood.")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return _problem_response(403, "permission-denied", "You may not do this.")

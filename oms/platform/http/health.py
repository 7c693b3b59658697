"""Liveness and readiness for orchestrators.

``/healthz`` touches nothing: a live process answers even when its database is down, so it is not
restarted for someone else's outage. ``/readyz`` checks what a request needs (the database and, when
one is configured, the broker) and answers 503 when either is unreachable, so traffic goes elsewhere.
"""

import logging
from collections.abc import Callable

from celery import current_app
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from oms.platform.http.problems import PROBLEM_CONTENT_TYPE, problem

logger = logging.getLogger(__name__)
BROKER_TIMEOUT_SECONDS = 2


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_broker() -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return
    with current_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)


CHECKS: dict[str, Callable[[], None]] = {"database": check_database, "broker": check_broker}


class ProbeMiddleware:
    """Answers probes first, before host validation and HTTPS redirects.

    Orchestrators probe a pod by its IP address over plain HTTP; neither is an allowed host or HTTPS,
    and a probe must not be refused for it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is not None:
            return probe(request)
        return self.get_response(request)


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception:  # any failure of a dependency means "not ready", never a 500
            logger.warning("readiness check %s failed", name, exc_info=True)
            results[name] = "unavailable"
    if all(result == "ok" for result in results.values()):
        return JsonResponse({"status": "ok", "checks": results})
    body = problem(503, slug="not-ready", detail="A dependency is unreachable.", checks=results)
    return JsonResponse(body, status=503, content_type=PROBLEM_CONTENT_TYPE)


PROBES: dict[str, Callable[[HttpRequest], HttpResponse]] = {"/healthz": healthz, "/readyz": readyz}

"""``Idempotency-Key`` for POSTs that create or change (API.md, "Conventions").

The same key and body within 24 hours returns the first response again with
``Idempotent-Replayed: true`` and does nothing more; the same key with another body answers 422;
while the first request is still running, 409. Only a success is remembered: a refused request
(4xx) or a failure (5xx) forgets its key, so the client may correct or retry it. Keys are per
caller: two customers' keys never collide.
"""

import functools
import hashlib
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from oms.platform.http.problems import PROBLEM_CONTENT_TYPE, problem
from oms.platform.models import IdempotencyRecord

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
RETENTION = timedelta(hours=24)
ABANDONED_AFTER = timedelta(minutes=5)  # a request "in progress" longer than this crashed
REPLAYED_HEADERS = ("Location", "Content-Type")
View = Callable[..., Response]


def idempotent(view_method: View) -> View:
    """Decorate a DRF view method (``post``) to honour the Idempotency-Key header."""

    @functools.wraps(view_method)
    def wrapper(self: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
        key = request.headers.get(HEADER)
        if key is None:
            return view_method(self, request, *args, **kwargs)
        if not key or len(key) > 255 or not key.isprintable():
            return _problem(
                400, "invalid-idempotency-key", "Idempotency-Key must be 1 to 255 printable characters."
            )
        record, outcome = _claim(_owner(request), key, _fingerprint(request))
        if outcome is not None:
            return outcome
        try:
            response = view_method(self, request, *args, **kwargs)
        except BaseException:
            _forget(record)
            raise
        _remember(record, response)
        return response

    return wrapper


def _owner(request: Request) -> str:
    user = request.user
    return str(user.pk) if user is not None and user.is_authenticated else "anonymous"


def _fingerprint(request: Request) -> str:
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    digest.update(request.body)
    return digest.hexdigest()


def _claim(owner: str, key: str, fingerprint: str) -> tuple[IdempotencyRecord, Response | None]:
    now = timezone.now()
    IdempotencyRecord.objects.filter(owner=owner, key=key, created_at__lt=now - RETENTION).delete()
    try:
        with transaction.atomic():
            return IdempotencyRecord.objects.create(owner=owner, key=key, fingerprint=fingerprint), None
    except IntegrityError:
        existing = IdempotencyRecord.objects.get(owner=owner, key=key)
    if existing.fingerprint != fingerprint:
        return existing, _problem(
            422, "idempotency-key-reused", "This Idempotency-Key was used with another request."
        )
    if existing.status == IdempotencyRecord.Status.COMPLETED:
        return existing, _replay(existing)
    if existing.created_at < now - ABANDONED_AFTER:
        existing.created_at = now
        existing.save(update_fields=["created_at"])
        return existing, None
    return existing, _problem(
        409, "request-in-progress", "A request with this Idempotency-Key is still running."
    )


def _remember(record: IdempotencyRecord, response: Response) -> None:
    if not 200 <= response.status_code < 300:
        _forget(record)
        return
    body = getattr(response, "data", None)
    record.response_body = None if body is None else json.loads(JSONRenderer().render(body))
    record.response_status = response.status_code
    record.response_headers = {name: response[name] for name in REPLAYED_HEADERS if response.has_header(name)}
    record.status = IdempotencyRecord.Status.COMPLETED
    record.save()


def _forget(record: IdempotencyRecord) -> None:
    """Release the key so the client may retry; if the request's connection died, on a fresh one.

    Otherwise a database restart mid-request would leave the key "in progress" and answer the
    client's retries 409 until it is taken to have crashed.
    """
    try:
        record.delete()
    except DatabaseError:
        connection.close()
        record.delete()


def _replay(record: IdempotencyRecord) -> Response:
    response = Response(record.response_body, status=record.response_status or status.HTTP_200_OK)
    for name, value in record.response_headers.items():
        if name != "Content-Type":
            response[name] = value
    response[REPLAYED] = "true"
    return response


def _problem(status_code: int, slug: str, detail: str) -> Response:
    return Response(
        problem(status_code, slug=slug, detail=detail), status=status_code, content_type=PROBLEM_CONTENT_TYPE
    )

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import path
from django.utils import timezone
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from oms.platform.http.idempotency import idempotent
from oms.platform.models import IdempotencyRecord


class Counter(APIView):
    permission_classes = [AllowAny]
    created = 0
    gate: threading.Event | None = None

    @idempotent
    def post(self, request):
        if request.data.get("fail"):
            return Response({"detail": "no"}, status=409)
        if Counter.gate is not None:
            Counter.gate.wait(5)
        Counter.created += 1
        response = Response({"number": Counter.created}, status=201)
        response["Location"] = f"/things/{Counter.created}/"
        return response


urlpatterns = [path("things/", Counter.as_view())]
pytestmark = [pytest.mark.urls(__name__), pytest.mark.django_db]


@pytest.fixture(autouse=True)
def reset_counter():
    Counter.created = 0
    Counter.gate = None


def post(client, body, key="key-1"):
    return client.post("/things/", body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_the_same_key_and_body_replays_the_first_response_and_does_nothing_more(api_client):
    first = post(api_client, {"a": 1})
    second = post(api_client, {"a": 1})

    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json() == first.json() == {"number": 1}
    assert second["Idempotent-Replayed"] == "true"
    assert second["Location"] == "/things/1/"
    assert Counter.created == 1


def test_the_same_key_with_another_body_answers_422(api_client):
    post(api_client, {"a": 1})

    response = post(api_client, {"a": 2})

    assert response.status_code == 422
    assert response.json()["type"] == "/problems/idempotency-key-reused"


def test_without_a_key_every_request_acts(api_client):
    api_client.post("/things/", {"a": 1}, format="json")
    api_client.post("/things/", {"a": 1}, format="json")

    assert Counter.created == 2


def test_a_refused_request_forgets_its_key_so_a_corrected_one_may_use_it(api_client):
    assert post(api_client, {"fail": True}).status_code == 409

    assert post(api_client, {"a": 1}).status_code == 201


def test_a_key_older_than_a_day_is_forgotten(api_client):
    post(api_client, {"a": 1})
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=25))

    response = post(api_client, {"a": 1})

    assert "Idempotent-Replayed" not in response
    assert Counter.created == 2


@pytest.mark.parametrize("bad_key", ["", "x" * 256, "tab\there"])
def test_a_malformed_key_is_a_400_problem(api_client, bad_key):
    assert post(api_client, {"a": 1}, key=bad_key).status_code == 400


def test_a_request_abandoned_in_progress_can_be_taken_over(api_client):
    IdempotencyRecord.objects.create(owner="anonymous", key="key-1", fingerprint="x" * 64)
    post(api_client, {"a": 1}, key="other")  # any request: the stale record must not block forever
    record = IdempotencyRecord.objects.get(key="key-1")
    record.created_at = timezone.now() - timedelta(minutes=10)
    record.fingerprint = IdempotencyRecord.objects.get(key="other").fingerprint
    record.save()

    assert post(api_client, {"a": 1}).status_code == 201


@pytest.mark.django_db(transaction=True)
def test_while_the_first_request_runs_a_second_with_the_same_key_answers_409(api_client):
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent connections")
    Counter.gate = threading.Event()
    results = {}

    def first() -> None:
        try:
            results["first"] = post(api_client, {"a": 1}).status_code
        finally:
            connection.close()

    thread = threading.Thread(target=first)
    thread.start()
    for _ in range(100):
        if IdempotencyRecord.objects.filter(key="key-1").exists():
            break
        threading.Event().wait(0.02)
    from rest_framework.test import APIClient

    second = post(APIClient(), {"a": 1})
    Counter.gate.set()
    thread.join(10)

    assert second.status_code == 409
    assert results["first"] == 201
    assert Counter.created == 1


def test_a_key_is_released_on_a_fresh_connection_when_the_requests_own_connection_died(monkeypatch):
    from django.db import DatabaseError

    from oms.platform.http import idempotency

    record = IdempotencyRecord.objects.create(owner="anonymous", key="k", fingerprint="f" * 64)
    calls = []
    real_delete = IdempotencyRecord.delete

    def delete_once_broken(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseError("server closed the connection unexpectedly")
        return real_delete(self, *args, **kwargs)

    monkeypatch.setattr(IdempotencyRecord, "delete", delete_once_broken)
    monkeypatch.setattr(idempotency.connection, "close", lambda: None)  # the test's transaction stays

    idempotency._forget(record)

    assert len(calls) == 2
    assert not IdempotencyRecord.objects.filter(key="k").exists()

"""GET /api/v1/notifications/: what was sent to the signed-in user, their own only, paginated, filtered."""

import pytest

from tests.contexts.notifications.api.conftest import NOTIFICATIONS, a_user, client_for

pytestmark = pytest.mark.django_db


def test_a_user_sees_what_was_sent_to_them_newest_first_by_channel_and_status(told):
    ada = a_user()
    told(ada, "SO-1", "SO-2")

    body = client_for(ada).get(NOTIFICATIONS).json()

    assert body["count"] == 4
    assert [n["order_number"] for n in body["results"]] == ["SO-2", "SO-2", "SO-1", "SO-1"]
    assert {(n["channel"], n["status"]) for n in body["results"]} == {("email", "sent"), ("in_app", "sent")}
    in_app = next(n for n in body["results"] if n["channel"] == "in_app")
    assert set(in_app) == {
        "id",
        "channel",
        "topic",
        "order_id",
        "order_number",
        "subject",
        "body",
        "status",
        "attempts",
        "created_at",
        "sent_at",
    }
    assert (in_app["topic"], in_app["subject"]) == ("order.delivered", "Your order SO-2 was delivered")


def test_another_users_notifications_are_invisible(told):
    ada, grace = a_user(), a_user("grace@example.com")
    told(ada, "SO-1")
    told(grace, "SO-9")

    ada_sees = client_for(ada).get(NOTIFICATIONS).json()["results"]
    grace_sees = client_for(grace).get(NOTIFICATIONS).json()["results"]

    assert {n["order_number"] for n in ada_sees} == {"SO-1"}
    assert {n["order_number"] for n in grace_sees} == {"SO-9"}


def test_the_list_filters_by_channel_and_status(told):
    ada = a_user()
    told(ada, "SO-1", "SO-2")

    in_app = client_for(ada).get(NOTIFICATIONS, {"channel": "in_app", "status": "sent"}).json()
    failed = client_for(ada).get(NOTIFICATIONS, {"status": "dead"}).json()

    assert [n["channel"] for n in in_app["results"]] == ["in_app", "in_app"]
    assert (failed["count"], failed["results"]) == (0, [])


def test_the_list_is_paginated_with_next_and_previous_links(told):
    ada = a_user()
    told(ada, "SO-1", "SO-2", "SO-3")
    client = client_for(ada)

    first = client.get(NOTIFICATIONS, {"channel": "in_app", "page_size": 2}).json()
    second = client.get(first["next"]).json()

    assert (first["count"], len(first["results"]), first["previous"]) == (3, 2, None)
    assert (len(second["results"]), second["next"]) == (1, None)
    assert "page=" not in second["previous"]
    assert {n["order_number"] for n in first["results"] + second["results"]} == {"SO-1", "SO-2", "SO-3"}


@pytest.mark.parametrize(
    "query", [{"channel": "pigeon"}, {"status": "lost"}, {"page_size": 500}, {"page": 0}]
)
def test_a_bad_filter_answers_400_with_a_problem(query):
    response = client_for(a_user()).get(NOTIFICATIONS, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_signing_in_is_required():
    assert client_for(None).get(NOTIFICATIONS).status_code == 401


def test_the_api_root_links_to_the_notifications():
    assert client_for(None).get("/api/v1/").json()["notifications"].endswith(NOTIFICATIONS)

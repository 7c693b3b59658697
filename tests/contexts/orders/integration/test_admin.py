"""The back office: orders found by number, SKU or id, shown with lines, timeline and saga, and
changed only through the application layer, with the domain's refusals shown as messages."""

import pytest
from django.contrib.auth.models import Group

from oms.contexts.identity.infrastructure.models import User
from oms.contexts.orders.infrastructure.models import OrderRecord
from tests.contexts.orders.api.conftest import confirm
from tests.contexts.orders.integration.conftest import place

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/orders/orderrecord/"


@pytest.fixture
def staff_client(client):
    user = User.objects.create_user(subject="sub-backoffice", email="bo@example.test", is_staff=True)
    user.groups.set([Group.objects.get_or_create(name="admin")[0]])
    user.is_superuser = True  # the admin role's Django permissions are the identity context's business
    user.save()
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_orders_are_found_by_number_sku_or_id_and_a_stray_search_is_harmless(shelves, staff_client):
    order = place(MUG=1, CUP=1)

    for term in (order.number, "cup", str(order.id), "no-such-thing"):
        response = staff_client.get(CHANGELIST, {"q": term})
        assert response.status_code == 200
        found = order.number in response.content.decode()
        assert found is (term != "no-such-thing"), term


def test_the_list_filters_by_status_and_attention(shelves, staff_client):
    place()

    for query in (
        {"status__exact": "pending"},
        {"saga__needs_attention__exact": "1"},
        {"payment_status__exact": "none"},
    ):
        assert staff_client.get(CHANGELIST, query).status_code == 200


def test_an_orders_page_shows_its_lines_its_timeline_and_its_saga(shelves, staff_client):
    order = place(MUG=2)

    page = staff_client.get(f"{CHANGELIST}{order.id}/change/").content.decode()

    assert "MUG" in page
    assert "Order placed" in page
    assert "awaiting_reservation" in page


def test_cancelling_from_the_back_office_goes_through_the_saga(shelves, staff_client):
    order = place()
    confirm(str(order.id))

    response = staff_client.post(
        CHANGELIST,
        {"action": "cancel", "_selected_action": [str(order.id)], "apply": "1", "reason": "fraud check"},
        follow=True,
    )

    record = OrderRecord.objects.get(pk=order.id)
    assert (record.status, record.payment_status, record.status_reason) == (
        "cancelled",
        "voided",
        "fraud check",
    )
    assert "1 order(s) done." in messages_of(response)


def test_shipping_asks_for_the_carrier_first_and_shows_the_domains_refusal(shelves, staff_client):
    order = place()
    selected = {"action": "ship", "_selected_action": [str(order.id)]}

    form = staff_client.post(CHANGELIST, selected)
    refused = staff_client.post(
        CHANGELIST, selected | {"apply": "1", "carrier": "DHL", "tracking_number": "1"}, follow=True
    )

    assert "tracking_number" in form.content.decode()
    assert messages_of(refused) == [f"{order.number}: A pending order cannot be shipped."]
    assert OrderRecord.objects.get(pk=order.id).status == "pending"

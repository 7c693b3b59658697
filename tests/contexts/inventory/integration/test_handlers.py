"""The inventory's command handlers as the bus runs them: inbox, handler, outbox, one transaction."""

import uuid

import pytest

from oms.contexts.inventory import facade
from oms.contexts.inventory.contracts.commands import (
    CommitReservation,
    ConfirmReservation,
    ReleaseReservation,
)
from oms.contexts.inventory.infrastructure.models import InventoryInbox, StockHold, StockMovementRecord
from oms.platform.messaging.bus import bus
from oms.platform.messaging.consumer import Outcome
from tests.contexts.inventory.integration.conftest import deliver, outbox, reserve_command

pytestmark = pytest.mark.django_db
RESERVE, CONFIRM = "inventory.reserve_stock", "inventory.confirm_reservation"
RELEASE, COMMIT = "inventory.release_reservation", "inventory.commit_reservation"


def levels() -> dict[str, tuple[int, int]]:
    return {
        sku: (facade.stock_level(sku=sku).on_hand, facade.stock_level(sku=sku).reserved)
        for sku in ("MUG", "CUP")
    }


def test_the_four_commands_are_handled_on_the_inventory_queue_through_its_inbox():
    for name in (RESERVE, CONFIRM, RELEASE, COMMIT):
        subscription = bus.subscription(name)
        assert (subscription.queue, subscription.inbox) == ("inventory", InventoryInbox)


def test_reserve_stock_holds_the_lines_and_writes_stock_reserved_to_the_outbox(shelves):
    order = uuid.uuid4()

    assert deliver(reserve_command(order, MUG=3, CUP=2), RESERVE) is Outcome.HANDLED

    [(kind, aggregate, payload)] = outbox()
    assert (kind, aggregate, payload["order_id"]) == ("inventory.StockReserved.v1", str(order), str(order))
    assert levels() == {"MUG": (5, 3), "CUP": (2, 2)}


def test_a_short_basket_writes_stock_reservation_failed_naming_each_short_sku(shelves):
    order = uuid.uuid4()

    deliver(reserve_command(order, MUG=6, CUP=1, LAMP=1), RESERVE)

    [(kind, _, payload)] = outbox()
    assert kind == "inventory.StockReservationFailed.v1"
    assert payload["shortages"] == [
        {"sku": "LAMP", "requested": 1, "available": 0},
        {"sku": "MUG", "requested": 6, "available": 5},
    ]
    assert levels() == {"MUG": (5, 0), "CUP": (2, 0)}


def test_the_same_message_delivered_twice_takes_effect_once_and_answers_once(shelves):
    message_id, command = uuid.uuid4(), reserve_command(uuid.uuid4(), MUG=2)

    outcomes = [deliver(command, RESERVE, message_id=message_id) for _ in range(2)]

    assert outcomes == [Outcome.HANDLED, Outcome.DUPLICATE]
    assert len(outbox()) == 1
    assert levels()["MUG"] == (5, 2)


def test_the_same_command_sent_again_holds_nothing_twice_and_repeats_the_answer(shelves):
    command = reserve_command(uuid.uuid4(), MUG=2)

    deliver(command, RESERVE)
    deliver(command, RESERVE)

    first, again = outbox()
    assert first == again
    assert StockHold.objects.count() == 1
    assert levels()["MUG"] == (5, 2)


@pytest.mark.parametrize(
    ("handler", "command", "answer"),
    [
        (CONFIRM, ConfirmReservation, "inventory.ReservationConfirmed.v1"),
        (
            RELEASE,
            lambda order_id: ReleaseReservation(order_id=order_id, reason="cancelled"),
            "inventory.ReservationReleased.v1",
        ),
        (COMMIT, CommitReservation, "inventory.ReservationCommitted.v1"),
    ],
)
def test_each_transition_takes_effect_once_however_often_it_is_sent(shelves, handler, command, answer):
    order = uuid.uuid4()
    deliver(reserve_command(order, MUG=2, CUP=1), RESERVE)
    ledger = StockMovementRecord.objects.count()

    outcomes = [deliver(command(order_id=order), handler) for _ in range(2)]

    assert outcomes == [Outcome.HANDLED, Outcome.HANDLED]
    assert [kind for kind, _, _ in outbox()][1:] == [answer, answer]
    expected = {CONFIRM: {"MUG": (5, 2), "CUP": (2, 1)}, RELEASE: {"MUG": (5, 0), "CUP": (2, 0)}}
    assert levels() == expected.get(handler, {"MUG": (3, 0), "CUP": (1, 0)})
    assert StockMovementRecord.objects.count() == ledger + (2 if handler == COMMIT else 0)


def test_shipping_writes_ledger_entries_carrying_the_order_and_the_request(shelves):
    order = uuid.uuid4()
    deliver(reserve_command(order, MUG=2), RESERVE)

    deliver(CommitReservation(order_id=order), COMMIT)

    movement = StockMovementRecord.objects.filter(order_id=order).get()
    assert (movement.delta, movement.on_hand_after, movement.reason) == (-2, 3, "shipment")
    assert (movement.actor, movement.correlation_id) == ("system:orders", "req-test")


def test_a_command_for_an_order_never_reserved_is_parked_once_retries_are_over(shelves):
    outcome = deliver(ConfirmReservation(order_id=uuid.uuid4()), CONFIRM)

    assert outcome is Outcome.DEAD
    assert "no reservation for order" in InventoryInbox.objects.get().last_error
    assert outbox() == []

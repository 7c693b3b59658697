from datetime import timedelta

import pytest

from oms.contexts.inventory.contracts.commands import ReserveStock
from oms.contexts.orders.application.sweeper import sweep_sagas
from oms.contexts.orders.contracts.dtos import SweepReport
from tests.contexts.orders.unit.application_fakes import FakeUnitOfWork, FixedClock, a_placed_order
from tests.contexts.orders.unit.builders import T0

TIMEOUT = timedelta(minutes=2)


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


def test_a_saga_within_its_deadline_is_left_alone(uow):
    a_placed_order(uow)

    assert sweep_sagas(uow=uow, clock=FixedClock(T0 + TIMEOUT - timedelta(seconds=1))) == SweepReport(
        resent=0, flagged=0, skipped=0
    )
    assert uow.take() == []


def test_a_saga_past_its_deadline_sends_its_command_again(uow):
    order = a_placed_order(uow)

    report = sweep_sagas(uow=uow, clock=FixedClock(T0 + TIMEOUT))

    assert report == SweepReport(resent=1, flagged=0, skipped=0)
    [resent] = uow.take()
    assert isinstance(resent, ReserveStock)
    assert resent.order_id == order.id.value
    assert uow.journal.entries[-1].message_type == ReserveStock.message_type


def test_a_saga_out_of_attempts_is_flagged_for_a_person_once(uow):
    order = a_placed_order(uow)
    for n in (1, 2):
        sweep_sagas(uow=uow, clock=FixedClock(T0 + n * TIMEOUT))

    report = sweep_sagas(uow=uow, clock=FixedClock(T0 + 3 * TIMEOUT))

    assert report == SweepReport(resent=0, flagged=1, skipped=0)
    assert uow.sagas.rows[order.id].needs_attention
    assert uow.journal.entries[-1].detail == "No reply to reserve stock after 3 attempts."
    assert sweep_sagas(uow=uow, clock=FixedClock(T0 + 9 * TIMEOUT)) == SweepReport(
        resent=0, flagged=0, skipped=0
    )


def test_a_saga_whose_order_is_being_handled_right_now_is_skipped_until_the_next_run(uow):
    order = a_placed_order(uow)
    uow.orders.locked.add(order.id)

    assert sweep_sagas(uow=uow, clock=FixedClock(T0 + TIMEOUT)) == SweepReport(resent=0, flagged=0, skipped=1)
    assert uow.take() == []

from datetime import timedelta

from oms.contexts.orders.domain import saga_commands as cmd
from oms.contexts.orders.domain.saga_state import SagaState, SagaStep
from oms.contexts.orders.domain.status import OrderStatus
from tests.contexts.orders.unit.builders import T0, confirmed_saga, shipped_saga, start_saga

TIMEOUT = timedelta(minutes=2)


def test_a_step_within_its_deadline_is_left_alone() -> None:
    order, saga = start_saga()

    assert saga.sweep(order, now=T0 + TIMEOUT - timedelta(seconds=1)) == []
    assert saga.steps.attempts(SagaStep.RESERVE_STOCK) == 1


def test_a_step_past_its_deadline_is_sent_again_with_a_new_deadline() -> None:
    order, saga = start_saga()
    now = T0 + TIMEOUT

    commands = saga.sweep(order, now=now)

    assert [type(c) for c in commands] == [cmd.ReserveStock]
    assert (saga.steps.attempts(SagaStep.RESERVE_STOCK), saga.steps.deadline) == (2, now + TIMEOUT)
    assert (
        saga.steps.progress[SagaStep.RESERVE_STOCK].last_error
        == "No reply to reserve stock within 120 seconds"
    )
    assert not saga.needs_attention


def test_an_authorization_is_resent_with_the_same_amount_and_token() -> None:
    order, saga = start_saga()
    [first] = saga.on_stock_reserved(order, now=T0)

    assert saga.sweep(order, now=T0 + TIMEOUT) == [first]
    assert isinstance(first, cmd.AuthorizePayment)
    assert first.payment_token == "tok_visa"


def test_a_capture_that_gets_no_reply_is_asked_for_again() -> None:
    order, saga = shipped_saga()

    commands = saga.sweep(order, now=T0 + timedelta(minutes=30))

    assert commands == [cmd.CapturePayment(order.id, order.total)]


def test_after_the_last_attempt_the_saga_is_flagged_for_a_person_and_sweeps_stop() -> None:
    order, saga = start_saga()
    saga.sweep(order, now=T0 + TIMEOUT)
    saga.sweep(order, now=T0 + 2 * TIMEOUT)

    assert saga.sweep(order, now=T0 + 3 * TIMEOUT) == []

    assert saga.needs_attention
    assert saga.steps.attention_reason == "No reply to reserve stock after 3 attempts."
    assert (saga.steps.current_step, saga.steps.deadline) == (SagaStep.RESERVE_STOCK, None)
    assert saga.sweep(order, now=T0 + 10 * TIMEOUT) == []
    assert saga.steps.attempts(SagaStep.RESERVE_STOCK) == 3


def test_a_late_reply_after_the_flag_moves_the_saga_on_and_lowers_the_flag() -> None:
    order, saga = start_saga()
    for n in range(1, 4):
        saga.sweep(order, now=T0 + n * TIMEOUT)

    commands = saga.on_stock_reserved(order, now=T0 + 4 * TIMEOUT)

    assert [type(c) for c in commands] == [cmd.AuthorizePayment]
    assert (saga.state, saga.needs_attention) == (SagaState.AWAITING_PAYMENT, False)


def test_a_saga_that_waits_on_a_person_has_nothing_to_sweep() -> None:
    order, saga = confirmed_saga()

    assert saga.sweep(order, now=T0 + timedelta(days=30)) == []
    assert order.status is OrderStatus.CONFIRMED


def test_a_person_can_lower_the_flag_once_they_have_dealt_with_it() -> None:
    order, saga = confirmed_saga()
    saga.on_reservation_expired(order, now=T0)

    saga.resolve_attention()

    assert (saga.needs_attention, saga.steps.attention_reason) == (False, None)


def test_a_flag_not_about_a_silent_step_stays_when_a_step_ends() -> None:
    order, saga = confirmed_saga()
    saga.on_reservation_expired(order, now=T0)

    saga.ship(order, carrier="DHL", tracking_number="JD1", actor="warehouse:1", now=T0)
    saga.on_payment_captured(order, now=T0)

    assert saga.needs_attention

"""RefundPayment: refunds may run side by side; each is known by the refund id the saga gave it."""

from oms.contexts.payments.application.ports import Clock, GatewayCalls, PaymentsUnitOfWork
from oms.contexts.payments.application.replies import answer_again
from oms.contexts.payments.application.requesting import SAGA, payment_of_order, request_new
from oms.contexts.payments.contracts.commands import RefundPayment
from oms.contexts.payments.domain.entries import LedgerEntry, Operation
from oms.contexts.payments.domain.ids import RefundId
from oms.contexts.payments.domain.payment import Payment
from oms.shared_kernel.money import Money


def refund_payment(
    command: RefundPayment, *, uow: PaymentsUnitOfWork, clock: Clock, calls: GatewayCalls
) -> None:
    with uow:
        payment = payment_of_order(uow, command.order_id, Operation.REFUND)
        if payment is not None:
            _refund(uow, payment, command, clock, calls)
        uow.commit()


def _refund(
    uow: PaymentsUnitOfWork, payment: Payment, command: RefundPayment, clock: Clock, calls: GatewayCalls
) -> None:
    earlier = payment.refund_request(RefundId(command.refund_id))
    if earlier is None:
        request_new(uow, payment, Operation.REFUND, calls, lambda: _request(payment, command, clock))
        return
    answer = payment.outcome_of(earlier.idempotency_key)
    if answer is None:
        calls.send_after_commit(payment.id, earlier.idempotency_key)
    else:
        uow.publish(answer_again(payment, answer), aggregate_id=str(payment.order_id))


def _request(payment: Payment, command: RefundPayment, clock: Clock) -> LedgerEntry:
    return payment.request_refund(
        amount=Money(command.amount.amount, command.amount.currency),
        reason=command.reason,
        actor=SAGA,
        at=clock.now(),
        refund_id=RefundId(command.refund_id),
    )

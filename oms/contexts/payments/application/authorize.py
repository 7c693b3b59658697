"""AuthorizePayment: one payment per order, created by its first authorization request."""

from oms.contexts.payments.application.ports import Clock, GatewayCalls, PaymentsUnitOfWork
from oms.contexts.payments.application.replies import answer_again
from oms.contexts.payments.application.requesting import SAGA, last_answer, request_or_resend
from oms.contexts.payments.contracts.commands import AuthorizePayment
from oms.contexts.payments.domain.entries import LedgerEntry, Operation
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.values import PaymentMethodToken
from oms.shared_kernel.money import Money


def authorize_payment(
    command: AuthorizePayment, *, uow: PaymentsUnitOfWork, clock: Clock, calls: GatewayCalls
) -> None:
    with uow:
        payment = _payment_for(command, uow)
        answered = last_answer(payment, Operation.AUTHORIZE)
        if answered is not None:
            uow.publish(answer_again(payment, answered), aggregate_id=str(payment.order_id))
        else:
            request_or_resend(
                uow, payment, Operation.AUTHORIZE, calls, lambda: _request(payment, command, clock)
            )
        uow.commit()


def _payment_for(command: AuthorizePayment, uow: PaymentsUnitOfWork) -> Payment:
    order_id = OrderId(command.order_id)
    payment = uow.payments.for_order(order_id)
    if payment is None:
        payment = Payment(PaymentId.new(), order_id=order_id, currency=command.amount.currency)
        uow.payments.add(payment)
    return payment


def _request(payment: Payment, command: AuthorizePayment, clock: Clock) -> LedgerEntry:
    amount = Money(command.amount.amount, command.amount.currency)
    method = PaymentMethodToken(command.payment_token)
    return payment.request_authorization(amount=amount, method=method, actor=SAGA, at=clock.now())

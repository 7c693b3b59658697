"""Sending a recorded request to the provider: read, call with no transaction open, record.

Three steps, two short transactions. The call in the middle holds no lock and no connection, so a
slow provider slows only this task. If the worker dies after the call, the request is still
pending; sending it again reuses its idempotency key and the provider answers as it did before.
"""

from dataclasses import dataclass

from oms.contexts.payments.application.answers import record_answer
from oms.contexts.payments.application.ports import (
    Clock,
    GatewayAnswer,
    GatewayCalls,
    PaymentGateway,
    PaymentsUnitOfWork,
)
from oms.contexts.payments.application.requesting import last_answer
from oms.contexts.payments.domain.entries import EntryType, Operation
from oms.contexts.payments.domain.errors import UnknownPaymentRequest
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.payment import GATEWAY_ACTOR
from oms.contexts.payments.domain.values import PaymentMethodToken
from oms.shared_kernel.errors import NotFound
from oms.shared_kernel.money import Money


@dataclass(frozen=True, kw_only=True)
class Call:
    payment_id: PaymentId
    order_id: OrderId
    operation: Operation
    idempotency_key: str
    amount: Money
    method: PaymentMethodToken | None
    authorization: str | None


def send_request(
    payment_id: PaymentId,
    idempotency_key: str,
    *,
    uow: PaymentsUnitOfWork,
    gateway: PaymentGateway,
    clock: Clock,
    calls: GatewayCalls,
) -> GatewayAnswer | None:
    """The provider's answer, or None when the request was answered before it could be sent."""
    call = prepare(payment_id, idempotency_key, uow=uow)
    if call is None:
        return None
    answer = ask(gateway, call)
    if not answer.pending:
        with uow:
            payment = uow.payments.get(payment_id)
            assert payment is not None  # payments are never deleted
            at = clock.now()
            record_answer(uow, payment, idempotency_key, answer, at=at, actor=GATEWAY_ACTOR, calls=calls)
            uow.commit()
    return answer


def prepare(payment_id: PaymentId, idempotency_key: str, *, uow: PaymentsUnitOfWork) -> Call | None:
    with uow:
        payment = uow.payments.get(payment_id)
        if payment is None:
            raise NotFound(f"There is no payment {payment_id}.")
        request = payment.request_of(idempotency_key)
        if request is None:
            raise UnknownPaymentRequest(idempotency_key)
        if payment.outcome_of(idempotency_key) is not None:
            return None
        authorized = last_answer(payment, Operation.AUTHORIZE, EntryType.SUCCESS)
        return Call(
            payment_id=payment.id,
            order_id=payment.order_id,
            operation=request.operation,
            idempotency_key=idempotency_key,
            amount=request.amount,
            method=payment.method,
            authorization=authorized.provider_reference if authorized else None,
        )


def ask(gateway: PaymentGateway, call: Call) -> GatewayAnswer:
    key, amount, authorization = call.idempotency_key, call.amount, call.authorization or ""
    match call.operation:
        case Operation.AUTHORIZE:
            assert call.method is not None  # an authorization request always records its method
            return gateway.authorize(
                idempotency_key=key,
                amount=amount,
                method=call.method,
                payment_id=call.payment_id,
                order_id=call.order_id,
            )
        case Operation.CAPTURE:
            return gateway.capture(idempotency_key=key, authorization=authorization, amount=amount)
        case Operation.VOID:
            return gateway.void(idempotency_key=key, authorization=authorization)
        case Operation.REFUND:
            return gateway.refund(
                idempotency_key=key, authorization=authorization, amount=amount, payment_id=call.payment_id
            )

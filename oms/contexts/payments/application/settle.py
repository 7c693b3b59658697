"""CapturePayment and VoidPayment: settle the authorization one way or the other."""

from oms.contexts.payments.application.ports import Clock, GatewayCalls, PaymentsUnitOfWork
from oms.contexts.payments.application.requesting import SAGA, payment_of_order, request_or_resend
from oms.contexts.payments.contracts.commands import CapturePayment, VoidPayment
from oms.contexts.payments.domain.entries import Operation


def capture_payment(
    command: CapturePayment, *, uow: PaymentsUnitOfWork, clock: Clock, calls: GatewayCalls
) -> None:
    with uow:
        payment = payment_of_order(uow, command.order_id, Operation.CAPTURE)
        if payment is not None:
            request_or_resend(
                uow,
                payment,
                Operation.CAPTURE,
                calls,
                lambda: payment.request_capture(actor=SAGA, at=clock.now()),
            )
        uow.commit()


def void_payment(command: VoidPayment, *, uow: PaymentsUnitOfWork, clock: Clock, calls: GatewayCalls) -> None:
    with uow:
        payment = payment_of_order(uow, command.order_id, Operation.VOID)
        if payment is not None:
            request_or_resend(
                uow, payment, Operation.VOID, calls, lambda: payment.request_void(actor=SAGA, at=clock.now())
            )
        uow.commit()

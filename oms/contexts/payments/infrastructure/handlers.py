"""The bus's entry points into payments: a command in, one use case with its adapters, out.

Each runs inside the inbox's transaction, so it only records the request; the provider is called
by ``tasks.call_gateway`` once that transaction has committed (ADR 0004).
"""

from typing import TypeVar

from oms.contexts.payments.application import authorize, refund, settle
from oms.contexts.payments.contracts import commands
from oms.contexts.payments.infrastructure.tasks import CLOCK, CeleryGatewayCalls
from oms.contexts.payments.infrastructure.unit_of_work import DjangoPaymentsUnitOfWork
from oms.shared_kernel.messages import IntegrationMessage

M = TypeVar("M", bound=IntegrationMessage)
CALLS = CeleryGatewayCalls()


def authorize_payment(message: IntegrationMessage) -> None:
    command = _expect(message, commands.AuthorizePayment)
    authorize.authorize_payment(command, uow=DjangoPaymentsUnitOfWork(), clock=CLOCK, calls=CALLS)


def capture_payment(message: IntegrationMessage) -> None:
    command = _expect(message, commands.CapturePayment)
    settle.capture_payment(command, uow=DjangoPaymentsUnitOfWork(), clock=CLOCK, calls=CALLS)


def void_payment(message: IntegrationMessage) -> None:
    command = _expect(message, commands.VoidPayment)
    settle.void_payment(command, uow=DjangoPaymentsUnitOfWork(), clock=CLOCK, calls=CALLS)


def refund_payment(message: IntegrationMessage) -> None:
    command = _expect(message, commands.RefundPayment)
    refund.refund_payment(command, uow=DjangoPaymentsUnitOfWork(), clock=CLOCK, calls=CALLS)


def _expect(message: IntegrationMessage, kind: type[M]) -> M:
    if not isinstance(message, kind):
        raise TypeError(f"expected {kind.message_type}, got {message.message_type}")
    return message

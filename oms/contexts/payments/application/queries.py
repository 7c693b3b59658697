"""Questions the facade answers: one payment, the payment of an order, a filtered page of them."""

import uuid

from oms.contexts.payments.application.ports import PaymentReader, PaymentSearch
from oms.contexts.payments.application.views import payment_view
from oms.contexts.payments.contracts.dtos import PaymentPage, PaymentView
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.status import PaymentStatus
from oms.shared_kernel.errors import InvalidValue

MAX_PAGE_SIZE = 100


def get_payment(payment_id: uuid.UUID, *, reader: PaymentReader) -> PaymentView | None:
    payment = reader.get(PaymentId(payment_id))
    return None if payment is None else payment_view(payment)


def payment_for_order(order_id: uuid.UUID, *, reader: PaymentReader) -> PaymentView | None:
    payment = reader.for_order(OrderId(order_id))
    return None if payment is None else payment_view(payment)


def list_payments(
    *, reader: PaymentReader, order_id: uuid.UUID | None, status: str | None, offset: int, limit: int
) -> PaymentPage:
    if offset < 0 or not 1 <= limit <= MAX_PAGE_SIZE:
        raise InvalidValue(f"A page starts at 0 or later and holds 1 to {MAX_PAGE_SIZE} payments.")
    search = PaymentSearch(
        order_id=OrderId(order_id) if order_id else None,
        status=_status(status),
        offset=offset,
        limit=limit,
    )
    payments, count = reader.search(search)
    return PaymentPage(results=tuple(payment_view(payment) for payment in payments), count=count)


def _status(status: str | None) -> PaymentStatus | None:
    if status is None:
        return None
    try:
        return PaymentStatus(status)
    except ValueError:
        known = ", ".join(s.value for s in PaymentStatus)
        raise InvalidValue(f"{status!r} is not a payment status; use one of {known}.") from None

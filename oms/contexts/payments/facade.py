"""The payments context's synchronous public surface: keyword-only functions over contracts types.

Other contexts call these only from their infrastructure/acl.py; the payments API calls them too.
Nothing here holds logic: each function delegates to the application layer with the Django
adapters and returns DTOs from `contracts.dtos`. Changes to payments arrive as commands on the
bus (contracts.commands), never through here; the one write is the provider's signed webhook.
"""

import uuid

from oms.contexts.payments.application import notices, queries
from oms.contexts.payments.contracts.dtos import PaymentPage, PaymentView, WebhookReceipt
from oms.contexts.payments.infrastructure import webhooks
from oms.contexts.payments.infrastructure.reader import DjangoPaymentReader
from oms.contexts.payments.infrastructure.tasks import CLOCK, CeleryGatewayCalls
from oms.contexts.payments.infrastructure.unit_of_work import DjangoPaymentsUnitOfWork


def get_payment(*, payment_id: uuid.UUID) -> PaymentView | None:
    return queries.get_payment(payment_id, reader=DjangoPaymentReader())


def payment_for_order(*, order_id: uuid.UUID) -> PaymentView | None:
    """The order's payment (there is at most one), or None if it never asked for one."""
    return queries.payment_for_order(order_id, reader=DjangoPaymentReader())


def list_payments(
    *, order_id: uuid.UUID | None = None, status: str | None = None, offset: int = 0, limit: int = 20
) -> PaymentPage:
    """Newest first; ``status`` is one of PaymentView's statuses. InvalidValue for a bad filter."""
    return queries.list_payments(
        reader=DjangoPaymentReader(), order_id=order_id, status=status, offset=offset, limit=limit
    )


def receive_webhook(*, provider: str, payload: str, signature: str) -> WebhookReceipt:
    """Check the signature, then record what the event says. Raises InvalidSignature (nothing is
    changed), UnknownProvider, or InvalidValue for a signed body that is not an event."""
    event = webhooks.verified_event(provider=provider, payload=payload.encode(), signature=signature)
    handled = notices.reconcile(
        event, uow=DjangoPaymentsUnitOfWork(), clock=CLOCK, calls=CeleryGatewayCalls()
    )
    return WebhookReceipt(event_id=event.event_id, duplicate=not handled)

"""The payments unit of work: the payment, the provider events seen and the outbox, in one transaction."""

from typing import Self

from django.db import IntegrityError, transaction

from oms.contexts.payments.infrastructure.models import PaymentsOutbox, WebhookEventRecord
from oms.contexts.payments.infrastructure.repository import DjangoPaymentRepository
from oms.platform.messaging.unit_of_work import DjangoUnitOfWork


class DjangoProviderEvents:
    def first_time(self, provider: str, event_id: str) -> bool:
        try:
            # A savepoint, so a duplicate leaves the surrounding transaction usable.
            with transaction.atomic():
                WebhookEventRecord.objects.create(provider=provider, event_id=event_id)
        except IntegrityError:
            return False
        return True


class DjangoPaymentsUnitOfWork(DjangoUnitOfWork):
    outbox_model = PaymentsOutbox
    payments: DjangoPaymentRepository
    provider_events: DjangoProviderEvents

    def __enter__(self) -> Self:
        entered = super().__enter__()
        # Fresh per transaction: what the repository remembers belongs to the locks this one took.
        self.payments = DjangoPaymentRepository()
        self.provider_events = DjangoProviderEvents()
        return entered

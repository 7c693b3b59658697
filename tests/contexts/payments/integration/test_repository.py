"""Payments on PostgreSQL: ledgers round-trip, concurrent saves are refused, reads never fan out."""

import uuid
from datetime import UTC, datetime

import pytest
from django.db import IntegrityError, transaction

from oms.contexts.payments.application.ports import ConcurrentUpdate, PaymentSearch
from oms.contexts.payments.domain.ids import OrderId, PaymentId, RefundId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.contexts.payments.domain.values import PaymentMethodToken
from oms.contexts.payments.infrastructure.models import LedgerEntryRecord, PaymentRecord
from oms.contexts.payments.infrastructure.reader import DjangoPaymentReader
from oms.contexts.payments.infrastructure.repository import DjangoPaymentRepository
from oms.shared_kernel.money import Money

pytestmark = pytest.mark.django_db
AT = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def captured_payment(order: OrderId | None = None) -> Payment:
    payment = Payment(PaymentId.new(), order_id=order or OrderId.new(), currency="EUR")
    request = payment.request_authorization(
        amount=Money("80.00", "EUR"), method=PaymentMethodToken("tok_visa"), actor="saga", at=AT
    )
    payment.record_success(request.idempotency_key, provider_reference="pi_1", at=AT)
    payment.record_success(
        payment.request_capture(actor="saga", at=AT).idempotency_key, provider_reference="ch", at=AT
    )
    payment.request_refund(
        amount=Money("20.00", "EUR"), reason="late", actor="saga", at=AT, refund_id=RefundId.new()
    )
    return payment


def test_a_payment_comes_back_with_its_whole_ledger_and_the_same_figures():
    payment = captured_payment()
    DjangoPaymentRepository().add(payment)

    loaded = DjangoPaymentRepository().get(payment.id)

    assert loaded is not None
    assert loaded.ledger == payment.ledger
    assert (loaded.status, loaded.refund_in_progress_amount, loaded.method) == (
        PaymentStatus.CAPTURED,
        Money("20.00", "EUR"),
        PaymentMethodToken("tok_visa"),
    )
    assert DjangoPaymentRepository().for_order(payment.order_id) == loaded


def test_saving_appends_only_the_new_lines_and_bumps_the_version_and_the_status_column():
    payment = captured_payment()
    DjangoPaymentRepository().add(payment)
    repository = DjangoPaymentRepository()
    loaded = repository.get(payment.id)
    assert loaded is not None
    loaded.record_success(f"{payment.id}:refund:1", provider_reference="re_1", at=AT)

    repository.save(loaded)

    record = PaymentRecord.objects.get(id=payment.id.value)
    assert (record.version, record.status) == (1, "partially_refunded")
    assert LedgerEntryRecord.objects.filter(payment=record).count() == len(loaded.ledger) == 6


def test_a_save_from_a_stale_copy_is_refused():
    payment = captured_payment()
    DjangoPaymentRepository().add(payment)
    mine, theirs = DjangoPaymentRepository(), DjangoPaymentRepository()
    first, second = mine.get(payment.id), theirs.get(payment.id)
    assert first is not None
    assert second is not None
    first.record_success(f"{payment.id}:refund:1", provider_reference="re_1", at=AT)
    mine.save(first)
    second.record_success(f"{payment.id}:refund:1", provider_reference="re_2", at=AT)

    with pytest.raises(ConcurrentUpdate):
        theirs.save(second)


def test_the_database_refuses_a_second_payment_for_an_order_and_a_second_request_under_one_key():
    payment = captured_payment()
    DjangoPaymentRepository().add(payment)
    with pytest.raises(IntegrityError), transaction.atomic():
        DjangoPaymentRepository().add(captured_payment(payment.order_id))
    row = LedgerEntryRecord.objects.filter(payment_id=payment.id.value, sequence=1).get()
    row.pk, row.sequence = None, 99

    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_a_page_of_payments_costs_three_queries_however_many_it_holds(django_assert_num_queries):
    for _ in range(5):
        DjangoPaymentRepository().add(captured_payment())

    with django_assert_num_queries(3):  # the page, its ledgers, the count
        payments, count = DjangoPaymentReader().search(PaymentSearch(status=PaymentStatus.CAPTURED, limit=4))

    assert (len(payments), count) == (4, 5)
    assert all(len(payment.ledger) == 5 for payment in payments)


def test_a_page_can_be_narrowed_to_one_order():
    order = OrderId(uuid.uuid4())
    DjangoPaymentRepository().add(captured_payment(order))
    DjangoPaymentRepository().add(captured_payment())

    payments, count = DjangoPaymentReader().search(PaymentSearch(order_id=order))

    assert count == 1
    assert payments[0].order_id == order

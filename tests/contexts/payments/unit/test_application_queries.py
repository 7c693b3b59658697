"""What the facade shows of a payment: figures from the ledger, every attempt, every refund."""

import uuid
from datetime import UTC, datetime

import pytest

from oms.contexts.payments.application.ports import PaymentSearch
from oms.contexts.payments.application.queries import get_payment, list_payments
from oms.contexts.payments.domain.ids import OrderId, PaymentId, RefundId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.contexts.payments.domain.values import FailureKind, PaymentMethodToken
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.messages import MoneyPayload
from oms.shared_kernel.money import Money

AT = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
REFUND = uuid.UUID("00000000-0000-4000-8000-00000000000f")


class FakeReader:
    def __init__(self, *payments: Payment) -> None:
        self.payments = list(payments)
        self.searched: list[PaymentSearch] = []

    def get(self, payment_id: PaymentId) -> Payment | None:
        return next((p for p in self.payments if p.id == payment_id), None)

    def for_order(self, order_id: OrderId) -> Payment | None:
        return next((p for p in self.payments if p.order_id == order_id), None)

    def search(self, search: PaymentSearch) -> tuple[list[Payment], int]:
        self.searched.append(search)
        return self.payments, len(self.payments)


def refunded_payment() -> Payment:
    payment = Payment(PaymentId.new(), order_id=OrderId.new(), currency="EUR")
    eur = Money("80.00", "EUR")
    key = payment.request_authorization(
        amount=eur, method=PaymentMethodToken("tok_visa"), actor="saga", at=AT
    )
    payment.record_success(key.idempotency_key, provider_reference="pi_1", at=AT)
    payment.record_success(
        payment.request_capture(actor="saga", at=AT).idempotency_key, provider_reference="ch", at=AT
    )
    done = payment.request_refund(
        amount=Money("20.00", "EUR"), reason="late", actor="saga", at=AT, refund_id=RefundId(REFUND)
    )
    payment.record_success(done.idempotency_key, provider_reference="re_1", at=AT)
    failed = payment.request_refund(amount=Money("5.00", "EUR"), reason="oops", actor="support", at=AT)
    payment.record_failure(failed.idempotency_key, kind=FailureKind.DECLINED, reason="no", at=AT)
    return payment


def test_a_payment_view_has_its_figures_every_ledger_line_and_each_refund_with_its_outcome():
    payment = refunded_payment()

    view = get_payment(payment.id.value, reader=FakeReader(payment))

    assert view is not None
    assert (view.status, view.method, view.refunded) == (
        "partially_refunded",
        "tok_visa",
        MoneyPayload(amount="20.00", currency="EUR"),
    )
    assert [line.sequence for line in view.attempts] == list(range(1, 9))
    assert [(r.refund_id, r.status, r.provider_reference) for r in view.refunds] == [
        (REFUND, "succeeded", "re_1"),
        (None, "failed", None),
    ]


def test_an_unknown_payment_has_no_view():
    assert get_payment(uuid.uuid4(), reader=FakeReader()) is None


def test_a_list_is_searched_by_order_and_status():
    reader, order = FakeReader(refunded_payment()), uuid.uuid4()

    page = list_payments(reader=reader, order_id=order, status="refunded", offset=20, limit=10)

    assert page.count == 1
    assert reader.searched == [
        PaymentSearch(order_id=OrderId(order), status=PaymentStatus.REFUNDED, offset=20, limit=10)
    ]


@pytest.mark.parametrize(("status", "offset", "limit"), [("paid", 0, 20), (None, -1, 20), (None, 0, 101)])
def test_a_list_refuses_an_unknown_status_or_a_page_out_of_bounds(status, offset, limit):
    with pytest.raises(InvalidValue):
        list_payments(reader=FakeReader(), order_id=None, status=status, offset=offset, limit=limit)

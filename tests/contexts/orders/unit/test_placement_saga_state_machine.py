"""Replies and commands in any order, duplicated or late: the order and the saga never go wrong.

Other contexts are modelled only as far as causality goes: a reply comes after the command it
answers was sent at least once, and each context decided once whether it succeeds (unless the run is
``contradictory``, where both answers may come). Beyond that, anything may arrive, any number of times.
"""

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from oms.contexts.orders.domain import saga_commands as cmd
from oms.contexts.orders.domain.lines import OrderLine
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.contexts.orders.domain.saga_state import SagaState
from oms.contexts.orders.domain.status import OrderStatus
from oms.shared_kernel.errors import BusinessRuleViolation
from oms.shared_kernel.money import Money
from tests.contexts.orders.unit.builders import POLICY, T0, an_order
from tests.contexts.orders.unit.order_invariants import assert_order_is_in_a_legal_state

S = OrderStatus
ORDER_STATUSES_OF = {
    SagaState.AWAITING_RESERVATION: {S.PENDING},
    SagaState.AWAITING_PAYMENT: {S.AWAITING_PAYMENT},
    SagaState.CONFIRMED: {S.CONFIRMED},
    SagaState.SHIPPING: {S.SHIPPED, S.DELIVERED},
    SagaState.COMPLETED: {S.SHIPPED, S.DELIVERED, S.REFUNDED},
    SagaState.REJECTED: {S.REJECTED},
    SagaState.CANCELLED: {S.CANCELLED},
}
# What must have been heard (and must not have been) before the saga may send each command.
NEEDS = {
    cmd.AuthorizePayment: ({"stock_reserved"}, set()),
    cmd.ConfirmReservation: ({"stock_reserved", "payment_authorized"}, {"reservation_expired"}),
    cmd.ReleaseReservation: ({"stock_reserved"}, {"reservation_expired"}),
    cmd.CommitReservation: ({"stock_reserved"}, {"reservation_expired"}),
    cmd.VoidPayment: ({"payment_authorized"}, set()),
    cmd.CapturePayment: ({"payment_authorized"}, set()),
}
# Most runs go the happy way, so the late states (shipped, refunded) are reached as often as the early.
likely = st.integers(0, 9).map(lambda n: n < 8)
rarely = st.integers(0, 9).map(lambda n: n < 3)
HAPPY_PATH = ("stock_reserved", "payment_authorized", "ship", "payment_captured")
lines = st.lists(
    st.builds(
        lambda n, q, cents: OrderLine(f"SKU-{n}", q, Money.from_minor_units(cents, "EUR")),
        st.integers(0, 5),
        st.integers(1, 999),
        st.integers(1, 100_000),
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda line: line.sku,
)


class PlacementSaga(RuleBasedStateMachine):
    @initialize(
        basket=lines,
        in_stock=likely,
        card_ok=likely,
        contradictory=rarely,
        cancels=rarely,
        expires=rarely,
        head_start=st.integers(0, len(HAPPY_PATH)),
    )
    def place(
        self,
        basket: list[OrderLine],
        in_stock: bool,
        card_ok: bool,
        contradictory: bool,
        cancels: bool,
        expires: bool,
        head_start: int,
    ) -> None:
        """``head_start`` plays the first steps of the happy path, so late states are explored as much."""
        self.may = {
            "stock_reserved": in_stock or contradictory,
            "stock_reservation_failed": not in_stock or contradictory,
            "payment_authorized": card_ok or contradictory,
            "payment_failed": not card_ok or contradictory,
            "cancel": cancels,
            "reservation_expired": expires,
        }
        self.now = T0
        self.order = an_order(basket)
        self.saga, commands = OrderPlacementSaga.start(
            self.order, payment_token="tok_visa", now=T0, policy=POLICY
        )
        self.heard: set[str] = set()
        self.sent: list[cmd.SagaCommand] = []
        self._send(commands)
        for name in HAPPY_PATH[:head_start]:
            if not self.may.get(name, True):
                break
            getattr(self, name)()

    def _send(self, commands: list[cmd.SagaCommand]) -> None:
        for command in commands:
            needed, forbidden = NEEDS.get(type(command), (set(), set()))
            assert needed <= self.heard, (command, self.heard)
            assert not forbidden & self.heard, (command, self.heard)
        self.sent.extend(commands)

    def _was_sent(self, kind: type) -> bool:
        return any(isinstance(command, kind) for command in self.sent)

    def _hear(self, reply: str) -> None:
        self.heard.add(reply)
        self.now += timedelta(seconds=1)

    @precondition(lambda self: self.may["stock_reserved"] and self._was_sent(cmd.ReserveStock))
    @rule()
    def stock_reserved(self) -> None:
        self._hear("stock_reserved")
        self._send(self.saga.on_stock_reserved(self.order, now=self.now))

    @precondition(lambda self: self.may["stock_reservation_failed"] and self._was_sent(cmd.ReserveStock))
    @rule()
    def stock_reservation_failed(self) -> None:
        self._hear("stock_reservation_failed")
        self._send(self.saga.on_stock_reservation_failed(self.order, reason="Out of stock", now=self.now))

    @precondition(lambda self: self.may["reservation_expired"] and "stock_reserved" in self.heard)
    @rule()
    def reservation_expired(self) -> None:
        self._hear("reservation_expired")
        self._send(self.saga.on_reservation_expired(self.order, now=self.now))

    @precondition(lambda self: self.may["payment_authorized"] and self._was_sent(cmd.AuthorizePayment))
    @rule()
    def payment_authorized(self) -> None:
        self._hear("payment_authorized")
        self._send(self.saga.on_payment_authorized(self.order, now=self.now))

    @precondition(lambda self: self.may["payment_failed"] and self._was_sent(cmd.AuthorizePayment))
    @rule()
    def payment_failed(self) -> None:
        self._hear("payment_failed")
        self._send(self.saga.on_payment_failed(self.order, reason="Declined", now=self.now))

    @precondition(lambda self: self._was_sent(cmd.CapturePayment))
    @rule()
    def payment_captured(self) -> None:
        self._hear("payment_captured")
        self._send(self.saga.on_payment_captured(self.order, now=self.now))

    @precondition(lambda self: self._was_sent(cmd.CapturePayment))
    @rule()
    def payment_capture_failed(self) -> None:
        self._hear("payment_capture_failed")
        self._send(self.saga.on_payment_capture_failed(self.order, reason="Expired", now=self.now))

    @rule(minutes=st.integers(0, 40))
    def sweep(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)
        resent = self.saga.sweep(self.order, now=self.now)
        assert all(command in self.sent for command in resent), "a sweep only resends"
        self._send(resent)

    @precondition(lambda self: self.may["cancel"])
    @rule(actor=st.sampled_from(["customer:1", "support:1"]))
    def cancel(self, actor: str) -> None:
        self._try(lambda: self.saga.cancel(self.order, reason="Changed my mind", actor=actor, now=self.now))

    @rule()
    def ship(self) -> None:
        self._try(
            lambda: self.saga.ship(self.order, carrier="DHL", tracking_number="1", actor="w:1", now=self.now)
        )

    @rule()
    def deliver(self) -> None:
        self._try(self._deliver)

    def _deliver(self) -> list[cmd.SagaCommand]:
        self.order.deliver(at=self.now, actor="w:1")  # the saga has nothing to send for a delivery
        return []

    @rule(share=st.none() | st.integers(1, 2_000))
    def refund(self, share: int | None) -> None:
        """What is left (None), or a share of up to twice the total, so too-large refunds are tried too."""
        refundable = self.order.refundable
        amount = (
            refundable if share is None else Money(self.order.total.amount * Decimal(share) / 1000, "EUR")
        )
        try:
            self._send(
                self.saga.refund(self.order, amount=amount, reason="x", actor="support:1", now=self.now)
            )
        except BusinessRuleViolation:
            assert not amount.is_positive or amount > refundable or refundable.is_zero
        else:
            assert amount <= refundable

    def _try(self, command: Callable[[], list[cmd.SagaCommand]]) -> None:
        before = (self.order.timeline, self.saga.state, len(self.sent))
        try:
            self._send(command())
        except BusinessRuleViolation:
            assert (self.order.timeline, self.saga.state, len(self.sent)) == before, (
                "a refusal changes nothing"
            )

    @invariant()
    def the_order_is_in_a_legal_state(self) -> None:
        assert_order_is_in_a_legal_state(self.order)

    @invariant()
    def the_saga_and_the_order_agree(self) -> None:
        assert self.order.status in ORDER_STATUSES_OF[self.saga.state], (self.saga.state, self.order.status)

    @invariant()
    def each_compensation_is_sent_at_most_once_and_never_against_its_opposite(self) -> None:
        kinds = [type(command) for command in self.sent]
        assert kinds.count(cmd.ReleaseReservation) + kinds.count(cmd.CommitReservation) <= 1
        assert kinds.count(cmd.VoidPayment) + (cmd.CapturePayment in kinds) <= 1

    @invariant()
    def a_closed_saga_leaves_no_stock_or_money_held(self) -> None:
        if not self.saga.state.is_closed:
            return
        if "stock_reserved" in self.heard and "reservation_expired" not in self.heard:
            assert self._was_sent(cmd.ReleaseReservation)
        if "payment_authorized" in self.heard:
            assert self._was_sent(cmd.VoidPayment)

    @invariant()
    def refunds_never_exceed_the_total(self) -> None:
        refunds = [command.amount for command in self.sent if isinstance(command, cmd.RefundPayment)]
        assert Money.total(refunds, currency="EUR") == self.order.refunded <= self.order.total

    @invariant()
    def a_flag_always_says_why(self) -> None:
        assert self.saga.needs_attention == bool(self.saga.steps.attention_reason)

    @invariant()
    def the_payment_token_is_kept_only_while_it_may_be_needed(self) -> None:
        waiting = self.saga.state in (SagaState.AWAITING_RESERVATION, SagaState.AWAITING_PAYMENT)
        assert (self.saga.payment_token == "tok_visa") == waiting


TestPlacementSagaStateMachine = PlacementSaga.TestCase

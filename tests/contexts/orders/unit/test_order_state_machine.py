"""Any sequence of the order's own commands, legal or not: it never reaches an illegal state."""

from collections.abc import Callable
from datetime import timedelta

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from oms.contexts.orders.domain.order import Order
from oms.shared_kernel.errors import BusinessRuleViolation
from oms.shared_kernel.money import Money
from tests.contexts.orders.unit.builders import T0, an_order
from tests.contexts.orders.unit.order_invariants import assert_order_is_in_a_legal_state

COMMANDS: dict[str, Callable[[Order], None]] = {
    "reserve": lambda o: o.mark_awaiting_payment(at=T0),
    "confirm": lambda o: o.confirm(at=T0),
    "shortage": lambda o: o.reject_for_stock_shortage(reason="Out of stock", at=T0),
    "declined": lambda o: o.reject_for_failed_payment(reason="Declined", at=T0),
    "expired": lambda o: o.reject_for_expired_reservation(at=T0),
    "capture": lambda o: o.mark_payment_captured(at=T0),
    "void_late": lambda o: o.void_late_authorization(at=T0),
    "cancel": lambda o: o.cancel(reason="Changed my mind", at=T0, actor="customer:1"),
    "ship": lambda o: o.ship(carrier="DHL", tracking_number="1", at=T0, actor="warehouse:1"),
    "deliver": lambda o: o.deliver(at=T0 + timedelta(days=2), actor="warehouse:1"),
}


HAPPY_PATH = ("reserve", "confirm", "ship", "capture")


class OrderCommands(RuleBasedStateMachine):
    @initialize(head_start=st.integers(0, len(HAPPY_PATH)))
    def place(self, head_start: int) -> None:
        """``head_start`` plays the first moves of the happy path, so late states are explored as much."""
        self.order = an_order()  # 25.50 EUR
        for name in HAPPY_PATH[:head_start]:
            COMMANDS[name](self.order)
        self.order.pull_events()

    def _attempt(self, command: Callable[[Order], None]) -> None:
        before = (self.order.timeline, self.order.refunded)
        try:
            command(self.order)
        except BusinessRuleViolation:
            assert (self.order.timeline, self.order.refunded) == before, "a refusal changes nothing"
            assert self.order.pull_events() == []
        else:
            assert len(self.order.timeline) == len(before[0]) + 1
            assert len(self.order.pull_events()) == 1

    @rule(name=st.sampled_from(sorted(COMMANDS)))
    def command(self, name: str) -> None:
        self._attempt(COMMANDS[name])

    @rule(cents=st.integers(-100, 3_000))
    def refund(self, cents: int) -> None:
        amount = Money.from_minor_units(cents, "EUR")
        self._attempt(lambda o: o.refund(amount=amount, reason="Damaged", at=T0, actor="support:1"))

    @invariant()
    def the_order_is_in_a_legal_state(self) -> None:
        assert_order_is_in_a_legal_state(self.order)


TestOrderStateMachine = OrderCommands.TestCase

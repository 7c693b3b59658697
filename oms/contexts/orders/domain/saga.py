"""The order-placement saga: a process manager that drives one order through the other contexts.

It reacts to replies (another context's events) and to people's commands, moves the order, and
returns the commands to send. Every handler is state-guarded: a duplicate or out-of-order reply
returns no commands and raises nothing. What the saga obtained (a reservation, an authorization) is
recorded, so a compensation undoes only that; what arrives after the order closed is undone at once.
The order is moved first: if it refuses, the saga is left untouched too.
"""

from datetime import datetime

from oms.contexts.orders.domain import saga_commands as cmd
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga_state import Authorization, Reservation, SagaPolicy, SagaState, SagaStep
from oms.contexts.orders.domain.saga_steps import StepTracker
from oms.shared_kernel.entity import AggregateRoot
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.money import Money

_S = SagaState
Commands = list[cmd.SagaCommand]


class OrderPlacementSaga(AggregateRoot[OrderId]):
    """Its id is the order's. ``payment_token`` is forgotten once no authorization can be resent."""

    def __init__(
        self,
        *,
        order_id: OrderId,
        payment_token: str,
        state: SagaState = _S.AWAITING_RESERVATION,
        reservation: Reservation = Reservation.NONE,
        authorization: Authorization = Authorization.NONE,
        steps: StepTracker | None = None,
        policy: SagaPolicy | None = None,
        version: int = 0,
    ) -> None:
        super().__init__(order_id, version=version)
        self.payment_token = payment_token
        self.state = state
        self.reservation = reservation
        self.authorization = authorization
        self.steps = steps or StepTracker()
        self.policy = policy or SagaPolicy()

    @classmethod
    def start(
        cls, order: Order, *, payment_token: str, now: datetime, policy: SagaPolicy | None = None
    ) -> tuple["OrderPlacementSaga", Commands]:
        saga = cls(order_id=order.id, payment_token=payment_token, policy=policy)
        return saga, saga._begin(SagaStep.RESERVE_STOCK, order, now)

    @property
    def needs_attention(self) -> bool:
        return self.steps.needs_attention

    # --- replies from inventory ---

    def on_stock_reserved(self, order: Order, *, now: datetime) -> Commands:
        self._check(order)
        if self.reservation is not Reservation.NONE:
            return []  # a duplicate, or the reservation already lapsed or was released
        if self.state.is_closed:
            self.reservation = Reservation.HELD
            return self._release()  # the order closed while the stock was being reserved
        order.mark_awaiting_payment(at=now)
        self.reservation = Reservation.HELD
        self.steps.end()
        self._move(_S.AWAITING_PAYMENT)
        return self._begin(SagaStep.AUTHORIZE_PAYMENT, order, now)

    def on_stock_reservation_failed(self, order: Order, *, reason: str, now: datetime) -> Commands:
        self._check(order)
        if self.state is not _S.AWAITING_RESERVATION:
            return []
        order.reject_for_stock_shortage(reason=reason, at=now)
        self.steps.end(error=reason)
        self._move(_S.REJECTED)
        return []  # nothing was reserved, so nothing to undo

    def on_reservation_expired(self, order: Order, *, now: datetime) -> Commands:
        self._check(order)
        if self.reservation not in (Reservation.NONE, Reservation.HELD):
            return []
        if self.state in (_S.AWAITING_RESERVATION, _S.AWAITING_PAYMENT):
            order.reject_for_expired_reservation(at=now)
            self.steps.end(error="The stock reservation expired")
            self._move(_S.REJECTED)  # an authorization still on its way will be voided on arrival
        self.reservation = Reservation.EXPIRED  # inventory freed the stock itself: never release it
        if self.state is _S.CONFIRMED:
            self.steps.flag("The stock reservation expired after payment: reserve it again or cancel.")
        return []

    # --- replies from payments ---

    def on_payment_authorized(self, order: Order, *, now: datetime) -> Commands:
        self._check(order)
        if self.authorization not in (Authorization.NONE, Authorization.FAILED):
            return []
        if self.state.is_closed:
            order.void_late_authorization(at=now)
            self.authorization = Authorization.VOIDED
            return [cmd.VoidPayment(self.id)]
        if self.state is not _S.AWAITING_PAYMENT:
            return []  # never asked for yet: the saga authorizes only once the stock is held
        order.confirm(at=now)
        self.authorization = Authorization.AUTHORIZED
        self.steps.end()
        self._move(_S.CONFIRMED)
        return [cmd.ConfirmReservation(self.id)]

    def on_payment_failed(self, order: Order, *, reason: str, now: datetime) -> Commands:
        self._check(order)
        if self.state is not _S.AWAITING_PAYMENT:
            return []
        order.reject_for_failed_payment(reason=reason, at=now)
        self.authorization = Authorization.FAILED
        self.steps.end(error=reason)
        self._move(_S.REJECTED)
        return self._release()

    def on_payment_captured(self, order: Order, *, now: datetime) -> Commands:
        self._check(order)
        if self.state is not _S.SHIPPING:
            return []
        order.mark_payment_captured(at=now)
        self.authorization = Authorization.CAPTURED
        self.steps.end()
        self._move(_S.COMPLETED)
        return []

    def on_payment_capture_failed(self, order: Order, *, reason: str, now: datetime) -> Commands:
        self._check(order)
        if self.steps.current_step is not SagaStep.CAPTURE_PAYMENT:
            return []
        self.steps.end(error=reason)
        self.steps.flag(f"The goods have shipped but the payment could not be captured: {reason}")
        return []

    def on_payment_operation_failed(
        self, order: Order, *, operation: str, reason: str, now: datetime
    ) -> Commands:
        """A void or refund the provider refused: money is still held or still owed, so a person looks."""
        self._check(order)
        self.steps.flag(f"The payment provider refused to {operation} the payment: {reason}")
        return []

    # --- people's commands: refused with IllegalTransition by the order when it is not in time ---

    def cancel(self, order: Order, *, reason: str, actor: str, now: datetime) -> Commands:
        self._check(order)
        order.cancel(reason=reason, at=now, actor=actor)
        self.steps.end()
        self._move(_S.CANCELLED)
        return self._void() + self._release()

    def ship(
        self, order: Order, *, carrier: str, tracking_number: str, actor: str, now: datetime
    ) -> Commands:
        self._check(order)
        order.ship(carrier=carrier, tracking_number=tracking_number, at=now, actor=actor)
        self._move(_S.SHIPPING)
        return self._commit() + self._begin(SagaStep.CAPTURE_PAYMENT, order, now)

    def refund(self, order: Order, *, amount: Money, reason: str, actor: str, now: datetime) -> Commands:
        self._check(order)
        order.refund(amount=amount, reason=reason, at=now, actor=actor)
        return [cmd.RefundPayment(self.id, amount, reason)]

    # --- the sweeper ---

    def sweep(self, order: Order, *, now: datetime) -> Commands:
        """Resends the command of a step past its deadline, or flags the saga once out of attempts."""
        self._check(order)
        step = self.steps.overdue(now)
        if step is None:
            return []
        attempts = self.steps.attempts(step)
        seconds = int(self.policy.timeout(step).total_seconds())
        self.steps.note_error(step, f"No reply to {step.label} within {seconds} seconds")
        if attempts >= self.policy.max_attempts:
            self.steps.give_up(step, f"No reply to {step.label} after {attempts} attempts.")
            return []
        return self._begin(step, order, now)

    def resolve_attention(self) -> None:
        """A person has looked into the flag and dealt with it outside the saga."""
        self.steps.resolve_attention()

    # --- bookkeeping ---

    def _check(self, order: Order) -> None:
        if order.id != self.id:
            raise InvalidValue(f"The saga of order {self.id} was handed order {order.id}.")

    def _move(self, state: SagaState) -> None:
        self.state = state
        if state not in (_S.AWAITING_RESERVATION, _S.AWAITING_PAYMENT):
            self.payment_token = ""  # no authorization can be (re)sent any more: keep no secret

    def _begin(self, step: SagaStep, order: Order, now: datetime) -> Commands:
        self.steps.begin(step, now=now, timeout=self.policy.timeout(step))
        return [cmd.command_for(step, order, payment_token=self.payment_token)]

    def _release(self) -> Commands:
        if self.reservation is not Reservation.HELD:
            return []
        self.reservation = Reservation.RELEASED
        return [cmd.ReleaseReservation(self.id)]

    def _commit(self) -> Commands:
        if self.reservation is not Reservation.HELD:
            return []  # it expired after payment: the saga is already flagged for a person
        self.reservation = Reservation.COMMITTED
        return [cmd.CommitReservation(self.id)]

    def _void(self) -> Commands:
        if self.authorization is not Authorization.AUTHORIZED:
            return []
        self.authorization = Authorization.VOIDED
        return [cmd.VoidPayment(self.id)]

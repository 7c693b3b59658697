"""The orders context's synchronous public surface: keyword-only functions over contracts types.

Its own API calls these; other contexts would call them only from their infrastructure/acl.py.
Nothing here holds logic: each function delegates to the application layer with the Django adapters
and returns DTOs from `contracts.dtos`. The caller is named by id and roles: what they may see and
do, and the ``available_actions`` they are shown, depend on both. Errors are the shared kernel's
(NotFound, InvalidValue, BusinessRuleViolation) and those of `contracts.errors`.
"""

import uuid

from oms.contexts.orders.application import commands, queries
from oms.contexts.orders.application.access import Caller, actions_for
from oms.contexts.orders.application.placement import place_order as _place
from oms.contexts.orders.application.sweeper import sweep_sagas as _sweep
from oms.contexts.orders.application.views import order_view
from oms.contexts.orders.contracts.dtos import (
    OrderListQuery,
    OrderPage,
    OrderView,
    PlaceOrderRequest,
    SagaView,
    SweepReport,
)
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.infrastructure.acl import InventoryCatalogAdapter
from oms.contexts.orders.infrastructure.clock import SystemClock, saga_policy
from oms.contexts.orders.infrastructure.reader import DjangoOrderReader
from oms.contexts.orders.infrastructure.unit_of_work import DjangoOrdersUnitOfWork
from oms.shared_kernel.messages import MoneyPayload

_CLOCK = SystemClock()
_CATALOG = InventoryCatalogAdapter()


def _view(order: Order, caller: Caller) -> OrderView:
    return order_view(order, actions=actions_for(caller, order))


def place_order(*, customer_id: uuid.UUID, roles: frozenset[str], request: PlaceOrderRequest) -> OrderView:
    """The order as placed (``pending``): the saga goes on after the commit, in eager mode at once."""
    caller = Caller(customer_id, roles)
    order = _place(
        request,
        customer=caller,
        uow=DjangoOrdersUnitOfWork(),
        catalog=_CATALOG,
        clock=_CLOCK,
        policy=saga_policy(),
    )
    return _view(order, caller)


def get_order(*, order_id: uuid.UUID, caller_id: uuid.UUID, roles: frozenset[str]) -> OrderView:
    reader = DjangoOrderReader(saga_policy())
    return queries.get_order(OrderId(order_id), caller=Caller(caller_id, roles), reader=reader)


def list_orders(*, query: OrderListQuery, caller_id: uuid.UUID, roles: frozenset[str]) -> OrderPage:
    reader = DjangoOrderReader(saga_policy())
    return queries.list_orders(query, caller=Caller(caller_id, roles), reader=reader)


def get_saga(*, order_id: uuid.UUID, caller_id: uuid.UUID, roles: frozenset[str]) -> SagaView:
    reader = DjangoOrderReader(saga_policy())
    return queries.get_saga(OrderId(order_id), caller=Caller(caller_id, roles), reader=reader)


def cancel_order(
    *, order_id: uuid.UUID, caller_id: uuid.UUID, roles: frozenset[str], reason: str = ""
) -> OrderView:
    caller = Caller(caller_id, roles)
    order = commands.cancel_order(
        OrderId(order_id), caller=caller, reason=reason, uow=DjangoOrdersUnitOfWork(), clock=_CLOCK
    )
    return _view(order, caller)


def ship_order(
    *,
    order_id: uuid.UUID,
    caller_id: uuid.UUID,
    roles: frozenset[str],
    carrier: str,
    tracking_number: str,
) -> OrderView:
    caller = Caller(caller_id, roles)
    order = commands.ship_order(
        OrderId(order_id),
        caller=caller,
        carrier=carrier,
        tracking_number=tracking_number,
        uow=DjangoOrdersUnitOfWork(),
        clock=_CLOCK,
    )
    return _view(order, caller)


def deliver_order(*, order_id: uuid.UUID, caller_id: uuid.UUID, roles: frozenset[str]) -> OrderView:
    caller = Caller(caller_id, roles)
    order = commands.deliver_order(
        OrderId(order_id), caller=caller, uow=DjangoOrdersUnitOfWork(), clock=_CLOCK
    )
    return _view(order, caller)


def refund_order(
    *,
    order_id: uuid.UUID,
    caller_id: uuid.UUID,
    roles: frozenset[str],
    amount: MoneyPayload,
    reason: str = "",
) -> OrderView:
    caller = Caller(caller_id, roles)
    order = commands.refund_order(
        OrderId(order_id),
        caller=caller,
        amount=amount,
        reason=reason,
        uow=DjangoOrdersUnitOfWork(),
        clock=_CLOCK,
    )
    return _view(order, caller)


def resolve_attention(*, order_id: uuid.UUID, caller_id: uuid.UUID, roles: frozenset[str]) -> OrderView:
    caller = Caller(caller_id, roles)
    order = commands.resolve_attention(
        OrderId(order_id), caller=caller, uow=DjangoOrdersUnitOfWork(), clock=_CLOCK
    )
    return _view(order, caller)


def sweep_sagas(*, limit: int = 200) -> SweepReport:
    return _sweep(uow=DjangoOrdersUnitOfWork(), clock=_CLOCK, limit=limit)

"""What callers may ask about orders: one order, a page of them, a saga. Read without locks.

A customer's list is always narrowed to their own orders, whatever filter they sent; staff see all.
"""

from dataclasses import replace

from oms.contexts.orders.application import access
from oms.contexts.orders.application.access import Caller
from oms.contexts.orders.application.ports import OrderReader
from oms.contexts.orders.application.views import order_view, saga_view
from oms.contexts.orders.contracts.dtos import OrderListQuery, OrderPage, OrderView, SagaView
from oms.contexts.orders.contracts.errors import ActionNotPermitted
from oms.contexts.orders.domain.actions import available_actions
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.shared_kernel.errors import NotFound


def get_order(order_id: OrderId, *, caller: Caller, reader: OrderReader) -> OrderView:
    order = access.visible_or_not_found(caller, reader.get(order_id), order_id)
    return order_view(order, actions=access.actions_for(caller, order))


def list_orders(query: OrderListQuery, *, caller: Caller, reader: OrderReader) -> OrderPage:
    if not caller.is_staff:
        if access.CUSTOMER not in caller.roles:
            raise ActionNotPermitted("Only customers and staff may list orders.")
        query = replace(query, customer_id=caller.user_id)
    page = reader.page(query)
    results = tuple(
        replace(
            summary,
            available_actions=tuple(
                available_actions(
                    OrderStatus(summary.status),
                    PaymentStatus(summary.payment_status),
                    roles=caller.roles,
                    is_owner=access.CUSTOMER in caller.roles and summary.customer_id == caller.user_id,
                )
            ),
        )
        for summary in page.results
    )
    return OrderPage(count=page.count, results=results)


def get_saga(order_id: OrderId, *, caller: Caller, reader: OrderReader) -> SagaView:
    """Staff only: the saga is how the order is being processed, not something a customer sees."""
    found = reader.saga(order_id) if caller.is_staff else None
    if found is None:
        raise NotFound(f"No order {order_id} was found.")
    return saga_view(*found)

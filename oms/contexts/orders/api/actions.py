"""People's commands on an order: cancel, ship, deliver, refund. Each answers the order as changed.

A move the order's state does not allow answers 409 with the domain's sentence; every POST honours
an ``Idempotency-Key``, so a retried click cancels, ships or refunds once.
"""

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from oms.contexts.orders import facade
from oms.contexts.orders.api.errors import OrdersErrors
from oms.contexts.orders.api.representations import OrderSerializer, SagaSerializer
from oms.contexts.orders.api.serializers import CancelSerializer, RefundSerializer, ShipSerializer
from oms.contexts.orders.api.views import caller, order_response
from oms.platform.http.idempotency import idempotent
from oms.platform.http.permissions import require_roles


class CancelOrderView(OrdersErrors):
    """The owner until the parcel leaves, support and admins: voids the payment, releases the stock."""

    permission_classes = [require_roles("customer", "support", "admin")]

    @extend_schema(request=CancelSerializer, responses=OrderSerializer, operation_id="orders_cancel")
    @idempotent
    def post(self, request: Request, order_id: uuid.UUID) -> Response:
        body = CancelSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        order = facade.cancel_order(
            order_id=order_id, reason=body.validated_data["reason"], **caller(request)
        )
        return order_response(request, order)


class ShipOrderView(OrdersErrors):
    """The warehouse: commits the held stock and captures the payment."""

    permission_classes = [require_roles("warehouse", "admin")]

    @extend_schema(request=ShipSerializer, responses=OrderSerializer, operation_id="orders_ship")
    @idempotent
    def post(self, request: Request, order_id: uuid.UUID) -> Response:
        body = ShipSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        order = facade.ship_order(order_id=order_id, **body.validated_data, **caller(request))
        return order_response(request, order)


class DeliverOrderView(OrdersErrors):
    permission_classes = [require_roles("warehouse", "admin")]

    @extend_schema(request=None, responses=OrderSerializer, operation_id="orders_deliver")
    @idempotent
    def post(self, request: Request, order_id: uuid.UUID) -> Response:
        return order_response(request, facade.deliver_order(order_id=order_id, **caller(request)))


class RefundOrderView(OrdersErrors):
    """Support: part or all of what was captured, never more; the payment is refunded asynchronously."""

    permission_classes = [require_roles("support", "admin")]

    @extend_schema(request=RefundSerializer, responses={201: OrderSerializer}, operation_id="orders_refund")
    @idempotent
    def post(self, request: Request, order_id: uuid.UUID) -> Response:
        body = RefundSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        order = facade.refund_order(
            order_id=order_id,
            amount=body.amount_payload(),
            reason=body.validated_data["reason"],
            **caller(request),
        )
        return order_response(request, order, status.HTTP_201_CREATED)


class OrderSagaView(OrdersErrors):
    """Staff: how the order is being processed, each step's attempts and last error, and the journal."""

    permission_classes = [require_roles("support", "warehouse", "admin")]

    @extend_schema(responses=SagaSerializer, operation_id="orders_saga")
    def get(self, request: Request, order_id: uuid.UUID) -> Response:
        saga = facade.get_saga(order_id=order_id, **caller(request))
        return Response(SagaSerializer(saga).data)

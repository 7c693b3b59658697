"""The orders API (API.md): thin views that check the request's shape and call the facade.

Who may call what is checked twice: here by role (403), and in the application by ownership and
role (404 for an order the caller may not see). The order a POST returns is the order as its own
transaction left it: placing answers ``pending`` even when, in eager mode, the saga has already
moved on by the time the response is written; GET shows where it is now.
"""

import uuid
from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.throttling import BaseThrottle

from oms.contexts.orders import facade
from oms.contexts.orders.api.errors import OrdersErrors
from oms.contexts.orders.api.listing import OrderListParams, page_links
from oms.contexts.orders.api.representations import OrderSerializer, OrderSummarySerializer
from oms.contexts.orders.api.serializers import PlaceOrderSerializer
from oms.contexts.orders.contracts.dtos import OrderView
from oms.platform.http.idempotency import idempotent
from oms.platform.http.permissions import require_roles, roles_of

READERS = ("customer", "support", "warehouse", "admin")
OrderPageSerializer = inline_serializer(
    "OrderPage",
    {
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": OrderSummarySerializer(many=True),
    },
)


def user_id(request: Request) -> uuid.UUID:
    if request.user.pk is None:  # the permissions let no anonymous caller this far
        raise NotAuthenticated
    return uuid.UUID(str(request.user.pk))


def caller(request: Request) -> dict[str, Any]:
    return {"caller_id": user_id(request), "roles": roles_of(request.user)}


def order_response(request: Request, order: OrderView, code: int = status.HTTP_200_OK) -> Response:
    return Response(OrderSerializer(order, context={"request": request}).data, status=code)


class OrderCollectionView(OrdersErrors):
    """Place an order (customers), or list orders: a customer their own, staff every order."""

    throttle_scope = "orders.place"

    def get_permissions(self) -> list[BasePermission]:
        roles = ("customer",) if self.request.method == "POST" else READERS
        return [require_roles(*roles)()]

    def get_throttles(self) -> list[BaseThrottle]:
        # Placing has its own budget; reading counts against the caller's general one only.
        if self.request.method != "POST":
            self.throttle_scope = ""
        return super().get_throttles()

    @extend_schema(parameters=[OrderListParams], responses=OrderPageSerializer, operation_id="orders_list")
    def get(self, request: Request) -> Response:
        params = OrderListParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        page = facade.list_orders(query=params.to_query(), **caller(request))
        results = OrderSummarySerializer(page.results, many=True, context={"request": request}).data
        return Response({"count": page.count, **page_links(request, page, params), "results": results})

    @extend_schema(
        request=PlaceOrderSerializer, responses={201: OrderSerializer}, operation_id="orders_place"
    )
    @idempotent
    def post(self, request: Request) -> Response:
        body = PlaceOrderSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        order = facade.place_order(
            customer_id=user_id(request), roles=roles_of(request.user), request=body.to_request()
        )
        response = order_response(request, order, status.HTTP_201_CREATED)
        response["Location"] = reverse("orders-detail", args=[order.id], request=request)
        return response


class OrderDetailView(OrdersErrors):
    """One order: its owner and staff see it; anyone else is told it does not exist."""

    permission_classes = [require_roles(*READERS)]

    @extend_schema(responses=OrderSerializer, operation_id="orders_retrieve")
    def get(self, request: Request, order_id: uuid.UUID) -> Response:
        return order_response(request, facade.get_order(order_id=order_id, **caller(request)))

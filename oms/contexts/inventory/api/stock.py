"""Stock over HTTP: staff read a SKU's level; the warehouse and admins adjust it, with a reason.

Each adjustment is a ledger entry naming the caller and the request's correlation id, so any
stock level can be explained line by line. One that would leave less than is reserved for orders
is refused (409) by the domain and changes nothing.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from oms.contexts.inventory import facade
from oms.contexts.inventory.api.schema import IDEMPOTENCY_KEY, problems
from oms.contexts.inventory.api.stock_serializers import (
    AdjustmentResultSerializer,
    AdjustmentSerializer,
    StockLevelSerializer,
)
from oms.platform.correlation import accept_or_generate, current_correlation_id
from oms.platform.http.idempotency import idempotent
from oms.platform.http.permissions import require_roles, roles_of

ACTOR_ROLES = ("admin", "warehouse")  # the strongest first, as the ledger names the caller


def actor(request: Request) -> str:
    """``warehouse:<user id>``: who, and in which capacity, as the orders timeline names people."""
    roles = roles_of(request.user)
    role = next((name for name in ACTOR_ROLES if name in roles), "user")
    return f"{role}:{request.user.pk}"


class StockLevelView(APIView):
    permission_classes = [require_roles("warehouse", "support", "admin")]

    @extend_schema(
        operation_id="products_stock_retrieve",
        summary="A SKU's stock: on hand, reserved for orders, available (warehouse, support, admin)",
        responses={200: StockLevelSerializer, **problems(401, 403, 404)},
    )
    def get(self, request: Request, sku: str) -> Response:
        return Response(StockLevelSerializer(facade.stock_level(sku=sku)).data)


class StockAdjustmentView(APIView):
    permission_classes = [require_roles("warehouse", "admin")]

    @extend_schema(
        operation_id="products_stock_adjust",
        summary="Adjust on-hand stock with a reason (warehouse, admin)",
        description="A ledger entry names the caller; stock never drops below what is reserved (409).",
        parameters=[IDEMPOTENCY_KEY],
        request=AdjustmentSerializer,
        responses={status.HTTP_201_CREATED: AdjustmentResultSerializer, **problems(400, 401, 403, 404, 409)},
    )
    @idempotent
    def post(self, request: Request, sku: str) -> Response:
        given = AdjustmentSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        result = facade.adjust_stock(
            sku=sku,
            delta=given.validated_data["delta"],
            reason=given.validated_data["reason"],
            actor=actor(request),
            correlation_id=accept_or_generate(current_correlation_id()),
        )
        return Response(AdjustmentResultSerializer(result).data, status=status.HTTP_201_CREATED)

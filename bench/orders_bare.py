"""The baseline of the orders benchmark: the same requests served by bare DRF views, no domain layer.

Used only by ``bench/orders_load.py``, as the ROOT_URLCONF of ``bench.orders_settings``: the product's
URLs are all there, plus two views under ``/bench/bare/``, served by the same gunicorn with the same
middleware, authentication, permissions and throttles. What they leave out is what the comparison
measures: the catalog port, the aggregate and its rules, the saga, the timeline and its journal, the
outbox, the idempotency record, and the serializers' validation.

- ``POST /bench/bare/orders/`` writes what a naive synchronous implementation would, in one
  transaction: reads the prices, locks the stock rows in SKU order, checks and raises ``reserved``,
  inserts a hold per SKU, the order and its lines. (The product does the stock part later, in the
  worker that handles ReserveStock; its POST writes the order, saga, timeline, journal and outbox.)
- ``GET /bench/bare/orders/`` reads the caller's 20 newest orders with their lines as ``values()``.
"""

import uuid
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import F, Prefetch
from django.urls import include, path
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from oms.contexts.inventory.infrastructure.models import ProductRecord, StockHold, StockLevel
from oms.contexts.orders.infrastructure.models import OrderLineRecord, OrderRecord
from oms.platform.http.permissions import require_roles


class BareOrders(APIView):
    permission_classes = [require_roles("customer")]

    def post(self, request: Request) -> Response:
        items = {item["sku"]: int(item["quantity"]) for item in request.data["items"]}
        with transaction.atomic():
            prices = dict(ProductRecord.objects.filter(sku__in=items).values_list("sku", "price_amount"))
            stock = list(StockLevel.objects.select_for_update().filter(sku__in=items).order_by("sku"))
            if any(level.on_hand - level.reserved < items[level.sku] for level in stock):
                return Response({"detail": "short"}, status=409)
            for level in stock:
                StockLevel.objects.filter(sku=level.sku).update(reserved=F("reserved") + items[level.sku])
            order = _insert_order(request, items, prices)
            StockHold.objects.bulk_create(
                [
                    StockHold(stock_id=sku, order_id=order.id, quantity=q, expires_at=order.created_at)
                    for sku, q in items.items()
                ]
            )
        return Response({"id": str(order.id), "number": order.number, "status": "pending"}, status=201)

    def get(self, request: Request) -> Response:
        lines = Prefetch("lines", queryset=OrderLineRecord.objects.order_by("position"))
        orders = OrderRecord.objects.filter(customer_id=request.user.pk).order_by("-created_at")[:20]
        return Response(
            [
                {
                    "id": str(o.id),
                    "number": o.number,
                    "status": o.status,
                    "total": {"amount": str(o.total_amount), "currency": o.currency},
                    "lines": [{"sku": line.sku, "quantity": line.quantity} for line in o.lines.all()],
                }
                for o in orders.prefetch_related(lines)
            ]
        )


def _insert_order(request: Request, items: dict[str, int], prices: dict[str, Decimal]) -> OrderRecord:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('orders_order_number_seq')")
        number = f"BARE-{cursor.fetchone()[0]:08d}"
    address: dict[str, Any] = request.data["shipping_address"]
    now = timezone.now()
    order = OrderRecord.objects.create(
        id=uuid.uuid4(),
        number=number,
        customer_id=request.user.pk,
        currency=request.data["currency"],
        total_amount=sum(prices[sku] * q for sku, q in items.items()),
        status="pending",
        payment_status="none",
        ship_name=address["name"],
        ship_line1=address["line1"],
        ship_city=address["city"],
        ship_postal_code=address["postal_code"],
        ship_country=address["country"],
        created_at=now,
        updated_at=now,
    )
    OrderLineRecord.objects.bulk_create(
        [
            OrderLineRecord(
                order=order,
                position=n,
                sku=sku,
                quantity=q,
                unit_price=prices[sku],
                line_total=prices[sku] * q,
            )
            for n, (sku, q) in enumerate(items.items())
        ]
    )
    return order


urlpatterns = [
    path("bench/bare/orders/", BareOrders.as_view()),
    path("", include("oms.config.urls")),
]

"""The list's query string, checked like a body (400 with errors by field), and its page links."""

from typing import Any, get_args

from rest_framework import serializers
from rest_framework.request import Request

from oms.contexts.orders.contracts.dtos import OrderListQuery, OrderOrdering, OrderPage
from oms.platform.http.pagination import page_links as links_of_page

STATUSES = (
    "pending",
    "awaiting_payment",
    "confirmed",
    "shipped",
    "delivered",
    "rejected",
    "cancelled",
    "refunded",
)
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 20, 100


class OrderListParams(serializers.Serializer[Any]):
    status = serializers.CharField(required=False, help_text="One status, or several separated by commas.")
    customer = serializers.UUIDField(required=False, help_text="Staff only; a customer sees their own.")
    created_after = serializers.DateTimeField(required=False)
    created_before = serializers.DateTimeField(required=False)
    ordering = serializers.ChoiceField(choices=get_args(OrderOrdering), default="-created_at")
    page = serializers.IntegerField(min_value=1, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE)

    def validate_status(self, value: str) -> tuple[str, ...]:
        statuses = tuple(part.strip() for part in value.split(",") if part.strip())
        unknown = [status for status in statuses if status not in STATUSES]
        if unknown:
            raise serializers.ValidationError(
                f"Unknown status {', '.join(unknown)}; one of {', '.join(STATUSES)}."
            )
        return statuses

    def to_query(self) -> OrderListQuery:
        data = self.validated_data
        return OrderListQuery(
            statuses=data.get("status", ()),
            customer_id=data.get("customer"),
            created_after=data.get("created_after"),
            created_before=data.get("created_before"),
            ordering=data["ordering"],
            offset=(data["page"] - 1) * data["page_size"],
            limit=data["page_size"],
        )


def page_links(request: Request, page: OrderPage, params: OrderListParams) -> dict[str, str | None]:
    number, size = params.validated_data["page"], params.validated_data["page_size"]
    return links_of_page(request, page=number, size=size, count=page.count)

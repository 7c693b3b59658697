"""A signed-in user's notifications: their own only, whoever they are (staff read theirs too)."""

import uuid
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from oms.contexts.notifications import facade
from oms.contexts.notifications.api.serializers import (
    NotificationFilterSerializer,
    NotificationPageSerializer,
    NotificationSerializer,
)
from oms.contexts.notifications.contracts.dtos import NotificationPage
from oms.platform.http.pagination import page_body


class NotificationList(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="notifications_list",
        parameters=[NotificationFilterSerializer],
        responses=NotificationPageSerializer,
    )
    def get(self, request: Request) -> Response:
        filters = NotificationFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        page, size = filters.validated_data["page"], filters.validated_data["page_size"]
        found = facade.list_notifications(
            recipient_id=uuid.UUID(str(request.user.pk)),
            channel=filters.validated_data.get("channel"),
            status=filters.validated_data.get("status"),
            offset=(page - 1) * size,
            limit=size,
        )
        return Response(_page_body(request, found, page, size))


def _page_body(request: Request, found: NotificationPage, page: int, size: int) -> dict[str, Any]:
    results = NotificationSerializer(found.results, many=True).data
    return page_body(request, page=page, size=size, count=found.count, results=results)

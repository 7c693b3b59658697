"""Payments over HTTP: support and admin read them; the provider posts its signed webhooks."""

import uuid
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from oms.contexts.payments import facade
from oms.contexts.payments.api.serializers import (
    PaymentFilterSerializer,
    PaymentPageSerializer,
    PaymentSerializer,
    WebhookReceiptSerializer,
)
from oms.contexts.payments.contracts.dtos import InvalidSignature, PaymentPage
from oms.platform.http.pagination import page_body
from oms.platform.http.permissions import require_roles
from oms.platform.http.problems import PROBLEM_CONTENT_TYPE, problem

SIGNATURE_HEADER = "Stripe-Signature"


class PaymentList(APIView):
    permission_classes = [require_roles("support", "admin")]

    @extend_schema(
        operation_id="payments_list", parameters=[PaymentFilterSerializer], responses=PaymentPageSerializer
    )
    def get(self, request: Request) -> Response:
        filters = PaymentFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        page, size = filters.validated_data["page"], filters.validated_data["page_size"]
        found = facade.list_payments(
            order_id=filters.validated_data.get("order"),
            status=filters.validated_data.get("status"),
            offset=(page - 1) * size,
            limit=size,
        )
        return Response(_page_body(request, found, page, size))


def _page_body(request: Request, found: PaymentPage, page: int, size: int) -> dict[str, Any]:
    results = PaymentSerializer(found.results, many=True).data
    return page_body(request, page=page, size=size, count=found.count, results=results)


class PaymentDetail(APIView):
    permission_classes = [require_roles("support", "admin")]

    @extend_schema(operation_id="payments_retrieve", responses=PaymentSerializer)
    def get(self, request: Request, payment_id: uuid.UUID) -> Response:
        payment = facade.get_payment(payment_id=payment_id)
        if payment is None:
            raise NotFound("No payment has this id.")
        return Response(PaymentSerializer(payment).data)


class ProviderWebhook(APIView):
    """The signature is the authentication: no session, no token, no CSRF, no per-user throttle."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes: list[Any] = []

    @extend_schema(
        operation_id="payments_webhook",
        request=OpenApiTypes.OBJECT,
        responses=WebhookReceiptSerializer,
        parameters=[OpenApiParameter(SIGNATURE_HEADER, str, OpenApiParameter.HEADER, required=True)],
    )
    def post(self, request: Request, provider: str) -> Response:
        try:
            body = request.body.decode("utf-8")
            receipt = facade.receive_webhook(
                provider=provider, payload=body, signature=request.headers.get(SIGNATURE_HEADER, "")
            )
        except (InvalidSignature, UnicodeDecodeError) as refused:
            detail = str(refused) if isinstance(refused, InvalidSignature) else "The body is not UTF-8."
            body_400 = problem(400, slug="invalid-signature", detail=detail)
            return Response(body_400, status=status.HTTP_400_BAD_REQUEST, content_type=PROBLEM_CONTENT_TYPE)
        return Response(WebhookReceiptSerializer(receipt).data)

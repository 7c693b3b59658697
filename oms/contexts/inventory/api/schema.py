"""What the OpenAPI schema says beyond the serializers: the Idempotency-Key header and the problems."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    description="The same key and body within 24 h replays the first response and does nothing more.",
)

Problem = inline_serializer(
    "InventoryProblem",
    {
        "type": serializers.CharField(),
        "title": serializers.CharField(),
        "status": serializers.IntegerField(),
        "detail": serializers.CharField(),
        "errors": serializers.DictField(required=False, help_text="Validation errors, by field."),
    },
)

_MEANINGS = {
    400: "The request is malformed; `errors` says what, by field.",
    401: "No valid credentials.",
    403: "The caller's roles do not allow this.",
    404: "No product has this SKU (or no such image).",
    409: "A rule of the business refuses it (a SKU already taken, stock below what is reserved).",
}


def problems(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: OpenApiResponse(Problem, description=_MEANINGS[code]) for code in codes}

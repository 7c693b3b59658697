"""Releasing an authorization the provider granted after we had recorded the attempt as failed.

The ledger already holds its final answer (a failure), so the hold is released at the provider
alone, under a key of its own that names the stray authorization: retried, it is released once.
"""

from oms.contexts.payments.application.ports import GatewayAnswer, PaymentGateway
from oms.contexts.payments.domain.ids import PaymentId


def void_stray_authorization(
    payment_id: PaymentId, authorization: str, *, gateway: PaymentGateway
) -> GatewayAnswer:
    key = f"{payment_id}:void-stray:{authorization}"
    return gateway.void(idempotency_key=key, authorization=authorization)

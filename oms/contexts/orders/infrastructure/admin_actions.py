"""The back office's actions on orders: through the application layer, as the API's are.

The staff member is the caller, with their roles: what the API refuses them, the admin refuses too,
and the domain's refusal ("A shipped order cannot be cancelled.") is shown as the message.
"""

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

from oms.contexts.orders.application import commands
from oms.contexts.orders.application.access import Caller
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.infrastructure.clock import SystemClock
from oms.contexts.orders.infrastructure.models import OrderRecord
from oms.contexts.orders.infrastructure.unit_of_work import DjangoOrdersUnitOfWork
from oms.platform.http.permissions import roles_of
from oms.shared_kernel.errors import DomainError
from oms.shared_kernel.messages import MoneyPayload

Command = Callable[[OrderId, Caller], object]
CLOCK = SystemClock()


class CancelForm(forms.Form):
    reason = forms.CharField(max_length=500, required=False)


class ShipForm(forms.Form):
    carrier = forms.CharField(max_length=100)
    tracking_number = forms.CharField(max_length=100)


class RefundForm(forms.Form):
    amount = forms.DecimalField(max_digits=18, decimal_places=4, min_value=0)
    reason = forms.CharField(max_length=500, required=False)


def run(
    model_admin: "admin.ModelAdmin[OrderRecord]",
    request: HttpRequest,
    records: QuerySet[OrderRecord],
    command: Command,
) -> None:
    caller = Caller(uuid.UUID(str(request.user.pk)), roles_of(request.user))
    done = 0
    for record in records.order_by("pk"):
        try:
            command(OrderId(record.pk), caller)
            done += 1
        except DomainError as refusal:
            model_admin.message_user(request, f"{record.number}: {refusal}", messages.ERROR)
    if done:
        model_admin.message_user(request, f"{done} order(s) done.", messages.SUCCESS)


def ask(
    model_admin: "admin.ModelAdmin[OrderRecord]",
    request: HttpRequest,
    records: QuerySet[OrderRecord],
    form_class: type[forms.Form],
    act: Callable[[dict[str, Any]], Command],
    *,
    action: str,
    title: str,
) -> TemplateResponse | None:
    """Shows ``form`` for the selected orders; once submitted and valid, runs the command on each."""
    form = form_class(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        run(model_admin, request, records, act(form.cleaned_data))
        return None
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "question": f"{title}: {records.count()} order(s).",
        "orders": records,
        "form": form,
        "action": action,
        "opts": model_admin.model._meta,
    }
    return TemplateResponse(request, "orders/admin/action_form.html", context)


def cancelling(data: dict[str, Any]) -> Command:
    def cancel(order_id: OrderId, caller: Caller) -> object:
        return commands.cancel_order(
            order_id, caller=caller, reason=data["reason"], uow=DjangoOrdersUnitOfWork(), clock=CLOCK
        )

    return cancel


def shipping(data: dict[str, Any]) -> Command:
    def ship(order_id: OrderId, caller: Caller) -> object:
        return commands.ship_order(
            order_id,
            caller=caller,
            carrier=data["carrier"],
            tracking_number=data["tracking_number"],
            uow=DjangoOrdersUnitOfWork(),
            clock=CLOCK,
        )

    return ship


def refunding(currency_of: Callable[[OrderId], str]) -> Callable[[dict[str, Any]], Command]:
    def with_data(data: dict[str, Any]) -> Command:
        def refund(order_id: OrderId, caller: Caller) -> object:
            amount = MoneyPayload(amount=str(data["amount"]), currency=currency_of(order_id))
            return commands.refund_order(
                order_id,
                caller=caller,
                amount=amount,
                reason=data["reason"],
                uow=DjangoOrdersUnitOfWork(),
                clock=CLOCK,
            )

        return refund

    return with_data


def resolving(order_id: OrderId, caller: Caller) -> object:
    return commands.resolve_attention(order_id, caller=caller, uow=DjangoOrdersUnitOfWork(), clock=CLOCK)

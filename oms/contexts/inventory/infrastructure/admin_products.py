"""Products in the back office. Every change goes through the application layer, as the API's do:
the catalog use cases for a product, adjust_stock for stock (a ledger entry naming the staff member),
the image check for uploads. A refusal of the domain is shown to the person, not swallowed."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse

from oms.contexts.inventory.application import catalog, queries, stock
from oms.contexts.inventory.contracts.dtos import ImageUpload
from oms.contexts.inventory.infrastructure import images
from oms.contexts.inventory.infrastructure.admin_forms import (
    AdjustmentForm,
    ImageForm,
    ImageInline,
    ProductForm,
)
from oms.contexts.inventory.infrastructure.clock import SystemClock
from oms.contexts.inventory.infrastructure.models import ProductRecord
from oms.contexts.inventory.infrastructure.unit_of_work import DjangoInventoryUnitOfWork
from oms.platform.correlation import accept_or_generate, current_correlation_id
from oms.shared_kernel.errors import DomainError
from oms.shared_kernel.messages import MoneyPayload

CLOCK = SystemClock()
ACTION_TEMPLATE = "admin/inventory/product_action.html"


@admin.register(ProductRecord)
class ProductAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = ProductForm
    list_display = ("sku", "name", "price_amount", "price_currency", "active", "updated_at")
    list_filter = ("active", "price_currency")
    search_fields = ("sku", "name", "description")
    readonly_fields = ("on_hand", "reserved", "available", "version", "created_at", "updated_at")
    inlines = [ImageInline]
    actions = ["activate", "deactivate"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return (*self.readonly_fields, "sku") if obj else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: ProductRecord, form: Any, change: bool) -> None:
        data = form.cleaned_data
        fields = {
            "sku": obj.sku,
            "name": data["name"],
            "description": data["description"],
            "price": MoneyPayload(amount=str(data["price_amount"]), currency=data["price_currency"]),
            "active": data["active"],
        }
        use_case = catalog.update_product if change else catalog.create_product
        view = use_case(uow=DjangoInventoryUnitOfWork(), clock=CLOCK, **fields)
        obj.pk = ProductRecord.objects.values_list("pk", flat=True).get(sku=view.sku)

    @admin.action(description="Put the selected products on sale")
    def activate(self, request: HttpRequest, queryset: Any) -> None:
        self._set_active(request, queryset, active=True)

    @admin.action(description="Withdraw the selected products from sale")
    def deactivate(self, request: HttpRequest, queryset: Any) -> None:
        self._set_active(request, queryset, active=False)

    def _set_active(self, request: HttpRequest, queryset: Any, *, active: bool) -> None:
        for sku in queryset.values_list("sku", flat=True):
            catalog.update_product(uow=DjangoInventoryUnitOfWork(), clock=CLOCK, sku=sku, active=active)
        self.message_user(request, f"{queryset.count()} product(s) updated.", messages.SUCCESS)

    @admin.display(description="on hand")
    def on_hand(self, obj: ProductRecord) -> int | str:
        return self._level(obj, "on_hand")

    @admin.display(description="reserved for orders")
    def reserved(self, obj: ProductRecord) -> int | str:
        return self._level(obj, "reserved")

    @admin.display(description="available")
    def available(self, obj: ProductRecord) -> int | str:
        return self._level(obj, "available")

    def _level(self, obj: ProductRecord, figure: str) -> int | str:
        if not obj.pk:
            return "-"
        level = queries.stock_level(obj.sku, uow=DjangoInventoryUnitOfWork(), clock=CLOCK)
        return int(getattr(level, figure))

    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "<path:object_id>/adjust-stock/",
                self.admin_site.admin_view(self.adjust_stock_view),
                name="inventory_productrecord_adjust_stock",
            ),
            path(
                "<path:object_id>/add-image/",
                self.admin_site.admin_view(self.add_image_view),
                name="inventory_productrecord_add_image",
            ),
        ]
        return own + super().get_urls()

    def adjust_stock_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        product = self._changeable(request, object_id)
        form = AdjustmentForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                result = stock.adjust_stock(
                    uow=DjangoInventoryUnitOfWork(),
                    clock=CLOCK,
                    sku=product.sku,
                    delta=form.cleaned_data["delta"],
                    reason=form.cleaned_data["reason"],
                    actor=f"staff:{request.user.pk}",
                    correlation_id=accept_or_generate(current_correlation_id()),
                )
            except DomainError as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                self.message_user(
                    request, f"Stock of {result.sku} is now {result.on_hand} on hand.", messages.SUCCESS
                )
                return self._back_to(product)
        return self._action_page(request, product, form, f"Adjust the stock of {product.sku}")

    def add_image_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        product = self._changeable(request, object_id)
        form = ImageForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                images.add_image(
                    sku=product.sku, upload=ImageUpload(filename=upload.name, content=upload.read())
                )
            except DomainError as refused:
                form.add_error("file", str(refused))
            else:
                self.message_user(request, "Image added; its thumbnails follow shortly.", messages.SUCCESS)
                return self._back_to(product)
        return self._action_page(request, product, form, f"Add an image of {product.sku}")

    def _changeable(self, request: HttpRequest, object_id: str) -> ProductRecord:
        product = get_object_or_404(ProductRecord, pk=object_id)
        if not self.has_change_permission(request, product):
            raise PermissionDenied
        return product

    def _back_to(self, product: ProductRecord) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:inventory_productrecord_change", args=[product.pk]))

    def _action_page(
        self, request: HttpRequest, product: ProductRecord, form: forms.Form, title: str
    ) -> HttpResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "original": product,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, ACTION_TEMPLATE, context)

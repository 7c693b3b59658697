"""Forms of the inventory's back office; the aggregate checks what a person types, as in the API."""

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.html import format_html

from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.infrastructure.image_records import ProductImageRecord, image_view
from oms.contexts.inventory.infrastructure.models import ProductRecord
from oms.shared_kernel.errors import DomainError
from oms.shared_kernel.money import Money


class ProductForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ProductRecord
        fields = ("sku", "name", "description", "price_amount", "price_currency", "active")

    def clean(self) -> dict[str, Any]:
        """The aggregate checks the values, so the admin accepts exactly what the API accepts."""
        data = super().clean() or {}
        try:
            Product(
                Sku(data.get("sku") or self.instance.sku),
                name=data.get("name", ""),
                description=data.get("description", ""),
                price=Money(data.get("price_amount") or 0, data.get("price_currency", "")),
            )
        except DomainError as refused:
            raise ValidationError(str(refused)) from refused
        return data


class ImageInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ProductImageRecord
    fields = readonly_fields = ("preview", "content_type", "width", "height", "thumbnails_made", "created_at")
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="image")
    def preview(self, image: ProductImageRecord) -> str:
        view = image_view(image)
        url = view.thumbnails[0].url if view.thumbnails else view.url
        return format_html('<a href="{}"><img src="{}" style="max-height:80px"></a>', view.url, url)

    @admin.display(description="thumbnails")
    def thumbnails_made(self, image: ProductImageRecord) -> str:
        return ", ".join(sorted(image.thumbnails, key=int)) or "not yet"


class AdjustmentForm(forms.Form):
    delta = forms.IntegerField(help_text="Units added (positive) or removed (negative).")
    reason = forms.CharField(max_length=255, help_text="restock, count, damage, ...")


class ImageForm(forms.Form):
    file = forms.FileField(help_text="A JPEG, PNG or WebP image.")

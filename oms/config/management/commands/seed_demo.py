from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from oms.config.demo_catalog import CURRENCY, DEMO_PRODUCTS
from oms.contexts.identity import facade as identity
from oms.contexts.inventory import facade as inventory
from oms.shared_kernel.errors import NotFound
from oms.shared_kernel.messages import MoneyPayload

DEMO_PASSWORD = "demo"  # noqa: S105  (demo users exist only with DEBUG on; refused otherwise)


class Command(BaseCommand):
    help = "Load demo data for the embedded mode: one user per role (password 'demo') and a stocked catalog."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("seed_demo creates users with a known password; it runs only with DEBUG on.")
        users = identity.ensure_demo_users(password=DEMO_PASSWORD)
        created = sum(self._ensure_product(*product) for product in DEMO_PRODUCTS)
        self.stdout.write(f"demo users: {', '.join(users)} (password '{DEMO_PASSWORD}')")
        self.stdout.write(f"demo catalog: {len(DEMO_PRODUCTS)} products ({created} new)")

    def _ensure_product(self, sku: str, name: str, description: str, price: str, stock: int) -> bool:
        """Create a product and its stock once; a rerun leaves what exists (and its stock) alone."""
        try:
            inventory.get_product(sku=sku)
        except NotFound:
            money = MoneyPayload(amount=price, currency=CURRENCY)
            inventory.create_product(sku=sku, name=name, description=description, price=money)
            inventory.adjust_stock(
                sku=sku, delta=stock, reason="demo stock", actor="seed_demo", correlation_id="seed"
            )
            return True
        return False

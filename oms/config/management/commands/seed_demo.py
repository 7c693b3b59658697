from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from oms.contexts.identity import facade as identity

DEMO_PASSWORD = "demo"  # noqa: S105  (demo users exist only with DEBUG on; refused otherwise)


class Command(BaseCommand):
    help = "Load demo data for the embedded mode: one user per role (password 'demo'). DEBUG only."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("seed_demo creates users with a known password; it runs only with DEBUG on.")
        users = identity.ensure_demo_users(password=DEMO_PASSWORD)
        self.stdout.write(f"demo users: {', '.join(users)} (password '{DEMO_PASSWORD}')")

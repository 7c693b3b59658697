"""The payments context's settings, each read with its default, so settings.py only overrides."""

from typing import Any

from django.conf import settings


def setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def gateway_name() -> str:
    return str(setting("PAYMENT_GATEWAY", "sandbox"))


def webhook_secrets() -> dict[str, str]:
    """Signing secret per provider name in the webhook URL; a provider without one is refused."""
    secrets: dict[str, str] = dict(setting("PAYMENT_WEBHOOK_SECRETS", {}))
    return {provider: secret for provider, secret in secrets.items() if secret}


def webhook_tolerance_seconds() -> int:
    return int(setting("PAYMENT_WEBHOOK_TOLERANCE_SECONDS", 300))


def resend_after_seconds() -> int:
    return int(setting("PAYMENT_RESEND_AFTER_SECONDS", 60))

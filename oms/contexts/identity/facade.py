"""The identity context's synchronous public surface: keyword-only functions over contracts types.

Other contexts call these only from their infrastructure/acl.py. Nothing here holds logic: each
function delegates to the application layer or the infrastructure and returns primitives or DTOs.
"""

from oms.contexts.identity.infrastructure import demo


def ensure_demo_users(*, password: str) -> list[str]:
    """Embedded mode only: one user per role, each signing in as its role's name with ``password``."""
    return demo.ensure_demo_users(password=password)

"""``manage.py``'s entry point, listing each context's commands under the context's name.

Django groups ``manage.py help`` by the last part of an app's module path, which for every context
is ``infrastructure``; operators look for a command under ``[orders]`` or ``[inventory]``.
"""

import sys

from django.core import management

SUFFIX = ".infrastructure"


_django_get_commands = management.get_commands


def _by_context() -> dict[str, str]:
    commands: dict[str, str] = _django_get_commands()
    return {name: app.removesuffix(SUFFIX) for name, app in commands.items()}


class ContextAwareUtility(management.ManagementUtility):
    def main_help_text(self, commands_only: bool = False) -> str:
        management.get_commands = _by_context  # only while the help text is built
        try:
            return super().main_help_text(commands_only)
        finally:
            management.get_commands = _django_get_commands


def main(argv: list[str] | None = None) -> None:
    ContextAwareUtility(argv or sys.argv).execute()

"""Errors described without personal data: they are stored on attempts, shown in the admin, and logged."""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MAX_LENGTH = 500


def redact(text: str) -> str:
    return EMAIL.sub("[email]", text)


def describe(error: BaseException) -> str:
    detail = redact(str(error))
    return (f"{type(error).__name__}: {detail}" if detail else type(error).__name__)[:MAX_LENGTH]

"""A logging filter that keeps personal data and credentials out of the logs.

Email addresses, bearer tokens and anything shaped like a JWT are replaced in the message and in
the traceback before any handler writes them, whichever module logged them (ours or a library's).
"""

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
BEARER = re.compile(r"(?i)\b(bearer)\s+[\w\-.~+/]+=*")
JWT = re.compile(r"\beyJ[\w-]*\.[\w-]+\.[\w-]*")


def redact(text: str) -> str:
    text = BEARER.sub(r"\1 [redacted]", text)
    text = JWT.sub("[redacted-jwt]", text)
    return EMAIL.sub("[redacted-email]", text)


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed call; logging itself reports it when the record is formatted
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True

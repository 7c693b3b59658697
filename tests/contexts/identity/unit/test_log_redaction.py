import logging

from oms.contexts.identity.infrastructure.logs import RedactPersonalData, redact

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJl"


def record(message, *args, exc_info=None):
    return logging.LogRecord("oms.test", logging.WARNING, __file__, 1, message, args, exc_info)


def test_email_addresses_are_redacted():
    assert redact("order for ada.lovelace+oms@example.co.uk placed") == "order for [redacted-email] placed"


def test_bearer_tokens_and_bare_jwts_are_redacted():
    assert redact(f"Authorization: Bearer {JWT}") == "Authorization: Bearer [redacted]"
    assert redact(f"token={JWT}&next=/") == "token=[redacted-jwt]&next=/"


def test_text_without_personal_data_is_left_alone():
    assert redact("order 42 confirmed in 12 ms") == "order 42 confirmed in 12 ms"


def test_the_filter_redacts_the_formatted_message_including_its_arguments():
    entry = record("signed in: %s (%s)", "ada@example.test", "Ada")

    assert RedactPersonalData().filter(entry)

    assert entry.getMessage() == "signed in: [redacted-email] (Ada)"


def test_the_filter_redacts_tracebacks_too():
    try:
        raise ValueError(f"bad token {JWT} for ada@example.test")
    except ValueError as error:
        entry = record("refused", exc_info=(type(error), error, error.__traceback__))

    RedactPersonalData().filter(entry)

    assert "ada@example.test" not in entry.exc_text
    assert JWT not in entry.exc_text
    assert "[redacted-jwt]" in entry.exc_text

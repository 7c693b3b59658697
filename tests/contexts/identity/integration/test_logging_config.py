import io
import logging


def test_the_console_handler_django_configured_writes_no_email_or_token():
    console = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = console.setStream(stream)
    try:
        logging.getLogger("oms.test").warning("refused Bearer abc.def.ghi for %s", "ada@example.test")
    finally:
        console.setStream(previous)

    written = stream.getvalue()
    assert "refused Bearer [redacted] for [redacted-email]" in written
    assert "ada@example.test" not in written

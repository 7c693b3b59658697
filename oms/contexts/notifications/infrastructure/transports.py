"""How each channel delivers a notification: e-mail, in-app, and outbound webhooks."""

import smtplib
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from oms.contexts.notifications.application.ports import DeliveryFailed
from oms.contexts.notifications.domain.notification import Notification
from oms.contexts.notifications.infrastructure.mail import MailSender
from oms.contexts.notifications.infrastructure.redaction import describe, redact

# A 5xx reply to the recipient or to the message is final: the same message will be refused again.
# One to the connection, the sender or the login says our set-up is wrong: retried, it may be fixed.
PERMANENT_SMTP = 500


class InAppTransport:
    """The stored notification is the in-app message: storing it made it visible, so this only confirms."""

    def send(self, notification: Notification) -> None:
        return None


class EmailTransport:
    def __init__(self, sender: MailSender) -> None:
        self.sender = sender

    def send(self, notification: Notification) -> None:
        try:
            self.sender.send(email_message(notification))
        except smtplib.SMTPRecipientsRefused as refused:
            codes = sorted({code for code, _ in refused.recipients.values()})
            raise DeliveryFailed(
                f"The recipient was refused (SMTP {', '.join(map(str, codes))}).",
                permanent=all(code >= PERMANENT_SMTP for code in codes),
            ) from None  # the exception names the address: it stays out of logs and records
        except smtplib.SMTPResponseException as answer:
            raise DeliveryFailed(
                f"SMTP {answer.smtp_code}: {_reply(answer.smtp_error)}"[:500],
                permanent=isinstance(answer, smtplib.SMTPDataError) and answer.smtp_code >= PERMANENT_SMTP,
            ) from None
        except (smtplib.SMTPException, OSError) as error:
            raise DeliveryFailed(describe(error)) from None


def _reply(error: bytes | str) -> str:
    return redact(error.decode(errors="replace") if isinstance(error, bytes) else str(error))


def email_message(notification: Notification) -> EmailMultiAlternatives:
    content = notification.content
    message = EmailMultiAlternatives(
        subject=content.subject,
        body=content.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.destination.address],
        headers={
            # Stable per notification: a receiving system can drop a copy sent again after a crash.
            "Message-ID": f"<{notification.id}@{_mail_domain()}>",
            "Auto-Submitted": "auto-generated",  # RFC 3834: no vacation auto-replies to this
        },
    )
    if content.html:
        message.attach_alternative(content.html, "text/html")
    return message


def _mail_domain() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"

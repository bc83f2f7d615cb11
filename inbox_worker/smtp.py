"""SMTP edge: render an ``OutgoingMail`` as MIME bytes and deliver it (smtplib).

``to_mime`` is deterministic: the same mail and date give the same bytes. ``SmtpSender``
opens one connection for a whole outbox run and tells a refusal of one mail (permanent 5xx
or temporary 4xx) apart from a broken connection or login (``SendError``).
"""

from __future__ import annotations

import hashlib
import logging
import re
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.policy import Policy
from email.utils import format_datetime, parseaddr
from types import TracebackType
from typing import NoReturn, Protocol, Self

from inbox_worker.config import SmtpConfig
from inbox_worker.errors import SendError
from inbox_worker.models import OutgoingMail

log = logging.getLogger(__name__)

_MSG_ID = re.compile(r"<[!-;=?-~]+@[!-;=?-~]+>")  # printable ASCII, no spaces, <, > or @
_HEADER_NAME = re.compile(r"[!-9;-~]+")
_BREAKS = re.compile(r"\s*[\r\n]+\s*")
# Headers we set ourselves; ``extra_headers`` may not repeat or override them.
_OURS = frozenset(
    name.lower()
    for name in (
        "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date", "Message-ID",
        "In-Reply-To", "References", "Auto-Submitted", "X-Auto-Response-Suppress",
        "X-Inbox-Worker-Case", "X-Original-To", "MIME-Version", "Content-Type",
        "Content-Transfer-Encoding",
    )
)  # fmt: skip


class Sender(Protocol):
    """What delivery needs: send one mail, get the server's acceptance line back."""

    def send(self, mail: OutgoingMail) -> str: ...


class MailRefusedError(SendError):
    """The server refused this one mail (RCPT or DATA), or it cannot be built at all.

    ``code`` and ``reply`` are the server's (0 and "" when we refused to build it).
    """

    permanent = False

    def __init__(self, message: str, code: int = 0, reply: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.reply = reply


class PermanentSendError(MailRefusedError):
    """5xx for this mail, or a mail that can never go out as it is: mark it failed."""

    permanent = True


class TemporarySendError(MailRefusedError):
    """4xx for this mail: keep it in the outbox and try again later."""


# -- rendering -----------------------------------------------------------------------------


def to_mime(
    mail: OutgoingMail,
    sender: str,
    sender_name: str,
    date: datetime | None = None,
    *,
    redirect_to: str | None = None,
) -> bytes:
    """The mail as RFC 5322 bytes (CRLF, 7-bit: quoted-printable bodies, RFC 2047 headers).

    Text part, plus an HTML alternative when ``mail.html`` is set. ``date`` defaults to
    now (UTC). ``redirect_to`` replaces To and keeps the original in ``X-Original-To``.
    A line break in Subject or the sender's name is folded into a space; one in any other
    value raises ``PermanentSendError`` (header injection), as do unusable addresses. A
    malformed In-Reply-To or References id is dropped (it is advisory).
    """
    try:
        message = _message(mail, sender, sender_name, date or datetime.now(UTC), redirect_to)
        return message.as_bytes(policy=SMTP_POLICY)
    except (ValueError, TypeError) as exc:  # the email package's word for a bad header
        raise PermanentSendError(f"cannot build mail {mail.message_id!r}: {exc}") from exc


def _message(
    mail: OutgoingMail, sender: str, name: str, date: datetime, redirect_to: str | None
) -> EmailMessage:
    message = EmailMessage(policy=SMTP_POLICY)
    message["From"] = Address(display_name=_one_line(name), addr_spec=_plain("From", sender))
    message["To"] = _address("To", redirect_to or mail.to)
    if redirect_to:
        message["X-Original-To"] = str(_address("To", mail.to))
    message["Subject"] = _one_line(mail.subject)
    message["Date"] = format_datetime(date if date.tzinfo else date.replace(tzinfo=UTC))
    message["Message-ID"] = _MsgIds("Message-ID", (_own_msg_id(mail.message_id),))
    _add_references(message, mail)
    if mail.reply_to:
        message["Reply-To"] = _address("Reply-To", mail.reply_to)
    message["Auto-Submitted"] = "auto-replied"  # RFC 3834: robots must not answer it
    message["X-Auto-Response-Suppress"] = "All"  # Exchange: no out-of-office replies to it
    if mail.case_id:
        message["X-Inbox-Worker-Case"] = _plain("case_id", mail.case_id)
    for header, value in mail.extra_headers:
        message[_extra_name(header)] = _plain(header, value)
    _add_body(message, mail)
    return message


def _add_references(message: EmailMessage, mail: OutgoingMail) -> None:
    parent = _msg_ids((mail.in_reply_to,))
    if parent:
        message["In-Reply-To"] = _MsgIds("In-Reply-To", parent[:1])
    references = _msg_ids(mail.references)
    if references:
        message["References"] = _MsgIds("References", references)


def _add_body(message: EmailMessage, mail: OutgoingMail) -> None:
    message.set_content(mail.text, cte="quoted-printable")
    if mail.html is None:
        return
    message.add_alternative(mail.html, subtype="html", cte="quoted-printable")
    seed = "\0".join((mail.message_id, mail.text, mail.html)).encode("utf-8", "surrogatepass")
    message.set_boundary("=_" + hashlib.sha256(seed).hexdigest()[:32])  # same mail, same bytes


@dataclass(frozen=True)
class _MsgIds:
    """Message ids, folded between ids only: the ``email`` package would RFC 2047-encode a
    long In-Reply-To (a Gmail id is enough), which breaks threading."""

    name: str
    ids: tuple[str, ...]

    def fold(self, *, policy: Policy) -> str:
        limit = policy.max_line_length or 998
        start = f"{self.name}:"
        lines = [start]
        for ident in self.ids:
            if len(lines[-1]) + 1 + len(ident) > limit and lines[-1] != start:
                lines.append("")
            lines[-1] += " " + ident
        return policy.linesep.join(lines) + policy.linesep

    def __str__(self) -> str:
        return " ".join(self.ids)


def _own_msg_id(value: str) -> str:
    ident = value if value.startswith("<") else f"<{value}>"
    if not _MSG_ID.fullmatch(ident):
        raise PermanentSendError(f"Message-ID {value!r} is not a valid message id")
    return ident


def _msg_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    found = []
    for value in values:
        ident = value.strip()
        ident = ident if ident.startswith("<") else f"<{ident}>"
        if _MSG_ID.fullmatch(ident):
            found.append(ident)
        elif value.strip():
            log.warning("dropping malformed message id %r from the references", value)
    return tuple(found)


def _one_line(value: str) -> str:
    return _BREAKS.sub(" ", value).strip()


def _plain(what: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise PermanentSendError(f"{what} contains a line break: {value!r}")
    return value


def _address(what: str, value: str) -> Address:
    name, addr = parseaddr(_plain(what, value))
    if "@" not in addr:
        raise PermanentSendError(f"{what}: not an address: {value!r}")
    return Address(display_name=_one_line(name), addr_spec=addr)


def _extra_name(name: str) -> str:
    if not _HEADER_NAME.fullmatch(name) or name.lower() in _OURS:
        raise PermanentSendError(f"extra header name {name!r} is invalid or reserved")
    return name


# -- sending -------------------------------------------------------------------------------


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SmtpSender:
    """Sends mail over one SMTP connection, opened on entering the ``with`` block.

    A connection that dropped is reopened on the next ``send``. With ``dev_redirect`` set
    every mail goes to that address instead (``X-Original-To`` keeps the real one).
    """

    def __init__(
        self,
        config: SmtpConfig,
        password: str,
        sender_address: str,
        sender_name: str,
        *,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.config = config
        self._password = password
        self._sender = sender_address
        self._name = sender_name
        self._clock = clock
        self._smtp: smtplib.SMTP | None = None
        self._where = f"smtp {config.host}:{config.port}"

    def __enter__(self) -> Self:
        self.connect()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def connect(self) -> None:
        """Open the connection (TLS as configured) and log in when a username is set.

        Raises ``SendError`` with one line: host:port and what failed, never the password.
        """
        if self._smtp is not None:
            return
        smtp = self._open()
        try:
            self._secure_and_login(smtp)
        except BaseException:
            smtp.close()
            raise
        self._smtp = smtp
        log.debug("%s: connected (%s)", self._where, self.config.security)

    def close(self) -> None:
        """Say QUIT (or just drop the socket); never raises."""
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()

    def send(self, mail: OutgoingMail) -> str:
        """Send one mail; the server's acceptance, e.g. ``"250 2.0.0 Ok: queued as 4F2"``.

        Raises ``PermanentSendError`` (5xx for this mail, or it cannot be built),
        ``TemporarySendError`` (4xx for this mail) or ``SendError`` (no connection, login or
        sender refused, or the connection broke during DATA: accepted or not, unknown).
        """
        redirect = self.config.dev_redirect
        recipient = redirect or _envelope_address(mail.to)
        data = to_mime(mail, self._sender, self._name, self._clock(), redirect_to=redirect)
        smtp = self._envelope(mail, recipient)
        try:
            code, reply = smtp.data(data)
        except smtplib.SMTPResponseException as exc:  # DATA itself refused
            self._refused(smtp, f"mail {mail.message_id}", exc.smtp_code, exc.smtp_error)
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self._discard()
            raise self._error(f"connection lost sending {mail.message_id}", exc) from exc
        if code != 250:
            self._refused(smtp, f"mail {mail.message_id}", code, reply)
        accepted = f"{code} {_text(reply)}"
        log.debug("%s: %s to %s accepted: %s", self._where, mail.message_id, recipient, accepted)
        return accepted

    def _envelope(self, mail: OutgoingMail, recipient: str) -> smtplib.SMTP:
        """MAIL FROM and RCPT TO; nothing is accepted yet, so a dropped line is retried once."""
        for attempt in (1, 2):
            self.connect()
            smtp = self._require()
            try:
                self._mail_from(smtp)
                code, reply = smtp.rcpt(recipient)
            except (smtplib.SMTPServerDisconnected, OSError) as exc:
                self._discard()
                if attempt == 2:
                    raise self._error("connection lost again", exc) from exc
                log.warning("%s: connection lost (%s); reconnecting", self._where, exc)
                continue
            if code not in (250, 251):
                self._refused(smtp, f"recipient {recipient} of {mail.message_id}", code, reply)
            return smtp
        raise AssertionError("unreachable")

    def _mail_from(self, smtp: smtplib.SMTP) -> None:
        code, reply = smtp.mail(self._sender)
        if code != 250:  # the same sender for every mail: the system is at fault, not one mail
            self._reset(smtp)
            raise SendError(f"{self._where}: sender {self._sender} refused: {code} {_text(reply)}")

    def _refused(self, smtp: smtplib.SMTP, what: str, code: int, reply: bytes | str) -> NoReturn:
        message = f"{self._where}: {what} refused: {code} {_text(reply)}"
        if code == 421:  # the server is closing the connection: reopen on the next send
            self._discard()
        else:
            self._reset(smtp)
        error = PermanentSendError if 500 <= code < 600 else TemporarySendError
        raise error(message, code, _text(reply))

    def _reset(self, smtp: smtplib.SMTP) -> None:
        try:
            smtp.rset()
        except (smtplib.SMTPException, OSError):
            self._discard()

    def _open(self) -> smtplib.SMTP:
        config = self.config
        try:
            if config.security == "ssl":
                return smtplib.SMTP_SSL(
                    config.host,
                    config.port,
                    timeout=config.timeout_seconds,
                    context=config.tls_context("smtp"),
                )
            return smtplib.SMTP(config.host, config.port, timeout=config.timeout_seconds)
        except ssl.SSLError as exc:
            raise self._error("TLS handshake failed", exc) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise self._error("cannot connect", exc) from exc

    def _secure_and_login(self, smtp: smtplib.SMTP) -> None:
        config = self.config
        try:
            smtp.ehlo()
            if config.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise SendError(f"{self._where}: server does not offer STARTTLS")
                smtp.starttls(context=config.tls_context("smtp"))
                smtp.ehlo()
            if config.username:
                smtp.login(config.username, self._password)
        except smtplib.SMTPAuthenticationError as exc:
            raise self._error(f"login refused for user {config.username!r}", exc) from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise self._error("server offers no AUTH", exc) from exc
        except ssl.SSLError as exc:
            raise self._error("TLS handshake failed", exc) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise self._error("connection setup failed", exc) from exc

    def _require(self) -> smtplib.SMTP:
        if self._smtp is None:
            raise SendError(f"{self._where}: not connected")
        return self._smtp

    def _discard(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            smtp.close()

    def _error(self, what: str, exc: BaseException) -> SendError:
        if isinstance(exc, smtplib.SMTPResponseException):
            detail = f"{exc.smtp_code} {_text(exc.smtp_error)}"
        else:
            detail = " ".join(str(exc).split()) or type(exc).__name__
        if self._password:
            detail = detail.replace(self._password, "***")
        return SendError(f"{self._where}: {what}: {detail}")


def _envelope_address(value: str) -> str:
    return parseaddr(_plain("To", value))[1]


def _text(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return " ".join(text.split())

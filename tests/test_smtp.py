"""The SMTP edge against a real SMTP server (aiosmtpd sink), with TLS by trustme certs."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from inbox_worker.embedded import EmbeddedSmtp, free_port
from inbox_worker.errors import SendError
from inbox_worker.models import OutgoingMail
from inbox_worker.smtp import PermanentSendError, SmtpSender, TemporarySendError, to_mime
from tests.servers import TcpProxy

SHOP, SHOP_NAME = "reklamacje@sklep.example", "Sklep Domowy — Reklamacje"
WHEN = datetime(2024, 3, 4, 10, 30, tzinfo=UTC)
GMAIL_ID = "<CAH+w=7Kp0dPq" + "x" * 60 + "@mail.gmail.com>"

MAIL = OutgoingMail(
    message_id="<r-2024-0001.1@sklep.example>",
    to="Jan Kowalski <jan@example.com>",
    subject="Re: Reklamacja zamówienia 123456 [#R-2024-0001]",
    text="Dzień dobry,\n\nprzyjęliśmy reklamację.\n",
    html="<p>Dzień dobry,</p><p>przyjęliśmy reklamację.</p>",
    in_reply_to=GMAIL_ID,
    references=("<first@example.com>", GMAIL_ID),
    reply_to="obsluga@sklep.example",
    case_id="R-2024-0001",
    template="ack_new_case",
    extra_headers=(("X-Inbox-Worker-Template", "ack_new_case"),),
)


def sender(server: EmbeddedSmtp, **config: object) -> SmtpSender:
    return SmtpSender(server.config(**config), server.password, SHOP, SHOP_NAME)


def text_of(message: EmailMessage, subtype: str) -> str:
    part = message.get_body((subtype,))
    assert isinstance(part, EmailMessage)
    content: str = part.get_content()
    return content.replace("\r\n", "\n")


def numbered(n: int) -> OutgoingMail:
    return replace(MAIL, message_id=f"<r-{n}@sklep.example>")


# -- the message ----------------------------------------------------------------------------


def test_a_multipart_mail_arrives_with_every_header(smtp_server: EmbeddedSmtp) -> None:
    with sender(smtp_server) as smtp:
        reply = smtp.send(MAIL)
    assert reply == "250 2.0.0 Ok: queued as 000001"
    (received,) = smtp_server.messages
    assert (received.mail_from, received.rcpt_tos) == (SHOP, ("jan@example.com",))
    message = received.message
    assert message["From"].addresses[0].display_name == SHOP_NAME
    assert message["From"].addresses[0].addr_spec == SHOP
    assert str(message["To"]) == "Jan Kowalski <jan@example.com>"
    assert str(message["Subject"]) == MAIL.subject
    assert message["Message-ID"] == MAIL.message_id
    assert message["In-Reply-To"] == GMAIL_ID
    assert message["References"].split() == list(MAIL.references)
    assert message["Reply-To"] == "obsluga@sklep.example"
    assert message["Auto-Submitted"] == "auto-replied"
    assert message["X-Auto-Response-Suppress"] == "All"
    assert message["X-Inbox-Worker-Case"] == "R-2024-0001"
    assert message["X-Inbox-Worker-Template"] == "ack_new_case"
    assert message["Date"].datetime is not None
    assert message.get_content_type() == "multipart/alternative"
    assert text_of(message, "plain") == MAIL.text
    assert text_of(message, "html").strip() == MAIL.html


def test_a_text_only_mail_is_one_part() -> None:
    data = to_mime(replace(MAIL, html=None), SHOP, SHOP_NAME, WHEN)
    assert b'Content-Type: text/plain; charset="utf-8"' in data
    assert b"multipart" not in data


def test_the_bytes_are_7bit_crlf_and_deterministic() -> None:
    data = to_mime(MAIL, SHOP, SHOP_NAME, WHEN)
    assert data == to_mime(MAIL, SHOP, SHOP_NAME, WHEN)
    assert data.isascii()
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 998 for line in data.split(b"\r\n"))
    assert b"Date: Mon, 04 Mar 2024 10:30:00 +0000\r\n" in data


def test_long_message_ids_are_folded_never_encoded() -> None:
    data = to_mime(MAIL, SHOP, SHOP_NAME, WHEN)
    assert f"In-Reply-To: {GMAIL_ID}\r\n".encode() in data
    assert b"References: <first@example.com>\r\n " + GMAIL_ID.encode() in data
    assert b"=?utf-8?q?=3C" not in data


def test_a_malformed_reference_is_dropped() -> None:
    mail = replace(MAIL, in_reply_to="not an id", references=("bad\r\nBcc: x@y", "<ok@x>"))
    data = to_mime(mail, SHOP, SHOP_NAME, WHEN)
    assert b"In-Reply-To" not in data
    assert b"References: <ok@x>\r\n" in data
    assert b"Bcc" not in data


# -- header injection ---------------------------------------------------------------------


def test_a_line_break_in_the_subject_is_folded_away() -> None:
    mail = replace(MAIL, subject="Reklamacja\r\nBcc: evil@example.com")
    data = to_mime(mail, SHOP, "Sklep\nBcc: evil@example.com", WHEN)
    assert b"\r\nBcc:" not in data
    assert b"Subject: Reklamacja Bcc: evil@example.com\r\n" in data


@pytest.mark.parametrize(
    "change",
    [
        {"to": "jan@example.com\r\nBcc: evil@example.com"},
        {"reply_to": "a@example.com\nBcc: evil@example.com"},
        {"case_id": "R-1\r\nBcc: evil@example.com"},
        {"extra_headers": (("X-Note", "a\r\nBcc: evil@example.com"),)},
        {"extra_headers": (("Bcc", "evil@example.com"),)},
        {"extra_headers": (("X Bad", "x"),)},
        {"message_id": "<a\r\nBcc: evil@example.com>"},
        {"to": "nobody"},
    ],
    ids=["to", "reply-to", "case", "extra-value", "extra-reserved", "extra-name", "msgid", "addr"],
)
def test_header_injection_is_refused_and_nothing_is_sent(
    smtp_server: EmbeddedSmtp, change: dict[str, object]
) -> None:
    with sender(smtp_server) as smtp, pytest.raises(PermanentSendError) as caught:
        smtp.send(replace(MAIL, **change))  # type: ignore[arg-type]
    assert caught.value.permanent and caught.value.code == 0
    assert smtp_server.messages == []


# -- the connection -----------------------------------------------------------------------


def test_several_mails_go_over_one_connection(smtp_server: EmbeddedSmtp) -> None:
    with sender(smtp_server) as smtp:
        replies = [smtp.send(numbered(n)) for n in range(3)]
    assert replies == [f"250 2.0.0 Ok: queued as {n:06d}" for n in (1, 2, 3)]
    assert smtp_server.connections == 1
    assert {received.connection for received in smtp_server.messages} == {1}


def test_tls_with_login_and_a_verified_certificate(smtp_tls_server: EmbeddedSmtp) -> None:
    with sender(smtp_tls_server) as smtp:
        smtp.send(MAIL)
    assert len(smtp_tls_server.messages) == 1


def test_the_certificate_is_verified(smtp_tls_server: EmbeddedSmtp) -> None:
    with pytest.raises(SendError, match="certificate verify failed") as caught:
        sender(smtp_tls_server, ca_file=None).connect()
    assert "\n" not in str(caught.value)
    with sender(smtp_tls_server, ca_file=None, verify_tls=False) as smtp:
        smtp.send(MAIL)


def test_starttls_is_never_skipped(smtp_server: EmbeddedSmtp) -> None:
    with pytest.raises(SendError, match="server does not offer STARTTLS"):
        sender(smtp_server, security="starttls").connect()


def test_wrong_password_is_one_clear_line_without_the_password(
    smtp_auth_server: EmbeddedSmtp,
) -> None:
    secret = "Sekret-123!"
    smtp = SmtpSender(smtp_auth_server.config(), secret, SHOP, SHOP_NAME)
    with pytest.raises(SendError) as caught:
        smtp.connect()
    message = str(caught.value)
    assert message.startswith(f"smtp 127.0.0.1:{smtp_auth_server.port}: login refused")
    assert "535" in message and "\n" not in message and secret not in message
    assert not isinstance(caught.value, PermanentSendError)


def test_a_refused_connection_names_host_and_port() -> None:
    port = free_port()
    config = EmbeddedSmtp("none", None, None).config(port=port)
    with pytest.raises(SendError, match=rf"^smtp 127\.0\.0\.1:{port}: cannot connect: "):
        SmtpSender(config, "", SHOP, SHOP_NAME).connect()


def test_dev_redirect_sends_everything_to_one_address(smtp_server: EmbeddedSmtp) -> None:
    with sender(smtp_server, dev_redirect="tester@sklep.example") as smtp:
        smtp.send(MAIL)
    (received,) = smtp_server.messages
    assert received.rcpt_tos == ("tester@sklep.example",)
    assert received.message["To"] == "tester@sklep.example"
    assert received.message["X-Original-To"] == "Jan Kowalski <jan@example.com>"


# -- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "error"), [(550, PermanentSendError), (451, TemporarySendError)])
def test_a_refused_recipient_fails_that_mail_only(
    smtp_server: EmbeddedSmtp, code: int, error: type[SendError]
) -> None:
    smtp_server.refuse("jan@example.com", code)
    with sender(smtp_server) as smtp:
        with pytest.raises(error) as caught:
            smtp.send(MAIL)
        smtp.send(replace(MAIL, to="anna@example.com"))
    assert caught.value.code == code  # type: ignore[attr-defined]
    assert caught.value.permanent == (code >= 500)  # type: ignore[attr-defined]
    assert "jan@example.com" in str(caught.value)
    assert [received.rcpt_tos for received in smtp_server.messages] == [("anna@example.com",)]
    assert smtp_server.connections == 1


def test_refused_data_is_reported_per_mail(smtp_server: EmbeddedSmtp) -> None:
    smtp_server.refuse_data = 554
    with sender(smtp_server) as smtp, pytest.raises(PermanentSendError, match="554"):
        smtp.send(MAIL)


def test_a_dropped_connection_is_reopened_before_the_next_mail(
    smtp_server: EmbeddedSmtp,
) -> None:
    with TcpProxy(smtp_server.port) as proxy, sender(smtp_server, port=proxy.port) as smtp:
        smtp.send(numbered(1))
        proxy.drop()
        smtp.send(numbered(2))
    assert len(smtp_server.messages) == 2
    assert smtp_server.connections == 2


def test_a_connection_lost_during_data_is_not_a_refusal(smtp_server: EmbeddedSmtp) -> None:
    with TcpProxy(smtp_server.port) as proxy, sender(smtp_server, port=proxy.port) as smtp:
        proxy.drop_on(b"\r\n.\r\n")
        with pytest.raises(SendError, match="connection lost sending") as caught:
            smtp.send(MAIL)
        assert not getattr(caught.value, "permanent", False)
        smtp.send(numbered(2))  # and the next mail opens a new connection
    assert len(smtp_server.messages) == 1

"""``inbox-worker demo``: the whole worker on sample mail, with no account and no config.

Starts an embedded IMAP server (pymap) and SMTP sink (aiosmtpd) on free loopback ports,
loads the sample mails shipped in ``demo_mail/``, and plays three rounds: new mail, then a
customer's answer and a staff reply with a status tag, then closing and the survey answer.
It prints what happened: the cases and every mail the worker sent.
"""

from __future__ import annotations

import email
import email.policy
import tempfile
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import click

from inbox_worker import app
from inbox_worker import config as config_module
from inbox_worker.embedded import EmbeddedImap, EmbeddedSmtp, start_imap_server, start_smtp_sink
from inbox_worker.imap import ImapMailbox
from inbox_worker.reports import case_table

SAMPLES = Path(__file__).resolve().parent / "demo_mail"
PROJECT = Path(__file__).resolve().parent.parent
STAFF = "anna.nowak@sklep.example"


def run(keep: Path | None = None) -> None:
    """Play the demo and print it; raises on any failure (so the exit code tells)."""
    with tempfile.TemporaryDirectory(prefix="inbox-worker-demo-") as tmp:
        data_dir = keep or Path(tmp)
        with start_imap_server() as imap, start_smtp_sink() as smtp:
            config = demo_config(imap, smtp, data_dir)
            _play(config, imap, smtp)


def demo_config(imap: EmbeddedImap, smtp: EmbeddedSmtp, data_dir: Path) -> config_module.Config:
    server: dict[str, Any] = {"host": imap.host, "security": "none"}
    return config_module.from_dict(
        {
            "shop": {
                "name": "Sklep Domowy",
                "support_address": "reklamacje@sklep.example",
                "staff_addresses": ["*@sklep.example"],
                "staff_notify": "obsluga@sklep.example",
            },
            "imap": {
                **server,
                "port": imap.port,
                "username": imap.username,
                "password": imap.password,
            },
            "smtp": {**server, "host": smtp.host, "port": smtp.port},
            "storage": {"path": str(data_dir / "cases.json")},
            "security": {"trusted_authserv_ids": ["mx.sklep.example"]},
            "understanding": {"rules_dir": str(PROJECT / "rules")},
            "templates": {"dir": str(PROJECT / "templates")},
        }
    )


def _play(config: config_module.Config, imap: EmbeddedImap, smtp: EmbeddedSmtp) -> None:
    mailbox = ImapMailbox(config.imap, imap.password)
    with app.opened(config) as running:
        click.echo(f"Embedded IMAP on {imap.host}:{imap.port}, SMTP on {smtp.host}:{smtp.port}\n")
        with mailbox:
            for path in sorted(SAMPLES.glob("*.eml")):
                data = path.read_bytes()
                mailbox.append(config.imap.folder, data, _date_of(data))
        _round(running, smtp, "1. Five mails arrive: four from customers, one out-of-office")
        store = running.services.store
        cases = sorted(store.all_cases(), key=lambda case: case.id)
        first, waiting = cases[0], next(c for c in cases if c.waiting_for == "order_number")
        with mailbox:
            mailbox.append(config.imap.folder, _customer_answer(store, waiting))
            mailbox.append(
                config.imap.folder,
                _staff_reply(
                    store,
                    first,
                    "#status accepted\n\n"
                    "Wyślemy nowy czajnik jutro kurierem, stary prosimy zachować.",
                ),
            )
        _round(
            running,
            smtp,
            "2. The customer sends the order number; staff accept case "
            f"{first.id} with #status accepted",
        )
        with mailbox:
            mailbox.append(
                config.imap.folder,
                _staff_reply(
                    store,
                    first,
                    "#status closed\n\nNowy czajnik został doręczony. Dziękujemy za cierpliwość!",
                ),
            )
        _round(running, smtp, f"3. Staff close {first.id}: final message and survey")
        with mailbox:
            mailbox.append(config.imap.folder, _survey_answer(store, first))
        _round(running, smtp, "4. The customer answers the survey")
        click.echo("Cases now:\n" + case_table(store.all_cases(), config))
        rated = store.get(first.id)
        click.echo(f"\nRating stored on {first.id}: {rated.rating if rated else None}")


def _round(running: app.Running, smtp: EmbeddedSmtp, title: str) -> None:
    before = len(smtp.messages)
    report = running.poll()
    click.echo(f"== {title}\n   poll: {report.summary()}")
    for message in smtp.messages[before:]:
        parsed = email.message_from_bytes(message.data, policy=email.policy.default)
        body = parsed.get_body(("plain",))
        text = body.get_content() if body is not None else ""
        lines = [line for line in text.strip().splitlines() if line.strip()][:3]
        click.echo(f"   -> {parsed['To']}: {str(parsed['Subject']).strip()}")
        for line in lines:
            click.echo(f"        {line}")
    click.echo("")


def _date_of(data: bytes) -> datetime:
    message = email.message_from_bytes(data)
    try:
        return parsedate_to_datetime(str(message["Date"]))
    except (TypeError, ValueError):
        return datetime.now(UTC)


def _our_mail_to(store: Any, case_id: str, template: str) -> tuple[str, str]:
    for row in store.outbox():
        mail = row["mail"]
        if mail["case_id"] == case_id and mail["template"] == template:
            return mail["message_id"], mail["subject"]
    raise LookupError(f"no {template} mail for {case_id}")


def _customer_answer(store: Any, case: Any) -> bytes:
    message_id, subject = _our_mail_to(store, case.id, "ack_new_case")
    return _mail(
        case.customer,
        f"Re: {subject}",
        message_id,
        "Dzien dobry, numer zamowienia to 523363.\n\nPiotr Zielinski\n",
    )


def _staff_reply(store: Any, case: Any, text: str) -> bytes:
    message_id, subject = _our_mail_to(store, case.id, "staff_new_case")
    headers = {
        "Authentication-Results": "mx.sklep.example; dkim=pass header.d=sklep.example;"
        " dmarc=pass header.from=sklep.example"
    }
    return _mail(STAFF, f"Re: {subject}", message_id, text + "\n\nAnna Nowak\n", headers)


def _survey_answer(store: Any, case: Any) -> bytes:
    message_id, subject = _our_mail_to(store, case.id, "closing_survey")
    return _mail(
        case.customer,
        f"Re: {subject}",
        message_id,
        "5\n\nBardzo sprawna obsługa, dziękuję!\nAnna Kowalska\n",
    )


def _mail(
    sender: str, subject: str, in_reply_to: str, text: str, headers: dict[str, str] | None = None
) -> bytes:
    message = email.message.EmailMessage()
    for name, value in (headers or {}).items():
        message[name] = value
    message["From"] = sender
    message["To"] = "reklamacje@sklep.example"
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(datetime.now(UTC))
    message["Message-ID"] = email.utils.make_msgid(domain=sender.rpartition("@")[2])
    message["In-Reply-To"] = in_reply_to
    message["References"] = in_reply_to
    message.set_content(text)
    return message.as_bytes()

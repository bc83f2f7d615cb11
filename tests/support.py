"""Plain-data helpers shared by the unit tests (no servers here; see conftest.py for those)."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from inbox_worker import config as config_module
from inbox_worker.config import Config

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"


def make_config(tmp_path: Path, **sections: dict[str, Any]) -> Config:
    """A valid config for tests, with storage in ``tmp_path`` and overrides per section."""
    data: dict[str, dict[str, Any]] = {
        "shop": {
            "name": "Sklep Domowy",
            "support_address": "reklamacje@sklep.example",
            "staff_addresses": ["*@sklep.example"],
            "staff_notify": "obsluga@sklep.example",
        },
        "imap": {"host": "127.0.0.1", "port": 143, "security": "none", "password": "x"},
        "smtp": {"host": "127.0.0.1", "port": 25, "security": "none", "password": "x"},
        "storage": {"path": str(tmp_path / "data" / "cases.json")},
        "security": {"trusted_authserv_ids": ["mx.sklep.example"]},
        "understanding": {"rules_dir": str(PROJECT / "rules")},
        "templates": {"dir": str(PROJECT / "templates")},
    }
    for name, values in sections.items():
        data[name] = {**data.get(name, {}), **values}
    return config_module.from_dict(data)


def make_mail(
    sender: str = "Anna Kowalska <anna@poczta.example>",
    subject: str = "Reklamacja",
    body: str = "Dzień dobry, czajnik z zamówienia 482913 przecieka. Proszę o wymianę.",
    message_id: str | None = None,
    in_reply_to: str | None = None,
    headers: dict[str, str] | None = None,
    date: Any = None,
) -> bytes:
    """A simple text mail as bytes."""
    message = EmailMessage()
    for name, value in (headers or {}).items():
        message[name] = value
    message["From"] = sender
    message["To"] = "reklamacje@sklep.example"
    message["Subject"] = subject
    if date is not None:
        message["Date"] = format_datetime(date)
    if message_id:
        message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content(body)
    return message.as_bytes()

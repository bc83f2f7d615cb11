"""Plain-data helpers shared by the unit tests (no servers here; see conftest.py for those)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from inbox_worker import config as config_module
from inbox_worker.config import Config
from inbox_worker.errors import SendError
from inbox_worker.models import OutgoingMail, RawMail

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"
NOW = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)


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


@dataclass
class FakeMailbox:
    """The Mailbox protocol over a dict, for unit tests of the cycle's logic."""

    mails: dict[int, bytes] = field(default_factory=dict)
    processed: list[int] = field(default_factory=list)
    quarantined: list[int] = field(default_factory=list)
    uidvalidity: int = 1
    next_uid: int = 1

    arrived: dict[int, datetime] = field(default_factory=dict)

    def add(self, data: bytes, at: datetime = NOW) -> int:
        """A mail arrives (``at``: its arrival time, as IMAP's INTERNALDATE)."""
        uid, self.next_uid = self.next_uid, self.next_uid + 1
        self.mails[uid] = data
        self.arrived[uid] = at
        return uid

    def fetch_batch(self, limit: int, skip_uids: set[int] | None = None) -> list[RawMail]:
        uids = [uid for uid in sorted(self.mails) if uid not in (skip_uids or set())][:limit]
        return [RawMail(uid, self.mails[uid], self.arrived[uid], self.uidvalidity) for uid in uids]

    def waiting(self) -> tuple[int, datetime | None]:
        return len(self.mails), min((self.arrived[uid] for uid in self.mails), default=None)

    def move_to_processed(self, uids: list[int]) -> None:
        self._move(uids, self.processed)

    def move_to_quarantine(self, uids: list[int]) -> None:
        self._move(uids, self.quarantined)

    def _move(self, uids: list[int], to: list[int]) -> None:
        for uid in uids:
            del self.mails[uid]
            to.append(uid)


@dataclass
class FakeSender:
    """A sender factory that records mail, or refuses to connect when ``down``."""

    sent: list[OutgoingMail] = field(default_factory=list)
    down: bool = False

    @contextmanager
    def __call__(self) -> Iterator[FakeSender]:
        if self.down:
            raise SendError("smtp 127.0.0.1:25: connection refused")
        yield self

    def send(self, mail: OutgoingMail) -> str:
        self.sent.append(mail)
        return "250 ok"

    def to(self, address: str) -> list[OutgoingMail]:
        return [mail for mail in self.sent if mail.to == address]


@dataclass
class Clock:
    """A clock the test moves by hand; with ``tick`` each reading also moves it on."""

    now: datetime = NOW
    tick: timedelta = timedelta(0)

    def __call__(self) -> datetime:
        self.now += self.tick
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def ticking_clock() -> Clock:
    """Every reading moves the clock one second on, as real time does."""
    return Clock(tick=timedelta(seconds=1))


def write_server_config(
    path: Path,
    imap: Any,
    smtp: Any,
    data_dir: Path | None = None,
    extra: str = "",
    batch_size: int = 100,
) -> Path:
    """A config.toml for the CLI pointing at test servers (an ``ImapAccount``, a sink)."""
    data_dir = data_dir or path.parent / "data"
    path.write_text(
        f"""
[shop]
support_address = "reklamacje@sklep.example"
staff_notify = "obsluga@sklep.example"
[imap]
host = "{imap.host}"
port = {imap.port}
security = "none"
username = "{imap.username}"
password = "{imap.password}"
batch_size = {batch_size}
[smtp]
host = "{smtp.host}"
port = {smtp.port}
security = "none"
[storage]
path = "{data_dir / "cases.json"}"
[understanding]
rules_dir = "{PROJECT / "rules"}"
[templates]
dir = "{PROJECT / "templates"}"
{extra}
"""
    )
    return path

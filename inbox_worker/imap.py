"""IMAP edge: fetch unprocessed mail from the support folder and settle it (imapclient).

Everything in ``folder`` is unprocessed: a processed mail is moved to ``processed_folder``
and a poisoned one to ``quarantine_folder``, so a poll fetches the lowest UIDs still there,
with ``BODY.PEEK[]`` (never marking mail read). imapclient's bytes-keyed dicts stay here.
"""

from __future__ import annotations

import contextlib
import hashlib
import imaplib
import logging
import re
import socket
import ssl
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Protocol, Self, TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import CapabilityError, IMAPClientError, LoginError

from inbox_worker.config import ImapConfig
from inbox_worker.errors import MailboxError
from inbox_worker.models import RawMail

log = logging.getLogger(__name__)

T = TypeVar("T")

# A dropped connection: imaplib's abort (EOF, BYE) or a socket error, timeouts included.
_DROPPED = (imaplib.IMAP4.abort, OSError)
_FETCH_ITEMS = ["BODY.PEEK[]", "INTERNALDATE", "RFC822.SIZE"]
_FETCH_CHUNK = 200
_DATE_CHUNK = 2000
_APPEND_CHUNK = 100
_DELETED = rb"\Deleted"
_BYTES_REPR = re.compile(r"""\bb['"](.*?)['"]""")
_APPENDUID = re.compile(rb"\[APPENDUID \d+ ([0-9:,]+)\]")

Seed = bytes | tuple[bytes, datetime | None]


class Mailbox(Protocol):
    """What a poll needs of the mailbox; a ``FakeMailbox`` may stand in for unit tests."""

    uidvalidity: int

    def fetch_batch(self, limit: int, skip_uids: Collection[int] | None = None) -> list[RawMail]:
        """The lowest ``limit`` UIDs waiting in the folder, except ``skip_uids``."""
        ...

    def move_to_processed(self, uids: Collection[int]) -> None: ...

    def move_to_quarantine(self, uids: Collection[int]) -> None: ...

    def waiting(self) -> tuple[int, datetime | None]: ...


class ImapMailbox:
    """The support mailbox over IMAP; use as a context manager (re-entrant after close).

    ``ignore_capabilities`` makes the client act as if the server lacked them (``MOVE``,
    ``UIDPLUS``, ``MULTIAPPEND``): for servers whose extension is broken, and for tests.
    Every failure is a ``MailboxError`` with one line naming host:port; never the password.
    """

    def __init__(
        self, config: ImapConfig, password: str, *, ignore_capabilities: Collection[str] = ()
    ) -> None:
        if config.folder in (config.processed_folder, config.quarantine_folder):
            raise MailboxError(f"imap: folder {config.folder!r} must differ from the targets")
        self.config = config
        self.uidvalidity = 0
        self._password = password
        self._ignored = frozenset(name.upper() for name in ignore_capabilities)
        self._client: IMAPClient | None = None
        self._lost = False  # the connection dropped: the next command reconnects
        self._folders: set[str] = set()
        self._where = f"imap {config.host}:{config.port}"

    def __enter__(self) -> Self:
        self.connect()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- connection ------------------------------------------------------------------

    def connect(self) -> None:
        """Connect, log in and select ``folder``, setting ``uidvalidity``.

        Raises ``MailboxError`` when the server is unreachable, the TLS handshake or the
        certificate check fails, or the login or the folder is refused.
        """
        if self._client is not None:
            return
        client = self._open()
        try:
            self._login(client)
            self.uidvalidity = self._select(client, self.config.folder)
        except BaseException:
            _shutdown(client)
            raise
        self._client, self._lost = client, False
        self._folders = {self.config.folder}
        log.debug(
            "%s: logged in as %s, %s has UIDVALIDITY %d",
            self._where,
            self.config.username,
            self.config.folder,
            self.uidvalidity,
        )

    def close(self) -> None:
        """Log out (or just drop the socket when the server is gone); never raises."""
        client, self._client, self._lost = self._client, None, False
        if client is None:
            return
        try:
            client.logout()
        except (IMAPClientError, OSError):
            _shutdown(client)

    def _open(self) -> IMAPClient:
        config = self.config
        context = None if config.security == "none" else config.tls_context("imap")
        try:
            client = IMAPClient(
                config.host,
                config.port,
                ssl=config.security == "ssl",
                ssl_context=context,
                timeout=config.timeout_seconds,
            )
        except ssl.SSLError as exc:
            raise self._error("TLS handshake failed", exc) from exc
        except (OSError, IMAPClientError) as exc:
            raise self._error("cannot connect", exc) from exc
        client.normalise_times = False  # keep INTERNALDATE's offset: deadlines count from it
        _no_delay(client)
        if config.security == "starttls":
            self._starttls(client, context)
        return client

    def _starttls(self, client: IMAPClient, context: ssl.SSLContext | None) -> None:
        try:
            client.starttls(context)
        except CapabilityError as exc:
            _shutdown(client)
            raise self._error("server does not offer STARTTLS", exc) from exc
        except (OSError, IMAPClientError) as exc:
            _shutdown(client)
            raise self._error("STARTTLS failed", exc) from exc

    def _login(self, client: IMAPClient) -> None:
        try:
            client.login(self.config.username, self._password)
        except LoginError as exc:
            raise self._error(f"login refused for user {self.config.username!r}", exc) from exc
        except (OSError, IMAPClientError) as exc:
            raise self._error("login failed", exc) from exc

    def _select(self, client: IMAPClient, folder: str) -> int:
        try:
            response = client.select_folder(folder)
        except (OSError, IMAPClientError) as exc:
            raise self._error(f"cannot select folder {folder!r}", exc) from exc
        value = response.get(b"UIDVALIDITY")
        if not isinstance(value, int):
            raise MailboxError(f"{self._where}: no UIDVALIDITY for folder {folder!r}")
        return value

    def _require(self) -> IMAPClient:
        if self._client is None and self._lost:
            self._reconnect()
        if self._client is None:
            raise MailboxError(f"{self._where}: not connected")
        return self._client

    def _discard(self) -> None:
        client, self._client = self._client, None
        self._lost = True
        if client is not None:
            _shutdown(client)

    def _reconnect(self) -> None:
        """Connect afresh; UIDs from before are void if UIDVALIDITY changed, so say so."""
        before = self.uidvalidity
        self._discard()
        self.connect()
        if before and self.uidvalidity != before:
            raise MailboxError(
                f"{self._where}: UIDVALIDITY of {self.config.folder!r} changed from {before} "
                f"to {self.uidvalidity} while reconnecting; UIDs fetched before are void"
            )

    def _run(self, what: str, command: Callable[[IMAPClient], T]) -> T:
        """Run an idempotent command; on a dropped connection reconnect once and retry it."""
        for attempt in (1, 2):
            client = self._require()
            try:
                return command(client)
            except _DROPPED as exc:
                self._discard()
                if attempt == 2:
                    raise self._error(f"{what}: connection lost again", exc) from exc
                log.warning(
                    "%s: connection lost during %s (%s); reconnecting", self._where, what, exc
                )
                self._reconnect()
            except IMAPClientError as exc:
                raise self._error(f"{what} failed", exc) from exc
        raise AssertionError("unreachable")

    def _error(self, what: str, exc: BaseException) -> MailboxError:
        detail = " ".join(str(exc).split()) or type(exc).__name__
        detail = _BYTES_REPR.sub(r"\1", detail)  # imaplib puts the server's bytes in as b'...'
        if self._password:
            detail = detail.replace(self._password, "***")
        return MailboxError(f"{self._where}: {what}: {detail}")

    def _has(self, client: IMAPClient, capability: str) -> bool:
        return capability not in self._ignored and bool(client.has_capability(capability))

    # -- reading ---------------------------------------------------------------------

    def fetch_batch(self, limit: int, skip_uids: Collection[int] | None = None) -> list[RawMail]:
        """The mails with the lowest ``limit`` UIDs in ``folder``, leaving them unread.

        ``skip_uids`` are left out (mail this cycle already handled but could not move).
        Mail flagged ``\\Deleted`` is not waiting (see ``move``). Raises ``MailboxError``.
        """
        skip = set(skip_uids or ())
        uids = [uid for uid in self._waiting_uids() if uid not in skip][: max(limit, 0)]
        mails: list[RawMail] = []
        for chunk in _chunks(uids, _FETCH_CHUNK):
            mails.extend(self._fetch(chunk))
        log.debug("%s: fetched %d of %d mail(s) waiting", self._where, len(mails), len(uids))
        return mails

    def waiting(self) -> tuple[int, datetime | None]:
        """How many mails wait in ``folder`` and the oldest arrival (INTERNALDATE) among them."""
        uids = self._waiting_uids()
        dates = [date for chunk in _chunks(uids, _DATE_CHUNK) for date in self._dates(chunk)]
        return len(uids), min(dates, default=None)

    def _dates(self, uids: list[int]) -> list[datetime]:
        found = self._run("fetch", lambda c: c.fetch(uids, ["INTERNALDATE"]))
        dates = (_utc(item.get(b"INTERNALDATE")) for item in found.values())
        return [date for date in dates if date is not None]

    def _waiting_uids(self) -> list[int]:
        self._run("noop", lambda c: c.noop())  # lets the server report new mail first
        return sorted(self._run("search", lambda c: c.search(["UNDELETED"])))

    def _fetch(self, uids: list[int]) -> Iterator[RawMail]:
        try:
            found = self._run("fetch", lambda c: c.fetch(uids, _FETCH_ITEMS))
        except MailboxError:
            if len(uids) == 1:
                raise
            # One mail the server cannot serve must not block the others: fetch one by one.
            yield from (mail for uid in uids for mail in self._fetch_alone(uid))
            return
        for uid in uids:
            if uid in found:  # expunged meanwhile by someone else: gone, not ours to report
                yield self._raw_mail(uid, found[uid])

    def _fetch_alone(self, uid: int) -> Iterator[RawMail]:
        try:
            yield from self._fetch([uid])
        except MailboxError as exc:
            log.error("%s: UID %d cannot be fetched: %s", self._where, uid, exc)
            stand_in = f"X-Unfetchable: uid {uid} uidvalidity {self.uidvalidity}\r\n\r\n"
            yield RawMail(uid, stand_in.encode(), None, self.uidvalidity, fetch_error=str(exc))

    def _raw_mail(self, uid: int, item: dict[bytes, Any]) -> RawMail:
        data = item.get(b"BODY[]")
        if not isinstance(data, bytes):
            raise MailboxError(f"{self._where}: the server sent no body for UID {uid}")
        size = item.get(b"RFC822.SIZE")
        if isinstance(size, int) and size != len(data):
            log.warning(
                "%s: UID %d is %d bytes, RFC822.SIZE says %d", self._where, uid, len(data), size
            )
        return RawMail(
            uid=uid,
            data=data,
            internal_date=_utc(item.get(b"INTERNALDATE")),
            uidvalidity=self.uidvalidity,
        )

    # -- settling --------------------------------------------------------------------

    def move_to_processed(self, uids: Collection[int]) -> None:
        """Move mails out of ``folder`` into ``processed_folder``."""
        self.move(uids, self.config.processed_folder)

    def move_to_quarantine(self, uids: Collection[int]) -> None:
        """Move mails out of ``folder`` into ``quarantine_folder``."""
        self.move(uids, self.config.quarantine_folder)

    def move(self, uids: Collection[int], folder: str) -> None:
        """Move mails from ``folder`` to another folder, creating it if missing.

        MOVE where the server has it; else COPY, ``\\Deleted`` and UID EXPUNGE (UIDPLUS).
        Without UIDPLUS a plain EXPUNGE would also remove mail others flagged ``\\Deleted``,
        so it runs only when no other mail is flagged; otherwise our copied originals stay
        flagged ``\\Deleted`` (skipped by ``fetch_batch``) for a later expunge. Nothing is
        flagged before its copy succeeded. After a dropped connection the state is checked
        first: only mail still waiting is moved again (with COPY, a copy made just before the
        drop may then exist twice in ``folder``; never none). Raises ``MailboxError``.
        """
        wanted = sorted(set(uids))
        if not wanted:
            return
        self._ensure_folder(folder)
        try:
            self._move_once(self._require(), wanted, folder)
        except _DROPPED as exc:
            log.warning("%s: connection lost while moving (%s); checking", self._where, exc)
            self._reconnect()
            self._run(f"move to {folder!r}", lambda c: self._resume_move(c, wanted, folder))
        except IMAPClientError as exc:
            raise self._error(f"move to {folder!r} failed", exc) from exc
        log.info("%s: moved %d mail(s) to %s", self._where, len(wanted), folder)

    def _move_once(self, client: IMAPClient, uids: list[int], folder: str) -> None:
        uid_set = _uid_set(uids)
        if self._has(client, "MOVE"):
            client.move(uid_set, folder)
            return
        client.copy(uid_set, folder)
        client.add_flags(uid_set, [_DELETED], silent=True)
        self._expunge(client, uids)

    def _resume_move(self, client: IMAPClient, uids: list[int], folder: str) -> None:
        remaining = sorted(client.search(["UID", _uid_set(uids), "UNDELETED"]))
        if remaining:
            self._move_once(client, remaining, folder)
        if not self._has(client, "MOVE"):
            self._expunge(client, uids)  # copies whose expunge the drop cut off

    def _expunge(self, client: IMAPClient, uids: list[int]) -> None:
        if self._has(client, "UIDPLUS"):
            client.uid_expunge(_uid_set(uids))
            return
        others = set(client.search(["DELETED"])) - set(uids)
        if others:
            log.warning(
                "%s: no UIDPLUS and %d other mail(s) flagged \\Deleted in %s: not expunging; "
                "our copied originals stay flagged \\Deleted",
                self._where,
                len(others),
                self.config.folder,
            )
            return
        client.expunge()

    def _ensure_folder(self, folder: str, *, recheck: bool = False) -> None:
        if folder in self._folders and not recheck:
            return
        if not self._run("list", lambda c: c.folder_exists(folder)):
            self._run("create", lambda c: _create(c, folder))
            log.info("%s: created folder %s", self._where, folder)
        self._folders.add(folder)

    def requeue_by_digest(self, sha256: str) -> int:
        """Move the quarantined mail whose bytes have this SHA-256 back to ``folder``.

        Works for mail without a usable Message-ID. Raises ``MailboxError`` when not found.
        """
        quarantine = self.config.quarantine_folder
        self._ensure_folder(quarantine)
        try:
            count = self._run("requeue", lambda c: self._requeue_digest(c, quarantine, sha256))
        finally:
            self._run("select", lambda c: self._select(c, self.config.folder))
        if not count:
            raise MailboxError(f"{self._where}: no such mail in {quarantine!r}")
        return count

    def _requeue_digest(self, client: IMAPClient, quarantine: str, sha256: str) -> int:
        client.select_folder(quarantine)
        uids = sorted(client.search(["UNDELETED"]))
        found = client.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
        matches = [
            uid
            for uid, item in found.items()
            if hashlib.sha256(item.get(b"BODY[]") or b"").hexdigest() == sha256
        ]
        if matches:
            self._move_once(client, sorted(matches), self.config.folder)
        return len(matches)

    # -- seeding (tests, demo) ---------------------------------------------------------

    def append(self, folder: str, data: bytes, internal_date: datetime | None = None) -> int | None:
        """Add one mail to ``folder``; its UID when the server says (UIDPLUS), else None."""
        self._ensure_folder(folder, recheck=True)  # seeding: a test may have deleted it
        try:
            response = self._require().append(folder, data, msg_time=internal_date)
        except (OSError, IMAPClientError) as exc:
            raise self._error(f"append to {folder!r} failed", exc) from exc
        uids = _appended_uids(response)
        return uids[0] if uids else None

    def append_many(self, folder: str, mails: Iterable[Seed]) -> list[int]:
        """Add mails (bytes, or (bytes, internal date)) fast, with MULTIAPPEND where offered.

        Returns their UIDs when the server reports them (UIDPLUS), else an empty list.
        """
        items = [m if isinstance(m, tuple) else (m, None) for m in mails]
        self._ensure_folder(folder, recheck=True)  # seeding: a test may have deleted it
        client = self._require()
        if not self._has(client, "MULTIAPPEND"):
            uids = [self.append(folder, data, date) for data, date in items]
            return [uid for uid in uids if uid is not None]
        appended: list[int] = []
        for chunk in _chunks(items, _APPEND_CHUNK):
            appended.extend(self._multiappend(client, folder, chunk))
        return appended

    def _multiappend(
        self, client: IMAPClient, folder: str, items: Sequence[tuple[bytes, datetime | None]]
    ) -> list[int]:
        messages = [{"msg": data, "date": date} if date else {"msg": data} for data, date in items]
        try:
            status, lines = client.multiappend(folder, messages)
        except (OSError, IMAPClientError) as exc:
            raise self._error(f"append to {folder!r} failed", exc) from exc
        if status != "OK":
            raise MailboxError(f"{self._where}: append to {folder!r} refused: {lines!r}")
        return _appended_uids(lines[0] if lines else b"")


def _no_delay(client: IMAPClient) -> None:
    # Without it APPEND's literal waits on delayed ACKs: 22 mails/s on pymap, measured.
    with contextlib.suppress(OSError):  # not a TCP socket: only speed is lost
        client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def _shutdown(client: IMAPClient) -> None:
    with contextlib.suppress(OSError):  # the socket is gone already
        client.shutdown()


def _create(client: IMAPClient, folder: str) -> None:
    client.create_folder(folder)
    try:
        client.subscribe_folder(folder)  # so that staff see it in their mail client
    except IMAPClientError:
        log.debug("cannot subscribe to %s", folder)


def _utc(value: object) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:  # a server without a zone in INTERNALDATE: take it as UTC
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _uid_set(uids: Iterable[int]) -> str:
    """``[1, 2, 3, 7, 9, 10]`` → ``"1:3,7,9:10"``: short command lines for big batches."""
    ranges: list[list[int]] = []
    for uid in sorted(set(uids)):
        if ranges and uid == ranges[-1][1] + 1:
            ranges[-1][1] = uid
        else:
            ranges.append([uid, uid])
    return ",".join(str(a) if a == b else f"{a}:{b}" for a, b in ranges)


def _appended_uids(response: object) -> list[int]:
    match = _APPENDUID.search(response if isinstance(response, bytes) else b"")
    if not match:
        return []
    uids: list[int] = []
    for part in match.group(1).split(b","):
        first, _, last = part.partition(b":")
        uids.extend(range(int(first), int(last or first) + 1))
    return uids


def _chunks(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])

"""Loopback mail servers for ``inbox-worker demo`` and the tests: no account, no config.

``start_imap_server`` runs pymap's in-memory ``dict`` backend as a subprocess (an empty
mailbox; user ``demouser`` / ``demopass``); ``start_smtp_sink`` runs an aiosmtpd server in a
thread that keeps every mail it accepts. Both listen on a free port of 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import email
import email.message
import email.policy
import itertools
import logging
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from inbox_worker.config import ImapConfig, Security, SmtpConfig
from inbox_worker.imap import ImapMailbox, Seed

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
DEMO_USER = "demouser"
DEMO_PASSWORD = "demopass"

# Run pymap's entry point with the interpreter we run on: the same venv, no PATH lookup.
_PYMAP = "import sys; from pymap.main import main; sys.argv[0] = 'pymap'; sys.exit(main())"


@dataclass(frozen=True)
class TlsFiles:
    """A server certificate chain and key (PEM), and the CA file clients verify it with."""

    cert_file: Path
    key_file: Path
    ca_file: Path


@dataclass
class ImapAccount:
    """Where and how to log in to a test IMAP server, with helpers to fill it."""

    host: str
    port: int
    username: str
    password: str
    security: Security = "none"
    ca_file: Path | None = None
    server: str = "imap"
    _seeder: ImapMailbox | None = field(default=None, init=False, repr=False, compare=False)

    def config(self, **overrides: Any) -> ImapConfig:
        """An ``ImapConfig`` for this account; ``overrides`` replace any key."""
        values: dict[str, Any] = {
            "host": self.host,
            "port": self.port,
            "security": self.security,
            "username": self.username,
            "password": self.password,
            "ca_file": self.ca_file,
            "timeout_seconds": 10.0,
        }
        return ImapConfig.model_validate(values | overrides)

    def seed(self, mails: Iterable[Seed], folder: str = "INBOX") -> list[int]:
        """Append mails (bytes, or (bytes, arrival time)) in one go; their UIDs.

        The login is kept for the next call (pymap spends 0.1 s on each: PBKDF2);
        ``close()`` ends it.
        """
        if self._seeder is None:
            self._seeder = ImapMailbox(self.config(), self.password)
        self._seeder.connect()
        return self._seeder.append_many(folder, mails)

    def close(self) -> None:
        """Log out the connection ``seed`` keeps."""
        seeder, self._seeder = self._seeder, None
        if seeder is not None:
            seeder.close()


@dataclass
class EmbeddedImap(ImapAccount):
    """A pymap server in a subprocess; ``stop()`` (or leaving the ``with``) ends it."""

    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    stderr: IO[bytes] | None = field(default=None, repr=False)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def stop(self) -> None:
        """Terminate pymap (kill it after 5 s); safe to call twice."""
        self.close()
        process, self.process = self.process, None
        if process is not None:
            _end(process)
        if self.stderr is not None:
            self.stderr.close()
            self.stderr = None


def start_imap_server(
    *,
    tls: TlsFiles | None = None,
    username: str = DEMO_USER,
    password: str = DEMO_PASSWORD,
    port: int | None = None,
    timeout: float = 10.0,
) -> EmbeddedImap:
    """Start pymap with an empty in-memory mailbox; return once it greets clients.

    With ``tls`` it offers STARTTLS and refuses logins before it (pymap has no implicit
    TLS port). ``port`` defaults to a free one. Raises ``RuntimeError`` when pymap does
    not come up within ``timeout``.
    """
    problem = ""
    for _ in range(1 if port else 3):  # a free port can be taken before pymap binds it
        listen = port or free_port()
        command = [sys.executable, "-c", _PYMAP, "--host", HOST, "--port", str(listen)]
        command += ["--cert", str(tls.cert_file), "--key", str(tls.key_file)] if tls else []
        command += [] if tls else ["--no-tls"]
        command += ["dict", "--demo-user", username, "--demo-password", password]
        stderr = tempfile.TemporaryFile()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr)
        server = EmbeddedImap(
            host=HOST,
            port=listen,
            username=username,
            password=password,
            security="starttls" if tls else "none",
            ca_file=tls.ca_file if tls else None,
            server="pymap",
            process=process,
            stderr=stderr,
        )
        problem = _wait_for_greeting(process, listen, b"* OK", timeout)
        if not problem:
            log.debug("pymap listening on %s:%d", HOST, listen)
            return server
        stderr.seek(0)
        problem += ": " + stderr.read().decode(errors="replace").strip()[-500:]
        server.stop()
    raise RuntimeError(f"pymap did not start: {problem}")


# -- SMTP sink ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedMail:
    """One mail the sink accepted: the envelope and the bytes as received."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    connection: int

    @property
    def message(self) -> email.message.EmailMessage:
        """The mail parsed with the ``default`` policy (headers decoded)."""
        parsed = email.message_from_bytes(self.data, policy=email.policy.default)
        assert isinstance(parsed, email.message.EmailMessage)
        return parsed


class _Handler:
    """aiosmtpd hooks: keep accepted mail, refuse recipients or data on request."""

    def __init__(self, sink: EmbeddedSmtp) -> None:
        self._sink = sink

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        code = self._sink.refusals.get(address.lower()) or self._sink.refusals.get("*")
        if code:
            return _refusal(code)
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self._sink.refuse_data:
            return _refusal(self._sink.refuse_data)
        content = envelope.original_content or b""
        number = self._sink.keep(envelope.mail_from or "", envelope.rcpt_tos, content, session)
        return f"250 2.0.0 Ok: queued as {number:06d}"


class _Controller(Controller):
    """Counts connections (the controller's own start-up probe excluded)."""

    def __init__(self, sink: EmbeddedSmtp, **kwargs: Any) -> None:
        super().__init__(_Handler(sink), **kwargs)
        self._sink = sink

    def factory(self) -> SMTP:
        self._sink.connection_opened()
        server: SMTP = super().factory()  # type: ignore[no-untyped-call]
        return server


class EmbeddedSmtp:
    """An SMTP sink on loopback: ``messages`` holds what it accepted, thread-safely.

    ``refusals`` maps a recipient (or ``"*"``) to a reply code for RCPT, ``refuse_data`` a
    code for DATA (e.g. 550 or 451): switches for fault tests.
    """

    def __init__(self, security: Security, tls: TlsFiles | None, auth: tuple[str, str] | None):
        self.host = HOST
        self.port = 0
        self.security: Security = security
        self.ca_file = tls.ca_file if tls else None
        self.username, self.password = auth or ("", "")
        self.refusals: dict[str, int] = {}
        self.refuse_data = 0
        self.connections = 0
        self._lock = threading.Lock()
        self._messages: list[ReceivedMail] = []
        self._sessions: list[Session] = []  # held, so that no two share an id()
        self._counting = False
        self._controller: _Controller | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def messages(self) -> list[ReceivedMail]:
        """A copy of the mails accepted so far, in order."""
        with self._lock:
            return list(self._messages)

    def clear(self) -> None:
        """Forget the mails and connections so far and accept everything again."""
        with self._lock:
            self._messages.clear()
            self._sessions.clear()
            self.connections = 0
        self.refusals.clear()
        self.refuse_data = 0

    def refuse(self, address: str = "*", code: int = 550) -> None:
        """Answer RCPT TO ``address`` (``"*"``: anyone) with ``code``."""
        self.refusals[address.lower()] = code

    def config(self, **overrides: Any) -> SmtpConfig:
        """An ``SmtpConfig`` for this sink; ``overrides`` replace any key."""
        values: dict[str, Any] = {
            "host": self.host,
            "port": self.port,
            "security": self.security,
            "username": self.username,
            "password": self.password,
            "ca_file": self.ca_file,
            "timeout_seconds": 10.0,
        }
        return SmtpConfig.model_validate(values | overrides)

    def connection_opened(self) -> None:
        with self._lock:
            self.connections += self._counting

    def keep(self, mail_from: str, rcpt_tos: list[str], data: bytes, session: Session) -> int:
        with self._lock:
            if not any(seen is session for seen in self._sessions):
                self._sessions.append(session)
            connection = next(n for n, seen in enumerate(self._sessions, 1) if seen is session)
            self._messages.append(ReceivedMail(mail_from, tuple(rcpt_tos), data, connection))
            return len(self._messages)

    def start(self, tls: TlsFiles | None) -> None:
        context = _server_context(tls) if tls else None
        options: dict[str, Any] = {"server_hostname": "sink.inbox-worker.test"}
        if self.security == "ssl":
            options["ssl_context"] = context
        elif self.security == "starttls":
            options.update(tls_context=context, require_starttls=True)
        if self.username:
            options.update(
                authenticator=self._authenticate,
                auth_required=False,
                # aiosmtpd counts only STARTTLS as TLS; implicit TLS (ssl) is TLS too
                auth_require_tls=self.security == "starttls",
            )
        for attempt in itertools.count(1):
            self.port = free_port()
            self._controller = _Controller(self, hostname=HOST, port=self.port, **options)
            try:
                self._controller.start()
                break
            except OSError:
                self._controller.loop.close()
                if attempt == 3:
                    raise
        self._counting = True

    def stop(self) -> None:
        """Stop the server thread; safe to call twice."""
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (
            data.login.decode(),
            data.password.decode(),
        ) == (self.username, self.password)
        return AuthResult(success=ok, handled=False)


def start_smtp_sink(
    *, security: Security = "none", tls: TlsFiles | None = None, auth: tuple[str, str] | None = None
) -> EmbeddedSmtp:
    """Start an SMTP sink; ``security`` ssl or starttls needs ``tls``; ``auth`` is (user, pw).

    The sink offers AUTH PLAIN/LOGIN when ``auth`` is given (after STARTTLS when TLS is
    used) but does not demand it.
    """
    if security != "none" and tls is None:
        raise ValueError(f"security {security!r} needs tls files")
    sink = EmbeddedSmtp(security, tls, auth)
    sink.start(tls)
    return sink


# -- helpers ------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for_greeting(
    process: subprocess.Popen[bytes], port: int, greeting: bytes, timeout: float
) -> str:
    """Empty once the server on ``port`` greets; else why not."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return f"exited with {process.returncode}"
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), 1.0) as probe:
            if probe.recv(256).startswith(greeting):
                return ""
        time.sleep(0.02)
    return f"no greeting on port {port} within {timeout:g} s"


def _end(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _server_context(tls: TlsFiles) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls.cert_file, tls.key_file)
    return context


def _refusal(code: int) -> str:
    if code >= 500:
        return f"{code} 5.1.1 Refused by the test sink"
    return f"{code} 4.3.0 Try again later (test sink)"

"""Test-only servers and tools: Dovecot in a temp dir, trustme certificates, a TCP proxy that
can drop connections, and a mailbox reset between tests.

Dovecot (DESIGN.md section 7) runs as ``dovecot -F -c <tmp>/dovecot.conf`` with everything
(base_dir, state, log, passwd-file, maildirs) inside the temp dir; the system configuration
is never read. As root the mail files belong to ``dovecot`` (login processes refuse root);
as another user everything runs as that user.
"""

from __future__ import annotations

import contextlib
import getpass
import grp
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

import trustme
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from inbox_worker.config import Security
from inbox_worker.embedded import HOST, ImapAccount, TlsFiles, free_port

USER, PASSWORD = "reklamacje@sklep.example", "dovecot-pass-1"


def make_tls(directory: Path) -> TlsFiles:
    """A fresh CA and a certificate for 127.0.0.1 and localhost, as PEM files."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    files = TlsFiles(directory / "cert.pem", directory / "key.pem", directory / "ca.pem")
    cert.private_key_and_cert_chain_pem.write_to_path(str(files.cert_file))
    cert.private_key_pem.write_to_path(str(files.key_file))
    ca.cert_pem.write_to_path(str(files.ca_file))
    return files


def dovecot_binary() -> str | None:
    """The dovecot executable, or None when Dovecot is not installed."""
    found = shutil.which("dovecot") or "/usr/sbin/dovecot"
    return found if os.access(found, os.X_OK) else None


_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = inbox-worker-test-{port}
# chroot needs root; without it this works as root and as a plain user alike
log_path = {root}/dovecot.log
default_internal_user = {user}
default_internal_group = {group_name}
default_login_user = {user}
first_valid_uid = 1
auth_mechanisms = plain login
auth_failure_delay = 0
disable_plaintext_auth = no
mail_fsync = never
ssl = {ssl}
{ssl_files}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={root}/home/%n
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {ssl_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  # no login penalty after the wrong-password test
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


class Dovecot:
    """A private Dovecot: ``account(security)`` gives the plain, STARTTLS or SSL login."""

    def __init__(self, tls: TlsFiles | None) -> None:
        # Not under pytest's tmp dir: its parent is 0700, which dovecot's users cannot enter.
        self.root = Path(tempfile.mkdtemp(prefix="inbox-worker-dovecot-"))
        self.tls = tls
        self.port = free_port()
        self.ssl_port = free_port() if tls else 0
        self._process: subprocess.Popen[bytes] | None = None
        self._accounts: dict[str, ImapAccount] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def account(self, security: Security = "none") -> ImapAccount:
        if security not in self._accounts:
            port = self.ssl_port if security == "ssl" else self.port
            ca_file = self.tls.ca_file if self.tls and security != "none" else None
            account = ImapAccount(HOST, port, USER, PASSWORD, security, ca_file, "dovecot")
            self._accounts[security] = account
        return self._accounts[security]

    def start(self, binary: str, timeout: float = 10.0) -> None:
        user = "dovecot" if os.geteuid() == 0 else getpass.getuser()
        self._write_files(user)
        command = [binary, "-F", "-c", str(self.root / "dovecot.conf")]
        self._process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None or _greets(self.port):
                break
            time.sleep(0.02)
        if self._process.poll() is not None or not _greets(self.port):
            log = (self.root / "dovecot.log").read_text(errors="replace")[-2000:]
            self.stop()
            raise RuntimeError(f"dovecot did not start:\n{log}")

    def stop(self) -> None:
        for account in self._accounts.values():
            account.close()
        process, self._process = self._process, None
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(self.root, ignore_errors=True)

    def _write_files(self, user: str) -> None:
        root = self.root
        root.chmod(0o755)  # dovecot's unprivileged processes must reach their files
        for name in ("run", "state", "home"):
            (root / name).mkdir(exist_ok=True)
        (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        entry = pwd.getpwnam(user)
        os.chown(root / "home", entry.pw_uid, entry.pw_gid)
        ssl_files = ""
        if self.tls:
            shutil.copy(self.tls.cert_file, root / "cert.pem")
            shutil.copy(self.tls.key_file, root / "key.pem")
            ssl_files = f"ssl_cert = <{root}/cert.pem\nssl_key = <{root}/key.pem"
        conf = _CONF.format(
            root=root,
            port=self.port,
            ssl_port=self.ssl_port,
            user=user,
            group=entry.pw_gid,
            group_name=grp.getgrgid(entry.pw_gid).gr_name,
            ssl="yes" if self.tls else "no",
            ssl_files=ssl_files,
        )
        (root / "dovecot.conf").write_text(conf)


def _greets(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((HOST, port), 1.0) as probe:
        return probe.recv(256).startswith(b"* OK")
    return False


def sample_mail(number: int, subject: str = "Reklamacja") -> bytes:
    """A small customer mail with a unique Message-ID and body."""
    return (
        f"From: Jan Kowalski <jan{number}@example.com>\r\n"
        "To: reklamacje@sklep.example\r\n"
        f"Subject: {subject} {number}\r\n"
        f"Message-ID: <mail-{number}@example.com>\r\n"
        "Date: Mon, 04 Mar 2024 10:00:00 +0100\r\n"
        "\r\n"
        f"Zamowienie 1234{number % 100:02d}: paczka uszkodzona.\r\n"
    ).encode()


_CLIENTS: dict[tuple[str, int], IMAPClient] = {}


@contextlib.contextmanager
def raw_client(account: ImapAccount) -> Iterator[IMAPClient]:
    """A plain imapclient session on the account, to look behind ImapMailbox's back.

    Kept between uses (pymap spends 0.1 s on each login); ``close_raw_clients`` ends them.
    """
    client = _CLIENTS.pop((account.host, account.port), None)
    if client is not None:
        try:
            client.noop()
        except (IMAPClientError, OSError):
            _close(client)
            client = None
    client = client or _login(account)
    try:
        yield client
    except BaseException:
        _close(client)
        raise
    _CLIENTS[(account.host, account.port)] = client


def close_raw_clients() -> None:
    while _CLIENTS:
        _close(_CLIENTS.popitem()[1])


def _login(account: ImapAccount) -> IMAPClient:
    security = account.security
    context = None
    if security != "none":
        context = ssl.create_default_context(cafile=str(account.ca_file))
    client = IMAPClient(account.host, account.port, ssl=security == "ssl", ssl_context=context)
    try:
        if security == "starttls":
            client.starttls(context)
        client.login(account.username, account.password)
    except BaseException:
        _close(client)
        raise
    return client


def _close(client: IMAPClient) -> None:
    try:
        client.logout()
    except (IMAPClientError, OSError):
        with contextlib.suppress(OSError):
            client.shutdown()


def reset_mailbox(account: ImapAccount) -> None:
    """Empty the account: every mail in INBOX gone, every other folder deleted."""
    with raw_client(account) as client:
        client.select_folder("INBOX")  # never delete the folder this session has selected
        for _flags, _delimiter, name in client.list_folders():
            if name.upper() != "INBOX":
                client.delete_folder(name)
        uids = client.search(["ALL"])
        if uids:
            client.delete_messages(uids)
            client.expunge()


def folder_mails(account: ImapAccount, folder: str = "INBOX") -> dict[int, tuple[bytes, set[str]]]:
    """UID → (bytes, flags) of every mail in ``folder`` (read with BODY.PEEK); {} if none."""
    with raw_client(account) as client:
        if not client.folder_exists(folder):
            return {}
        client.select_folder(folder, readonly=True)
        uids = client.search(["ALL"])
        found = client.fetch(uids, ["BODY.PEEK[]", "FLAGS"]) if uids else {}
        return {
            uid: (item[b"BODY[]"], {flag.decode() for flag in item[b"FLAGS"]})
            for uid, item in found.items()
        }


def flag_deleted(account: ImapAccount, uids: list[int]) -> None:
    """Flag mails in INBOX \\Deleted the way a person's mail client does."""
    with raw_client(account) as client:
        client.select_folder("INBOX")
        client.add_flags(uids, [rb"\Deleted"])


class TcpProxy:
    """Forwards 127.0.0.1:``port`` to a server; ``drop()`` cuts every connection at once.

    ``drop_on(marker)`` cuts them as soon as a client sends bytes containing ``marker``
    (after forwarding them when ``forward``): a connection lost mid-command.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.drops = 0
        self._listener = socket.create_server((HOST, 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._trigger: tuple[bytes, bool] | None = None
        self._threads: list[threading.Thread] = []
        self._closed = False
        self._spawn(self._accept)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def drop(self) -> None:
        """Cut every open connection (both sides see EOF/reset)."""
        with self._lock:
            pairs, self._pairs = self._pairs, []
            self.drops += bool(pairs)
        for pair in pairs:
            for sock in pair:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def drop_on(self, marker: bytes, forward: bool = False) -> None:
        self._trigger = (marker, forward)

    def close(self) -> None:
        self._closed = True
        self.drop()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def _spawn(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection((HOST, self.target_port))
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._pairs.append((client, server))
            self._spawn(self._serve, client, server)

    def _serve(self, client: socket.socket, server: socket.socket) -> None:
        upstream = threading.Thread(target=self._pump, args=(client, server, True), daemon=True)
        upstream.start()
        self._pump(server, client, False)
        upstream.join()
        with self._lock:
            if (client, server) in self._pairs:
                self._pairs.remove((client, server))
        client.close()
        server.close()

    def _pump(self, source: socket.socket, sink: socket.socket, upstream: bool) -> None:
        with contextlib.suppress(OSError):
            for chunk in _chunks(source):
                trigger = self._trigger if upstream else None
                if trigger and trigger[0] in chunk:
                    self._trigger = None
                    if trigger[1]:
                        sink.sendall(chunk)
                        time.sleep(0.2)  # let the server act on it before the cut
                    self.drop()
                    break
                sink.sendall(chunk)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


def _chunks(sock: socket.socket) -> Iterator[bytes]:
    while chunk := sock.recv(65536):
        yield chunk

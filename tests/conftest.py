"""Fixtures: real IMAP servers (pymap always, Dovecot when installed) and an SMTP sink.

``imap_server`` is parametrised by server and yields an ``ImapAccount`` on an empty
mailbox: ``imap_server.seed([bytes, ...])`` fills INBOX, ``imap_server.config()`` gives an
``ImapConfig``. The servers live for the session (pymap takes ~0.3 s to start) and every
test starts from an emptied mailbox. ``smtp_server`` is an ``EmbeddedSmtp`` per test:
``smtp_server.messages`` lists what it accepted (``.data``, ``.message``, envelope).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from inbox_worker.embedded import (
    EmbeddedSmtp,
    ImapAccount,
    TlsFiles,
    start_imap_server,
    start_smtp_sink,
)
from tests.servers import Dovecot, close_raw_clients, dovecot_binary, make_tls, reset_mailbox

NO_DOVECOT = "dovecot is not installed (apt-get install -y dovecot-imapd)"


@pytest.fixture(scope="session", autouse=True)
def _rule_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One rule cache for the session (and the workers it starts), never the user's own."""
    os.environ["INBOX_WORKER_CACHE_DIR"] = str(tmp_path_factory.mktemp("rule-cache"))


@pytest.fixture(scope="session", autouse=True)
def _close_raw_clients() -> Iterator[None]:
    yield
    close_raw_clients()


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    """A trustme CA and a certificate for 127.0.0.1, shared by every TLS server."""
    return make_tls(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="session")
def pymap_plain() -> Iterator[ImapAccount]:
    with start_imap_server() as server:
        yield server


@pytest.fixture(scope="session")
def pymap_starttls(tls_files: TlsFiles) -> Iterator[ImapAccount]:
    with start_imap_server(tls=tls_files) as server:
        yield server


@pytest.fixture(scope="session")
def dovecot(tls_files: TlsFiles) -> Iterator[Dovecot]:
    binary = dovecot_binary()
    if binary is None:
        pytest.skip(NO_DOVECOT)
    with Dovecot(tls_files) as server:
        server.start(binary)
        yield server


def _account(request: pytest.FixtureRequest, server: str, security: str) -> ImapAccount:
    if server == "pymap":
        name = "pymap_plain" if security == "none" else "pymap_starttls"
        account: ImapAccount = request.getfixturevalue(name)
    else:
        account = request.getfixturevalue("dovecot").account(security)
    reset_mailbox(account)
    return account


@pytest.fixture(params=["pymap", "dovecot"])
def imap_server(request: pytest.FixtureRequest) -> ImapAccount:
    """An empty mailbox on each IMAP server, without TLS."""
    return _account(request, request.param, "none")


@pytest.fixture(
    params=[("pymap", "starttls"), ("dovecot", "starttls"), ("dovecot", "ssl")],
    ids=["pymap-starttls", "dovecot-starttls", "dovecot-ssl"],
)
def imap_tls_server(request: pytest.FixtureRequest) -> ImapAccount:
    """An empty mailbox behind TLS; ``ca_file`` holds the CA to verify it with."""
    server, security = request.param
    return _account(request, server, security)


@pytest.fixture
def smtp_server() -> Iterator[EmbeddedSmtp]:
    """A plain SMTP sink without AUTH."""
    with start_smtp_sink() as sink:
        yield sink


@pytest.fixture
def smtp_auth_server() -> Iterator[EmbeddedSmtp]:
    """A plain SMTP sink offering AUTH (user ``sink-user``, password ``sink-pass``)."""
    with start_smtp_sink(auth=("sink-user", "sink-pass")) as sink:
        yield sink


@pytest.fixture(params=["ssl", "starttls"])
def smtp_tls_server(request: pytest.FixtureRequest, tls_files: TlsFiles) -> Iterator[EmbeddedSmtp]:
    """An SMTP sink over SMTPS or STARTTLS with AUTH; ``ca_file`` verifies its certificate."""
    with start_smtp_sink(
        security=request.param, tls=tls_files, auth=("sink-user", "sink-pass")
    ) as sink:
        yield sink


def pytest_report_header() -> str:
    return f"dovecot: {dovecot_binary() or 'not installed, its tests skip'}"

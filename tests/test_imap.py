"""The IMAP edge against real servers: pymap always, Dovecot when installed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

from inbox_worker.embedded import ImapAccount, free_port, start_imap_server
from inbox_worker.errors import MailboxError
from inbox_worker.imap import ImapMailbox, _uid_set
from tests.servers import TcpProxy, flag_deleted, folder_mails, raw_client, sample_mail


def mailbox(account: ImapAccount, **options: object) -> ImapMailbox:
    return ImapMailbox(account.config(), account.password, **options)  # type: ignore[arg-type]


def bodies(account: ImapAccount, folder: str = "INBOX") -> list[bytes]:
    return sorted(body for body, _flags in folder_mails(account, folder).values())


@pytest.fixture
def proxy(imap_server: ImapAccount) -> Iterator[TcpProxy]:
    with TcpProxy(imap_server.port) as running:
        yield running


def through(account: ImapAccount, proxy: TcpProxy) -> ImapMailbox:
    return ImapMailbox(account.config(port=proxy.port), account.password)


# -- reading ------------------------------------------------------------------------------


def test_fetch_returns_the_bytes_and_leaves_mail_unseen(imap_server: ImapAccount) -> None:
    mails = [sample_mail(n) for n in range(3)]
    uids = imap_server.seed(mails)
    with mailbox(imap_server) as box:
        batch = box.fetch_batch(10)
    assert [raw.uid for raw in batch] == uids
    assert [raw.data for raw in batch] == mails
    assert all("\\Seen" not in flags for _body, flags in folder_mails(imap_server).values())


def test_batches_come_in_uid_order_and_skip_what_the_caller_handled(
    imap_server: ImapAccount,
) -> None:
    uids = imap_server.seed(sample_mail(n) for n in range(5))
    with mailbox(imap_server) as box:
        first = box.fetch_batch(2)
        second = box.fetch_batch(2, skip_uids={raw.uid for raw in first})
        assert box.fetch_batch(0) == []
    assert [raw.uid for raw in first + second] == uids[:4]


def test_internal_date_is_the_arrival_time_in_utc(imap_server: ImapAccount) -> None:
    arrived = datetime(2024, 3, 4, 23, 30, 5, tzinfo=timezone(timedelta(hours=2)))
    imap_server.seed([(sample_mail(1), arrived)])
    with mailbox(imap_server) as box:
        (raw,) = box.fetch_batch(1)
    assert raw.internal_date == arrived
    assert raw.internal_date is not None and raw.internal_date.tzinfo == UTC


def test_uidvalidity_is_the_folders(imap_server: ImapAccount) -> None:
    imap_server.seed([sample_mail(1)])
    with raw_client(imap_server) as client:
        expected = client.folder_status("INBOX", ["UIDVALIDITY"])[b"UIDVALIDITY"]
    with mailbox(imap_server) as box:
        assert box.uidvalidity == expected
        assert box.fetch_batch(1)[0].uidvalidity == expected


def test_waiting_counts_mail_and_finds_the_oldest(imap_server: ImapAccount) -> None:
    old = datetime(2024, 1, 2, 8, 0, tzinfo=UTC)
    imap_server.seed([(sample_mail(1), old + timedelta(days=1)), (sample_mail(2), old)])
    with mailbox(imap_server) as box:
        assert box.waiting() == (2, old)
        box.move_to_processed([raw.uid for raw in box.fetch_batch(2)])
        assert box.waiting() == (0, None)


def test_mail_arriving_during_a_session_is_seen(imap_server: ImapAccount) -> None:
    with mailbox(imap_server) as box:
        assert box.fetch_batch(5) == []
        imap_server.seed([sample_mail(1)])
        assert len(box.fetch_batch(5)) == 1


# -- settling -----------------------------------------------------------------------------


def test_move_to_processed_creates_the_folder_and_empties_the_inbox(
    imap_server: ImapAccount,
) -> None:
    mails = [sample_mail(n) for n in range(3)]
    imap_server.seed(mails)
    with mailbox(imap_server) as box:
        batch = box.fetch_batch(10)
        box.move_to_processed([raw.uid for raw in batch[:2]])
        assert [raw.data for raw in box.fetch_batch(10)] == mails[2:]
    assert bodies(imap_server, "Processed") == sorted(mails[:2])
    assert bodies(imap_server) == mails[2:]


def test_quarantine_and_back(imap_server: ImapAccount) -> None:
    mails = [sample_mail(n) for n in range(2)]
    imap_server.seed(mails)
    with mailbox(imap_server) as box:
        box.move_to_quarantine([box.fetch_batch(1)[0].uid])
        assert bodies(imap_server, "Quarantine") == [mails[0]]
        assert box.requeue_by_digest(hashlib.sha256(mails[0]).hexdigest()) == 1
        assert sorted(raw.data for raw in box.fetch_batch(10)) == sorted(mails)
        with pytest.raises(MailboxError, match="no such mail"):
            box.requeue_by_digest(hashlib.sha256(b"nothing").hexdigest())
    assert bodies(imap_server, "Quarantine") == []


@pytest.mark.parametrize("missing", [{"MOVE"}, {"MOVE", "UIDPLUS"}], ids=["no-move", "no-uidplus"])
def test_move_without_move_copies_then_expunges(
    imap_server: ImapAccount, missing: set[str]
) -> None:
    mails = [sample_mail(n) for n in range(4)]
    imap_server.seed(mails)
    with mailbox(imap_server, ignore_capabilities=missing) as box:
        box.move_to_processed([raw.uid for raw in box.fetch_batch(3)])
    assert bodies(imap_server, "Processed") == sorted(mails[:3])
    assert bodies(imap_server) == [mails[3]]


def test_without_uidplus_mail_others_deleted_is_not_expunged(imap_server: ImapAccount) -> None:
    mails = [sample_mail(n) for n in range(3)]
    uids = imap_server.seed(mails)
    flag_deleted(imap_server, [uids[2]])  # a person deleted it, may still undelete it
    with mailbox(imap_server, ignore_capabilities={"MOVE", "UIDPLUS"}) as box:
        assert [raw.uid for raw in box.fetch_batch(10)] == uids[:2]
        box.move_to_processed(uids[:2])
        assert box.fetch_batch(10) == []  # our originals stay flagged, never fetched again
    assert bodies(imap_server, "Processed") == sorted(mails[:2])
    assert set(folder_mails(imap_server)) == set(uids)  # nothing expunged


def test_append_returns_uids(imap_server: ImapAccount) -> None:
    with mailbox(imap_server) as box:
        one = box.append("INBOX", sample_mail(1))
        many = box.append_many("INBOX", [sample_mail(2), sample_mail(3)])
        assert [raw.uid for raw in box.fetch_batch(5)] == [one, *many]


def test_the_mailbox_can_be_opened_again_after_closing(imap_server: ImapAccount) -> None:
    imap_server.seed([sample_mail(1)])
    box = mailbox(imap_server)
    for _ in range(2):
        with box:
            assert len(box.fetch_batch(5)) == 1


# -- failures -----------------------------------------------------------------------------


def test_wrong_password_is_one_clear_line_without_the_password(imap_server: ImapAccount) -> None:
    secret = "Sekret-123!"
    with pytest.raises(MailboxError) as caught:
        ImapMailbox(imap_server.config(), secret).connect()
    message = str(caught.value)
    assert message.startswith(f"imap 127.0.0.1:{imap_server.port}: login refused for user")
    assert "\n" not in message and secret not in message


def test_refused_connection_names_host_and_port() -> None:
    port = free_port()
    account = ImapAccount("127.0.0.1", port, "u", "p")
    with pytest.raises(MailboxError, match=rf"^imap 127\.0\.0\.1:{port}: cannot connect: "):
        mailbox(account).connect()


def test_starttls_is_never_skipped(pymap_plain: ImapAccount) -> None:
    config = pymap_plain.config(security="starttls")  # this pymap offers no STARTTLS
    with pytest.raises(MailboxError, match="server does not offer STARTTLS"):
        ImapMailbox(config, pymap_plain.password).connect()


def test_tls_with_the_servers_ca(imap_tls_server: ImapAccount) -> None:
    imap_tls_server.seed([sample_mail(1)])
    with mailbox(imap_tls_server) as box:
        assert len(box.fetch_batch(5)) == 1


def test_tls_certificate_is_verified_by_default(imap_tls_server: ImapAccount) -> None:
    config = imap_tls_server.config(ca_file=None)  # the system CAs do not know trustme's
    with pytest.raises(MailboxError, match="certificate verify failed") as caught:
        ImapMailbox(config, imap_tls_server.password).connect()
    assert "\n" not in str(caught.value)
    with ImapMailbox(config.model_copy(update={"verify_tls": False}), imap_tls_server.password):
        pass


# -- dropped connections ----------------------------------------------------------------


def test_reads_reconnect_after_a_dropped_connection(
    imap_server: ImapAccount, proxy: TcpProxy
) -> None:
    imap_server.seed(sample_mail(n) for n in range(3))
    with through(imap_server, proxy) as box:
        assert len(box.fetch_batch(2)) == 2
        proxy.drop()
        assert len(box.fetch_batch(5)) == 3
        proxy.drop()
        box.move_to_processed([raw.uid for raw in box.fetch_batch(5)])
        proxy.drop()
        assert box.waiting()[0] == 0
    assert proxy.drops == 3
    assert len(bodies(imap_server, "Processed")) == 3


@pytest.mark.parametrize("forward", [False, True], ids=["lost-before", "lost-after"])
def test_a_move_cut_off_is_checked_and_finished(
    imap_server: ImapAccount, proxy: TcpProxy, forward: bool
) -> None:
    mails = [sample_mail(n) for n in range(3)]
    imap_server.seed(mails)
    with through(imap_server, proxy) as box:
        uids = [raw.uid for raw in box.fetch_batch(5)]
        proxy.drop_on(b"UID MOVE", forward=forward)
        box.move_to_processed(uids)
        assert box.fetch_batch(5) == []
    assert proxy.drops == 1
    assert bodies(imap_server, "Processed") == sorted(mails)


@pytest.mark.parametrize("command", [b"UID COPY", b"UID STORE", b"EXPUNGE"])
def test_a_copy_fallback_cut_off_loses_nothing(
    imap_server: ImapAccount, proxy: TcpProxy, command: bytes
) -> None:
    mails = [sample_mail(n) for n in range(3)]
    imap_server.seed(mails)
    box = ImapMailbox(
        imap_server.config(port=proxy.port), imap_server.password, ignore_capabilities={"MOVE"}
    )
    with box:
        uids = [raw.uid for raw in box.fetch_batch(5)]
        proxy.drop_on(command, forward=True)
        box.move_to_processed(uids)
        assert box.fetch_batch(5) == []
    assert proxy.drops == 1
    assert bodies(imap_server) == []
    assert set(bodies(imap_server, "Processed")) == set(mails)  # a copy may exist twice


def test_a_restarted_server_voids_the_uids() -> None:
    with start_imap_server() as first:
        first.seed([sample_mail(1)])
        box = mailbox(first)
        box.connect()
        before = box.uidvalidity
        first.stop()
        with pytest.raises(MailboxError, match="cannot connect"):
            box.fetch_batch(1)
        with start_imap_server(port=first.port) as second:  # pymap: new UIDVALIDITY, no mail
            with pytest.raises(MailboxError, match="UIDVALIDITY of 'INBOX' changed from"):
                box.fetch_batch(1)
            assert box.uidvalidity != before
            second.seed([sample_mail(2)])
            assert [raw.data for raw in box.fetch_batch(1)] == [sample_mail(2)]
            box.close()


def test_uid_set_is_compact() -> None:
    assert _uid_set([9, 1, 2, 3, 7, 10, 3]) == "1:3,7,9:10"


def test_the_inbox_cannot_be_a_target_folder() -> None:
    config = ImapAccount("127.0.0.1", 1, "u", "p").config(processed_folder="INBOX")
    with pytest.raises(MailboxError, match="must differ"):
        ImapMailbox(config, "p")

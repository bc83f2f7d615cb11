"""Broken mail never stops a poll: each is processed, or retried and then quarantined, and
the good mail behind it goes through. No reply goes to an absent address, and nothing from
a broken header reaches the headers of our replies.

The small broken mails are in ``tests/data/malformed``; the large and the random ones are
generated here (a 30 MB mail is not committed).
"""

from __future__ import annotations

import base64
import json
import random
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from email import message_from_bytes, policy
from email.utils import parseaddr
from pathlib import Path

import pytest

from inbox_worker.archive import Archive
from inbox_worker.models import OutgoingMail
from inbox_worker.pipeline import Services, open_services
from inbox_worker.smtp import to_mime
from inbox_worker.store import CaseStore
from inbox_worker.worker import PollReport, poll_once
from tests.support import NOW, FakeMailbox, FakeSender, make_config, make_mail

MALFORMED = Path(__file__).resolve().parent / "data" / "malformed"
MIME = Path(__file__).resolve().parents[2] / "shared" / "mime"
STAFF = "obsluga@sklep.example"
ADDRESS = re.compile(r"[^@\s<>]+@[^@\s<>]+")
OUR_HEADERS = {
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "in-reply-to",
    "references",
    "reply-to",
    "auto-submitted",
    "x-auto-response-suppress",
    "x-inbox-worker-case",
    "content-type",
    "content-transfer-encoding",
    "mime-version",
}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

# --- generated broken mail -----------------------------------------------------------------

HEAD = (
    "From: Anna Kowalska <anna.kowalska@poczta.example>\r\nTo: reklamacje@sklep.example\r\n"
    "Subject: {subject}\r\nMessage-ID: <{name}@poczta.example>\r\nMIME-Version: 1.0\r\n"
)
TEXT = "Dzień dobry, czajnik z zamówienia 482913 przecieka. Proszę o wymianę."


def deep_nesting(depth: int = 200) -> bytes:
    parts = [HEAD.format(subject="Reklamacja", name="deep")]
    parts.append('Content-Type: multipart/mixed; boundary="b0"\r\n\r\n')
    for level in range(1, depth):
        parts.append(
            f'--b{level - 1}\r\nContent-Type: multipart/mixed; boundary="b{level}"\r\n\r\n'
        )
    parts.append(f"--b{depth - 1}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{TEXT}\r\n")
    parts.extend(f"--b{level}--\r\n" for level in range(depth - 1, -1, -1))
    return "".join(parts).encode()


def many_parts(count: int = 5000) -> bytes:
    parts = [HEAD.format(subject="Zdjęcia uszkodzeń", name="many")]
    parts.append('Content-Type: multipart/mixed; boundary="p"\r\n\r\n')
    parts.append(f"--p\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{TEXT}\r\n")
    for number in range(count):
        parts.append(
            f'--p\r\nContent-Type: image/png; name="z{number}.png"\r\n'
            f'Content-Disposition: attachment; filename="z{number}.png"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
        )
    parts.append("--p--\r\n")
    return "".join(parts).encode()


def oversized(megabytes: int = 30) -> bytes:
    """A complaint with a film of ``megabytes`` MB (base64 makes it a third larger)."""
    film = random.Random(30).randbytes(megabytes * 2**20 * 3 // 4)
    body = base64.encodebytes(film).replace(b"\n", b"\r\n")
    head = HEAD.format(subject="Film z uszkodzeniem", name="oversized")
    return (
        head.encode() + b'Content-Type: multipart/mixed; boundary="q"\r\n\r\n'
        b"--q\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + TEXT.encode() + b"\r\n"
        b'--q\r\nContent-Type: video/mp4; name="film.mp4"\r\n'
        b'Content-Disposition: attachment; filename="film.mp4"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n" + body + b"--q--\r\n"
    )


def generated() -> dict[str, bytes]:
    long_subject = HEAD.format(subject="Reklamacja " + "x" * 200_000, name="long")
    many_headers = "".join(f"X-Trace-{n}: hop {n}\r\n" for n in range(20_000))
    return {
        "generated:200-deep-nesting": deep_nesting(),
        "generated:5000-parts": many_parts(),
        "generated:random-bytes": random.Random(5).randbytes(64 * 1024),
        "generated:0-bytes": b"",
        "generated:200k-subject": f"{long_subject}\r\n{TEXT}\r\n".encode(),
        "generated:20000-headers": f"{many_headers}{HEAD.format(subject='R', name='hdrs')}\r\n"
        f"{TEXT}\r\n".encode(),
    }


BROKEN: dict[str, bytes] = {
    **{path.name: path.read_bytes() for path in sorted(MALFORMED.iterdir())},
    **generated(),
}

# Mail without a single header line: parse() gives up, the mail is retried, then quarantined.
UNPARSEABLE = {
    "body-only-no-headers.eml",
    "outlook-message.msg",
    "generated:random-bytes",
    "generated:0-bytes",
}


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    config = make_config(tmp_path_factory.mktemp("loaded"))
    store = CaseStore(config.storage.path)
    yield open_services(config, store, clock=lambda: NOW)
    store.close()


@pytest.fixture
def services(loaded: Services, tmp_path: Path) -> Iterator[Services]:
    config = make_config(tmp_path)
    store = CaseStore(config.storage.path)
    archive = Archive(config.storage.data_dir / "mail")
    yield replace(loaded, config=config, store=store, archive=archive)
    store.close()


def good(number: int) -> bytes:
    return make_mail(
        sender=f"Klient {number} <klient{number}@poczta.example>",
        body=f"Dzień dobry, toster z zamówienia {600000 + number} nie grzeje. Proszę o zwrot.",
        message_id=f"<good{number}@poczta.example>",
    )


def poll_until_settled(
    services: Services, mailbox: FakeMailbox, sender: FakeSender
) -> list[PollReport]:
    """As many polls as it takes a poison mail to reach quarantine, and one more."""
    return [
        poll_once(services, mailbox, sender) for _ in range(services.config.limits.max_attempts + 2)
    ]


# --- each broken mail between good ones ----------------------------------------------------


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_mail_is_processed_or_quarantined_and_the_good_ones_go_through(
    services: Services, name: str
) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(good(1))
    broken = mailbox.add(BROKEN[name])
    mailbox.add(good(3))
    first, *_ = poll_until_settled(services, mailbox, sender)
    assert {1, 3} <= set(mailbox.processed)
    assert {o.uid: o.action for o in first.outcomes if o.uid != broken} == {
        1: "open_case",
        3: "open_case",
    }
    assert [m.template for m in sender.to("klient1@poczta.example")] == ["ack_new_case"]
    assert [m.template for m in sender.to("klient3@poczta.example")] == ["ack_new_case"]
    if name in UNPARSEABLE:
        assert mailbox.quarantined == [broken]
        (record,) = services.store.quarantined()
        assert record["uid"] == broken and record["error"]
    else:
        assert broken in mailbox.processed
    assert not mailbox.mails


def test_all_broken_mail_in_one_batch_mixed_with_good_mail(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    names: dict[int, str] = {}
    for number, (name, data) in enumerate(BROKEN.items()):
        names[mailbox.add(good(2 * number))] = "good"
        names[mailbox.add(data)] = name
    first, *_ = poll_until_settled(services, mailbox, sender)
    assert first.fetched == len(names)
    goods = [uid for uid, name in names.items() if name == "good"]
    assert set(goods) <= set(mailbox.processed)
    assert len([m for m in sender.sent if m.template == "ack_new_case"]) >= len(goods)
    assert not mailbox.mails
    assert {names[uid] for uid in mailbox.quarantined} == UNPARSEABLE


@pytest.mark.parametrize("name", BROKEN)
def test_no_reply_goes_to_an_empty_or_absent_address(services: Services, name: str) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(BROKEN[name])
    poll_until_settled(services, mailbox, sender)
    assert all(ADDRESS.fullmatch(parseaddr(m.to)[1]) for m in sender.sent), [
        (m.to, m.template) for m in sender.sent
    ]


@pytest.mark.parametrize("name", BROKEN)
def test_nothing_from_a_broken_header_reaches_the_headers_of_our_replies(
    services: Services, name: str
) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(BROKEN[name])
    poll_until_settled(services, mailbox, sender)
    for mail in sender.sent:
        if not mail.to:
            continue  # test_no_reply_goes_to_an_empty_or_absent_address
        assert_clean(mail)


def assert_clean(mail: OutgoingMail) -> None:
    """Render ``mail`` as the SMTP edge does and read it back: only our headers, one line each."""
    data = to_mime(mail, "reklamacje@sklep.example", "Sklep Domowy")
    rendered = message_from_bytes(data, policy=policy.default)
    names = {key.lower() for key in rendered}
    assert names <= OUR_HEADERS, names - OUR_HEADERS
    for key, value in rendered.items():  # decoded and unfolded
        assert not CONTROL.search(str(value)) and "\n" not in str(value), (key, value)
    assert not re.search(r"(?im)^(bcc|cc|to|x-injected)\s*:", mail.text), mail.text[:200]


def test_without_a_sender_address_only_staff_are_told(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(BROKEN["no-from.eml"])
    poll_once(services, mailbox, sender)
    assert [(m.to, m.template) for m in sender.sent] == [(STAFF, "staff_new_case")]
    assert mailbox.processed == [1]


def test_a_line_break_in_the_from_name_keeps_the_address(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(BROKEN["from-name-crlf.eml"])
    poll_once(services, mailbox, sender)
    (ack,) = [m for m in sender.sent if m.template == "ack_new_case"]
    assert ack.to == "jan.nowak@poczta.example"
    assert_clean(ack)


def test_the_injected_subject_stays_out_of_our_headers(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(BROKEN["header-injection-subject.eml"])
    poll_once(services, mailbox, sender)
    assert sender.sent
    for mail in sender.sent:
        rendered = message_from_bytes(to_mime(mail, "reklamacje@sklep.example", "Sklep"))
        assert rendered["Bcc"] is None and rendered["X-Injected"] is None
        assert rendered.get_all("To") == [mail.to]


def test_an_oversized_mail_gets_a_polite_answer_and_staff_the_original(
    services: Services,
) -> None:
    data = oversized(30)
    assert len(data) > services.config.limits.max_mail_bytes
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(data)
    mailbox.add(good(2))
    report = poll_once(services, mailbox, sender)
    assert [o.action for o in report.outcomes] == ["open_case", "open_case"]
    assert mailbox.processed == [1, 2]
    (ack,) = sender.to("anna.kowalska@poczta.example")
    assert ack.template == "ack_new_case" and "bardzo duża" in ack.text
    notice = next(m for m in sender.to(STAFF) if "Film z uszkodzeniem" in m.subject)
    assert "ponad limit" in notice.text
    assert str(services.config.storage.data_dir / "mail") in notice.text
    limit = services.config.limits.max_attachment_bytes
    saved = (services.config.storage.data_dir / "attachments").rglob("*")
    assert all(path.stat().st_size <= limit for path in saved if path.is_file())


# --- the shared real-world set -------------------------------------------------------------


def shared_mime() -> list[tuple[str, bytes]]:
    if not MIME.is_dir():
        pytest.skip(f"{MIME} is absent (the shared test mail lives beside the checkout)")
    entries = [json.loads(line) for line in (MIME / "MANIFEST.jsonl").read_text().splitlines()]
    return [(entry["file"], (MIME / entry["file"]).read_bytes()) for entry in entries]


def test_every_mail_of_the_shared_mime_set_is_processed_or_quarantined(
    services: Services,
) -> None:
    mails = shared_mime()
    mailbox, sender = FakeMailbox(), FakeSender()
    files, timings = {}, []
    for name, data in mails:
        files[mailbox.add(data)] = name
        started = time.perf_counter()
        poll_once(services, mailbox, sender)  # one mail per poll, to time each
        timings.append((time.perf_counter() - started, name))
    poll_until_settled(services, mailbox, sender)
    timings.sort(reverse=True)
    print(
        f"shared mime: {len(mails)} mails, {len(mailbox.processed)} processed, "
        f"{len(mailbox.quarantined)} quarantined, {len(mailbox.mails)} left; slowest: "
        + ", ".join(f"{name} {seconds:.3f}s" for seconds, name in timings[:3])
    )
    assert not mailbox.mails, [files[uid] for uid in mailbox.mails]
    assert len(mailbox.processed) + len(mailbox.quarantined) == len(mails)
    for mail in sender.sent:
        if mail.to:
            assert_clean(mail)


def test_no_reply_to_an_absent_address_in_the_shared_mime_set(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    for _, data in shared_mime():
        mailbox.add(data)
    poll_until_settled(services, mailbox, sender)
    nowhere = [(m.to, m.template, m.subject) for m in sender.sent if not ADDRESS.fullmatch(m.to)]
    assert not nowhere

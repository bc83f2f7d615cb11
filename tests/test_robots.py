"""Robots never get an answer: real-world style bounces, auto-replies, lists and notices
through the whole poll cycle, bounces of our own mail recorded on the case, and a ping-pong
against an autoresponder that answers everything, which must end within the caps.

The mails in ``tests/data/robots`` are written in the style of the systems named in their
file names. Several answer our acknowledgement of case R2611-0001 and quote its Message-ID
``PLACEHOLDER``; the tests swap in the Message-ID we really sent. The ping-pong runs over
the fake mailbox and sender, and again on real servers (IMAP from tests/conftest.py, and an
aiosmtpd server whose handler appends the autoresponder's answer to INBOX).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.utils import parseaddr
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

from inbox_worker import app
from inbox_worker.archive import Archive
from inbox_worker.embedded import HOST, ImapAccount, free_port
from inbox_worker.models import OutgoingMail, RawMail
from inbox_worker.parse import parse
from inbox_worker.pipeline import Services, open_services
from inbox_worker.screen import delivery_delayed
from inbox_worker.store import CaseStore
from inbox_worker.worker import PollReport, poll_once
from tests.support import Clock, FakeMailbox, FakeSender, make_config, make_mail, ticking_clock

ROBOTS = Path(__file__).resolve().parent / "data" / "robots"
MIME = Path(__file__).resolve().parents[2] / "shared" / "mime"
PLACEHOLDER = "<iw.R2611-0001.ack_new_case.0123456789ab@sklep.example>"
CUSTOMER = "anna.kowalska@poczta.example"
STAFF = "obsluga@sklep.example"
COMPLAINT = (
    "Dzień dobry, czajnik z zamówienia 482913 przecieka od pierwszego dnia. Proszę o wymianę."
)

# Every file of tests/data/robots: the kind the worker must see, and the class it stands for.
ROBOT_CLASSES: dict[str, tuple[str, str]] = {
    "rfc3834-auto-replied": ("auto_reply", "RFC 3834 auto-reply"),
    "exchange-autoreply-pl": ("auto_reply", "Exchange/Outlook auto-reply"),
    "exchange-autoreply-en": ("auto_reply", "Exchange/Outlook auto-reply"),
    "gmail-vacation": ("auto_reply", "Gmail vacation responder"),
    "zimbra-vacation": ("auto_reply", "Zimbra vacation"),
    "zendesk-request-received": ("bulk", "ticket system"),
    "freshdesk-ticket-received-noheader": ("auto_reply", "ticket system"),
    "otrs-auto-reply": ("auto_reply", "ticket system"),
    "helpdesk-pl-no-headers": ("auto_reply", "ticket system"),
    "ooo-pl-urlop-no-headers": ("auto_reply", "out-of-office without headers"),
    "ooo-pl-poza-biurem-no-headers": ("auto_reply", "out-of-office without headers"),
    "ooo-en-limited-access-no-headers": ("auto_reply", "out-of-office without headers"),
    "ooo-en-away-no-headers": ("auto_reply", "out-of-office without headers"),
    "ooo-pl-nieobecnosc-subject": ("auto_reply", "out-of-office without headers"),
    "address-changed-pl-no-headers": ("auto_reply", "out-of-office without headers"),
    "precedence-bulk-only": ("auto_reply", "autoresponder with one header"),
    "x-autoreply-only": ("auto_reply", "autoresponder with one header"),
    "precedence-auto-reply": ("auto_reply", "autoresponder with one header"),
    "x-autorespond-cpanel": ("auto_reply", "autoresponder with one header"),
    "postfix-dsn-of-our-ack": ("bounce", "DSN: Postfix"),
    "exim-mail-delivery-failed": ("bounce", "DSN: Exim"),
    "exchange-ndr-rfc822-headers": ("bounce", "DSN: Exchange NDR"),
    "exchange-ndr-pl-message-rfc822": ("bounce", "DSN: Exchange NDR"),
    "qmail-failure-notice": ("bounce", "DSN: qmail"),
    "gmail-dsn-failure": ("bounce", "DSN: Gmail"),
    "polish-provider-bounce": ("bounce", "DSN: Polish provider"),
    "polish-isp-bounce-plain-text": ("bounce", "DSN: Polish provider"),
    "postfix-delay-dsn": ("bounce", "delay DSN"),
    "sendmail-delay-warning": ("bounce", "delay DSN"),
    "mailing-list-post": ("bulk", "list mail"),
    "list-precedence-only": ("bulk", "list mail"),
    "newsletter-html-list-unsubscribe": ("bulk", "newsletter"),
    "newsletter-pl-no-list-headers": ("bulk", "newsletter"),
    "courier-noreply-paczka": ("bulk", "no-reply notification"),
    "courier-notification-no-noreply": ("bulk", "no-reply notification"),
    "erp-notification-auto-generated": ("bulk", "no-reply notification"),
    "challenge-response": ("auto_reply", "challenge-response"),
    "read-receipt-mdn": ("auto_reply", "read receipt"),
    "read-receipt-outlook-en": ("auto_reply", "read receipt"),
    "forwarded-own-ack-loop": ("auto_reply", "our own mail coming back"),
}
ROBOT_FILES = sorted(ROBOTS.glob("*.eml"))
OUR_ACK_BOUNCES = [
    path
    for path in ROBOT_FILES
    if ROBOT_CLASSES[path.stem][0] == "bounce" and PLACEHOLDER.encode() in path.read_bytes()
]


@dataclass
class TimedSender(FakeSender):
    """A FakeSender that also notes when each mail went out."""

    clock: Clock = field(default_factory=Clock)
    times: list[datetime] = field(default_factory=list)

    def send(self, mail: OutgoingMail) -> str:
        self.times.append(self.clock.now)
        return super().send(mail)


@pytest.fixture
def clock() -> Clock:
    return ticking_clock()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """Rules, language pipelines and templates, loaded once for the module."""
    config = make_config(tmp_path_factory.mktemp("loaded"))
    store = CaseStore(config.storage.path)
    yield open_services(config, store)
    store.close()


@pytest.fixture
def services(loaded: Services, tmp_path: Path, clock: Clock) -> Iterator[Services]:
    """A fresh store, archive and clock for each test."""
    config = make_config(tmp_path)
    store = CaseStore(config.storage.path)
    archive = Archive(config.storage.data_dir / "mail")
    yield replace(loaded, config=config, store=store, archive=archive, clock=clock)
    store.close()


def open_case(services: Services, mailbox: FakeMailbox, sender: FakeSender, who: str) -> str:
    """A customer's complaint, polled; returns the Message-ID of our acknowledgement."""
    message_id = f"<c{mailbox.next_uid}@poczta.example>"
    mailbox.add(make_mail(sender=who, body=COMPLAINT, message_id=message_id))
    poll_once(services, mailbox, sender)
    acks = [m for m in sender.to(parseaddr(who)[1]) if m.template == "ack_new_case"]
    return acks[0].message_id if acks else ""


def threaded(data: bytes, message_id: str) -> bytes:
    """``data`` answering our mail ``message_id``: threading headers and quoted ids point at it."""
    data = data.replace(PLACEHOLDER.encode(), message_id.encode())
    head, sep, body = re.split(rb"(\r?\n\r?\n)", data, maxsplit=1)
    head = re.sub(rb"(?im)^(?:in-reply-to|references):.*(?:\r?\n[ \t].*)*(?:\r?\n|$)", b"", head)
    ids = message_id.encode()
    return b"In-Reply-To: " + ids + b"\nReferences: " + ids + b"\n" + head + sep + body


def describe(report: PollReport) -> str:
    return "; ".join(f"{o.action} {o.kind} {o.reasons}" for o in report.outcomes)


# --- the robot mails -------------------------------------------------------------------------


def test_every_robot_mail_has_a_class_and_there_are_enough() -> None:
    stems = {path.stem for path in ROBOT_FILES}
    assert stems == set(ROBOT_CLASSES)
    assert len(stems) >= 25
    classes: dict[str, int] = {}
    for _, name in ROBOT_CLASSES.values():
        classes[name] = classes.get(name, 0) + 1
    print("robot mails by class:", json.dumps(classes, ensure_ascii=False))
    assert len(OUR_ACK_BOUNCES) >= 6


@pytest.mark.parametrize("path", ROBOT_FILES, ids=lambda p: p.stem)
def test_a_robot_gets_no_mail(services: Services, path: Path) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(path.read_bytes())
    report = poll_once(services, mailbox, sender)
    assert sender.sent == [], describe(report)
    assert services.store.all_cases() == []
    assert mailbox.processed == [1]
    (outcome,) = report.outcomes
    assert (outcome.action, outcome.kind) == ("ignore", ROBOT_CLASSES[path.stem][0])


@pytest.mark.parametrize("path", ROBOT_FILES, ids=lambda p: p.stem)
def test_a_robot_answering_our_acknowledgement_gets_no_mail(services: Services, path: Path) -> None:
    """The robot answers the acknowledgement of a case opened by its own address (or, for
    daemons and no-reply senders, which never open a case, by our customer's)."""
    mailbox, sender = FakeMailbox(), FakeSender()
    robot = parse(RawMail(1, path.read_bytes())).sender or CUSTOMER
    ack = open_case(services, mailbox, sender, robot)
    customer = robot if ack else CUSTOMER
    if not ack:
        ack = open_case(services, mailbox, sender, CUSTOMER)
    before = len(sender.sent)
    mailbox.add(threaded(path.read_bytes(), ack))
    report = poll_once(services, mailbox, sender)
    new = sender.sent[before:]
    assert all(m.to == STAFF and m.template == "staff_bounce" for m in new), describe(report)
    assert not [m for m in new if m.to in (robot, customer)]
    assert len(services.store.all_cases()) == 1


@pytest.mark.parametrize("path", OUR_ACK_BOUNCES, ids=lambda p: p.stem)
def test_a_bounce_of_our_acknowledgement_is_recorded_and_staff_are_told(
    services: Services, path: Path
) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    ack = open_case(services, mailbox, sender, f"Anna Kowalska <{CUSTOMER}>")
    (case,) = services.store.all_cases()
    before = len(sender.sent)
    mailbox.add(path.read_bytes().replace(PLACEHOLDER.encode(), ack.encode()))
    report = poll_once(services, mailbox, sender)
    assert [o.action for o in report.outcomes] == ["record_bounce"], describe(report)
    (notice,) = sender.sent[before:]
    assert (notice.to, notice.template) == (STAFF, "staff_bounce")
    assert CUSTOMER in notice.subject and f"[#{case.id}]" in notice.subject
    types = [event["type"] for event in services.store.events(case.id)]
    assert types.count("bounce") == 1
    assert services.store.get(case.id).status is case.status
    assert len(sender.to(CUSTOMER)) == 1  # the acknowledgement, nothing after


DELAY_FILES = ["postfix-delay-dsn.eml", "sendmail-delay-warning.eml"]


@pytest.mark.parametrize("path", ROBOT_FILES, ids=lambda p: p.stem)
def test_delay_notices_are_told_from_bounces(path: Path) -> None:
    mail = parse(RawMail(1, path.read_bytes()))
    assert delivery_delayed(mail) is (path.name in DELAY_FILES)


@pytest.mark.parametrize("name", DELAY_FILES)
def test_a_delay_notice_of_our_mail_does_not_alarm_staff(services: Services, name: str) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    ack = open_case(services, mailbox, sender, CUSTOMER)
    before = len(sender.sent)
    data = (ROBOTS / name).read_bytes()
    mailbox.add(re.sub(rb"<iw\.R2611-[^>]+>", ack.encode(), data))
    poll_once(services, mailbox, sender)
    assert sender.sent[before:] == []


def test_a_bouncing_staff_mailbox_does_not_start_a_loop(services: Services, clock: Clock) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    open_case(services, mailbox, sender, CUSTOMER)
    dsn = (ROBOTS / "postfix-dsn-of-our-ack.eml").read_bytes()
    seen = 0
    for round_ in range(10):  # the staff mailbox is full: every mail to it comes back
        for mail in sender.sent[seen:]:
            if mail.to == STAFF:
                bounce = dsn.replace(PLACEHOLDER.encode(), mail.message_id.encode())
                bounce = bounce.replace(CUSTOMER.encode(), STAFF.encode())
                mailbox.add(bounce.replace(b"4Fq5A70c8Vz9sWs", f"Q{round_}".encode()))
        seen = len(sender.sent)
        poll_once(services, mailbox, sender)
        clock.advance(minutes=5)
    assert len([m for m in sender.sent if m.template == "staff_bounce"]) <= 1
    assert sender.to(CUSTOMER)[1:] == []


def test_a_bounce_of_a_mail_we_never_sent_is_only_recorded(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    open_case(services, mailbox, sender, CUSTOMER)
    before = len(sender.sent)
    mailbox.add((ROBOTS / "postfix-dsn-of-our-ack.eml").read_bytes())  # unknown Message-ID
    report = poll_once(services, mailbox, sender)
    assert [o.action for o in report.outcomes] == ["ignore"]
    assert sender.sent[before:] == []


def _need(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (the shared test mail lives beside the checkout)")


def test_no_reply_to_any_robot_of_the_shared_mime_set(services: Services) -> None:
    _need(MIME)
    entries = [json.loads(line) for line in (MIME / "MANIFEST.jsonl").read_text().splitlines()]
    robots = [entry for entry in entries if entry["is_auto"] is True]
    mailbox, sender = FakeMailbox(), FakeSender()
    files = {mailbox.add((MIME / entry["file"]).read_bytes()): entry["file"] for entry in robots}
    report = poll_once(services, mailbox, sender)
    answered = {files[o.uid]: o.action for o in report.outcomes if o.action not in ("ignore",)}
    print(f"{len(robots)} robot mails of the shared set, {len(sender.sent)} replies")
    assert sender.sent == [], answered
    assert services.store.all_cases() == [], answered


# --- out-of-office and autoresponder texts without any machine header --------------------

HEADERLESS_ROBOT_TEXTS = [
    "Dzień dobry, jestem na urlopie do 30.11, w pilnych sprawach proszę o kontakt z biurem.",
    "Dzień dobry,\n\nuprzejmie informuję, że do dnia 27.11.2026 przebywam na urlopie. "
    "W sprawach pilnych proszę o kontakt z p. Anną Kruk.",
    "Informuję, że w dniach 16-20.11 jestem na zwolnieniu lekarskim. Sprawy pilne: "
    "biuro@firma.example",
    "Do 25 listopada przebywam na zwolnieniu lekarskim. Odpowiem po powrocie.",
    "Witam, do 30.11 jestem poza biurem z ograniczonym dostępem do poczty.",
    "W dniach 16-20.11.2026 będę nieobecna w pracy. Wiadomości nie są przekazywane.",
    "Dziękuję za e-mail. Do 1 grudnia nie mam dostępu do poczty.",
    "Wiadomość zostanie odczytana po moim powrocie, 30.11.2026.",
    "Od 16.11 do 20.11 przebywam w delegacji, odpowiem po powrocie.",
    "Informujemy, że biuro jest nieczynne do 2 stycznia 2027. Zamówienia realizujemy od "
    "3 stycznia.",
    "Jestem na L4 do 20.11. W pilnych sprawach: 600 100 200.",
    "Dzień dobry, dziękuję za wiadomość. Do 23.11 nie będę odbierać poczty, po powrocie odpowiem.",
    "Dzień dobry,\ndo dnia 30 listopada przebywam poza firmą. W sprawach niecierpiących "
    "zwłoki proszę o kontakt telefoniczny.",
    "Dzień dobry, dziękujemy za kontakt. Otrzymaliśmy Państwa wiadomość i odpowiemy w ciągu "
    "24 godzin.",
    "Dziękujemy za wiadomość! Odpowiemy najszybciej jak to możliwe, zwykle w ciągu jednego "
    "dnia roboczego.",
    "Thank you for your email. I'm out of office until Monday 30th November and won't be "
    "checking emails.",
    "Hello,\n\nI\u2019m currently out of the office and will return on 24 November. For "
    "urgent matters contact sales@firma.example.",
    "I am away from the office until 23 November with no access to email.",
    "Hi, I'm currently on annual leave and will be back on 30 November.",
    "I am on parental leave until March 2027. Please contact my colleague Tom.",
    "I am currently on sick leave. Your email will not be forwarded.",
    "Please note I\u2019m away on holiday until 30/11 with limited email access.",
    "I'm OOO until Dec 1st. For anything urgent please reach out to ops@firma.example.",
    "I am no longer with Contoso. Please direct your enquiries to info@contoso.example.",
    "Thanks for reaching out! We received your message and will get back to you within 24 hours.",
    "Your email has been received and a member of our team will be in touch.",
    "I will be out of office from 16 to 20 November, with no access to my mailbox.",
]
PEOPLE_TEXTS = [
    "Dzień dobry, jestem na zwolnieniu lekarskim do 20.11 i nie mogę odebrać paczki z "
    "zamówienia 482913. Proszę o przedłużenie terminu odbioru.",
    "Dzień dobry, przebywam w delegacji, po powrocie odeślę czajnik z zamówienia 482913.",
    "I'm travelling next week. The kettle from order 482913 leaks, I'd like a refund.",
    "Thank you, we received your message. But the refund for order 482913 has not arrived.",
    "Dziękujemy za kontakt. Niestety czajnik z zamówienia 482913 nadal przecieka.",
    "Thanks for reaching out. The replacement for order 482913 arrived broken again.",
    "I am on maternity leave so please call my husband about order 482913, the pram broke.",
    "Dzień dobry, obecnie jestem poza firmą, ale proszę o informację, czy reklamacja "
    "zamówienia 482913 została uznana.",
]


@pytest.mark.parametrize("text", HEADERLESS_ROBOT_TEXTS, ids=lambda t: t[:40])
def test_a_headerless_autoresponder_text_gets_no_mail(services: Services, text: str) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(
        make_mail(sender="Jan Biuro <jan@firma.example>", subject="Re: Zamówienie", body=text)
    )
    report = poll_once(services, mailbox, sender)
    assert sender.sent == [], describe(report)


@pytest.mark.parametrize("text", PEOPLE_TEXTS, ids=lambda t: t[:40])
def test_a_person_mentioning_leave_or_thanks_still_gets_an_answer(
    services: Services, text: str
) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(sender="Jan Biuro <jan@firma.example>", subject="Reklamacja", body=text))
    report = poll_once(services, mailbox, sender)
    assert [m.template for m in sender.to("jan@firma.example")] == ["ack_new_case"], describe(
        report
    )


# --- ping-pong with an autoresponder that answers everything ---------------------------------

BOT = "biuro@hurtownia-echo.example"
RECEIPTS = (
    "Thank you, we received your message.",
    "Dziękujemy, wiadomość dotarła.",
    "Thanks! Got it.",
    "Otrzymaliśmy e-mail, dziękujemy.",
    "OK, noted.",
)
STATUS_QUESTIONS = (
    "Dzień dobry, jaki jest status mojej reklamacji?",
    "Dzień dobry, na jakim etapie jest moja reklamacja?",
    "Czy są już jakieś informacje w sprawie mojej reklamacji?",
    "Dzień dobry, co z moją reklamacją?",
    "Proszę o informację, na jakim etapie jest zgłoszenie.",
)


def bot_reply(subject: str, message_id: str, round_: int, personality: str) -> bytes:
    """The autoresponder's answer to our mail ``message_id``: no machine header at all."""
    if personality == "status":
        text = STATUS_QUESTIONS[round_ % len(STATUS_QUESTIONS)]
    else:
        text = f"{RECEIPTS[round_ % len(RECEIPTS)]} (ref {round_:03d})"
    threading = personality != "unthreaded"
    token = message_id.split(".")[-2]
    return make_mail(
        sender=f"Hurtownia Echo <{BOT}>",
        subject=f"Re: {subject}" if threading else "Dziekujemy",
        body=text,
        message_id=f"<echo.{round_}.{token}@hurtownia-echo.example>",
        in_reply_to=message_id if threading else None,
    )


def assert_within_caps(times: list[datetime], services: Services) -> None:
    limits = services.config.limits
    assert 1 <= len(times) <= limits.max_mails_per_recipient_day
    for at in times:
        in_hour = [t for t in times if at - timedelta(hours=1) < t <= at]
        assert len(in_hour) <= limits.max_mails_per_recipient_hour


@pytest.mark.parametrize("personality", ["receipt", "status", "unthreaded", "persistent"])
def test_ping_pong_with_an_autoresponder_ends_within_the_caps(
    services: Services, clock: Clock, personality: str
) -> None:
    """Everything we send the bot comes back as a new mail at the next poll. ``receipt``
    thanks us (we answer nothing: the mail joins the case), ``status`` asks for the status
    each time (each gets a status reply), ``unthreaded`` drops the threading so each answer
    opens a new case, and ``persistent`` also asks again every poll, answered or not."""
    mailbox, sender = FakeMailbox(), TimedSender(clock=clock)
    mailbox.add(make_mail(sender=BOT, body=COMPLAINT, message_id="<first@hurtownia-echo.example>"))
    rounds, seen, busy_rounds, last = 50, 0, [], None
    for round_ in range(rounds):
        poll_once(services, mailbox, sender)
        answers = [m for m in sender.sent[seen:] if m.to == BOT]
        last = answers[-1] if answers else last
        if personality == "persistent" and last is not None:
            mailbox.add(bot_reply(last.subject, last.message_id, round_, "status"))
        for ours in answers if personality != "persistent" else ():
            mailbox.add(bot_reply(ours.subject, ours.message_id, round_, personality))
        if answers:
            busy_rounds.append(round_)
        seen = len(sender.sent)
        clock.advance(minutes=7)
    poll_once(services, mailbox, sender)
    to_bot = [t for m, t in zip(sender.sent, sender.times, strict=True) if m.to == BOT]
    print(
        f"ping-pong ({personality}): {len(to_bot)} mails to the autoresponder in {rounds} "
        f"rounds of 7 minutes; last in round {busy_rounds[-1] if busy_rounds else '-'}; "
        f"{len(sender.to(STAFF))} notices to staff"
    )
    assert_within_caps(to_bot, services)
    assert busy_rounds[-1] < rounds - 10  # it ended, well before the end
    assert not mailbox.mails  # every answer was processed


class Autoresponder:
    """An SMTP server whose handler answers every mail to ``BOT`` at once, by appending a
    plain reply to the shop's INBOX on the IMAP server (as a real autoresponder would)."""

    def __init__(self, account: ImapAccount, clock: Clock, personality: str) -> None:
        self.account, self.clock, self.personality = account, clock, personality
        self.to_bot: list[datetime] = []
        self.to_staff = 0
        self.controller = Controller(self, hostname=HOST, port=free_port())

    async def handle_DATA(self, server: object, session: object, envelope: Envelope) -> str:
        message = message_from_bytes(envelope.original_content or b"", policy=policy.default)
        recipients = [address.lower() for address in envelope.rcpt_tos]
        self.to_staff += STAFF in recipients
        if BOT in recipients:
            self.to_bot.append(self.clock.now)
            answer = bot_reply(
                str(message["Subject"]),
                str(message["Message-ID"]),
                len(self.to_bot),
                self.personality,
            )
            self.account.seed([answer])
        return "250 2.0.0 Ok"


@pytest.mark.parametrize("personality", ["status", "unthreaded"])
def test_ping_pong_on_real_servers_ends_within_the_caps(
    tmp_path: Path, imap_server: ImapAccount, clock: Clock, personality: str
) -> None:
    bot = Autoresponder(imap_server, clock, personality)
    bot.controller.start()
    try:
        config = make_config(
            tmp_path,
            imap={
                "host": imap_server.host,
                "port": imap_server.port,
                "security": "none",
                "username": imap_server.username,
                "password": imap_server.password,
            },
            smtp={"host": HOST, "port": bot.controller.port, "security": "none", "username": ""},
        )
        imap_server.seed([make_mail(sender=BOT, body=COMPLAINT, message_id="<first@echo.example>")])
        rounds = 20
        with app.opened(config, clock=clock) as running:
            for _ in range(rounds):
                running.poll()
                clock.advance(minutes=7)
            with running.mailbox() as mailbox:
                waiting, _ = mailbox.waiting()
            print(
                f"ping-pong on {imap_server.server} ({personality}): {len(bot.to_bot)} mails to "
                f"the autoresponder in {rounds} polls, {bot.to_staff} to staff, "
                f"{len(running.services.store.all_cases())} cases"
            )
            assert_within_caps(bot.to_bot, running.services)
            assert waiting == 0  # every answer of the bot was processed
    finally:
        bot.controller.stop()
        imap_server.close()

"""Tests of the robot screen: each rule class, false-positive guards, and the shared mail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inbox_worker.errors import RulesError
from inbox_worker.models import Kind, ParsedMail, RawMail
from inbox_worker.parse import parse
from inbox_worker.screen import BUILTINS, ScreeningRules, bounced_message_ids, load_rules, screen
from tests.support import make_mail

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "mails"
MIME = SHARED / "mime"
OWN = ("reklamacje@sklep.example",)
ROBOT_KINDS = {"auto_reply", "bounce", "bulk"}


@pytest.fixture(scope="module")
def rules() -> ScreeningRules:
    return load_rules(RULES_DIR)


def mail(
    headers: str, body: str = "Dzień dobry,\nczajnik przecieka.\nJan Kowalski\n"
) -> ParsedMail:
    head = "From: Jan Kowalski <jan.kowalski@wp.example>\nTo: reklamacje@sklep.example\n"
    return parse(RawMail(1, (head + headers.strip() + "\n\n" + body).encode()))


def verdict(rules: ScreeningRules, parsed: ParsedMail) -> tuple[Kind | None, str]:
    result = screen(parsed, rules, OWN)
    return result.kind, result.rule


# --- people ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        ("Subject: Reklamacja czajnika", "Dzień dobry,\nczajnik przecieka.\n"),
        ("Subject: Re: [#12] Reklamacja przyjęta", "Nadal czekam.\n\n> Automatyczna odpowiedź\n"),
        (
            "Subject: Re: Brak zwrotu",
            "Dzien dobry, czy juz wiadomo cos w sprawie zwrotu? Pisalem 2 grudnia, "
            "dostalem tylko automatyczna odpowiedz.\n",
        ),
        (
            "Subject: Zepsuty czajnik",
            "Dzień dobry, czajnik z zamówienia 482913 przyszedł pęknięty. Jestem na urlopie "
            "do 10.01, proszę o kontakt po tym terminie.\n",
        ),
        ("Subject: Undelivered parcel 482913", "My parcel never arrived.\n"),
        ("Subject: Nie można dostarczyć paczki", "Kurier twierdzi, że nie można dostarczyć.\n"),
        ("Subject: Delivery failed again", "The courier says delivery failed twice.\n"),
        ("Subject: Out of stock?", "Is the kettle out of stock?\n"),
        ("Subject: AW: OTRS [Ticket#118192]", "Danke, bitte schicken Sie das Gerät.\n"),
        ("Subject: Rezygnacja z newslettera", "Proszę wypisać mnie z newslettera.\n"),
        ("Subject: Newsletter", "I want to unsubscribe, I clicked the link twice.\n"),
        ("Subject: Delivery", "Our office is closed on Mondays, please deliver on Tuesday.\n"),
        (
            "Subject: Fwd: Undelivered Mail Returned to Sender",
            "Dostałem taki zwrot, gdy pisałem do Was.\n\n---------- Forwarded message ---------\n"
            "From: MAILER-DAEMON\n\nThis is the mail system at host mx.example.\n",
        ),
    ],
)
def test_people_are_not_robots(rules: ScreeningRules, headers: str, body: str) -> None:
    assert verdict(rules, mail(headers, body)) == (None, "")


def test_staff_mail_with_a_message_id_of_our_domain_is_a_person(rules: ScreeningRules) -> None:
    parsed = parse(
        RawMail(
            1,
            b"From: Anna Nowak <anna.nowak@sklep.example>\nTo: reklamacje@sklep.example\n"
            b"Subject: Re: [#12] x\nMessage-ID: <abc@sklep.example>\n\n#status accepted\n",
        )
    )
    assert verdict(rules, parsed) == (None, "")


# --- bounces ---------------------------------------------------------------------------------

POSTFIX_DSN = """Return-Path: <>
From: MAILER-DAEMON@mx1.sklep.example (Mail Delivery System)
To: reklamacje@sklep.example
Subject: Undelivered Mail Returned to Sender
Message-ID: <20261127.ABC@mx1.sklep.example>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

This is the mail system at host mx1.sklep.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.
--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx1.sklep.example

Final-Recipient: rfc822; k.lewandowska@wp.example
Action: failed
Status: 5.1.1
--B
Content-Type: message/rfc822

From: reklamacje@sklep.example
To: k.lewandowska@wp.example
Subject: [#31] Przyjęliśmy reklamację
Message-ID: <iw.31.ack.0a1b@sklep.example>

Dzień dobry
--B--
"""


def test_postfix_dsn(rules: ScreeningRules) -> None:
    parsed = parse(RawMail(1, POSTFIX_DSN.encode()))
    assert verdict(rules, parsed) == (Kind.BOUNCE, "delivery-status-report")
    assert bounced_message_ids(parsed) == ("<iw.31.ack.0a1b@sklep.example>",)


def test_exchange_ndr_with_returned_headers(rules: ScreeningRules) -> None:
    raw = (
        "Return-Path: <>\nFrom: Microsoft Outlook <postmaster@outlook.example>\n"
        "Subject: Niedostarczalne: Reklamacja\nContent-Type: multipart/report; "
        'report-type="delivery-status"; boundary=B\n\n--B\nContent-Type: text/plain\n\n'
        "Dostarczenie do tych adresatów lub grup nie powiodło się:\n--B\n"
        "Content-Type: text/rfc822-headers\n\nFrom: reklamacje@sklep.example\n"
        "Message-ID: <iw.7.ack.ff@sklep.example>\n--B--\n"
    )
    parsed = parse(RawMail(1, raw.encode()))
    assert verdict(rules, parsed)[0] is Kind.BOUNCE
    assert bounced_message_ids(parsed) == ("<iw.7.ack.ff@sklep.example>",)


@pytest.mark.parametrize(
    ("headers", "body", "rule"),
    [
        (  # Exim, identified by its subject even without a daemon sender
            "Subject: Mail delivery failed: returning message to sender",
            "This message was created automatically by mail delivery software.\n",
            "bounce-subject",
        ),
        (  # qmail, identified by its opening words alone
            "Subject: failure notice",
            "Hi. This is the qmail-send program at mail.example.\n"
            "I'm afraid I wasn't able to deliver your message.\n",
            "bounce-text",
        ),
        (  # Gmail
            "Subject: Delivery Status Notification (Failure)",
            "** Address not found **\nYour message wasn't delivered to x@y.example\n",
            "bounce-subject",
        ),
        (  # Exim names the failed recipients
            "Subject: Re: x\nX-Failed-Recipients: x@y.example",
            "Delivery failed.\n",
            "failed-recipients-header",
        ),
        ("Subject: Zwrot poczty", "Wiadomość nie mogła zostać dostarczona.\n", "bounce-subject"),
        (  # a delay DSN
            "Subject: Delayed Mail (still being retried)",
            "This is a warning message only.\n",
            "bounce-subject",
        ),
        ("Subject: x\nSender: MAILER-DAEMON@mx.example", "x\n", "mailer-daemon-sender"),
        (
            "Return-Path: <>\nSubject: failure notice",
            "Sorry, we were unable to deliver your message.\n",
            "bounce-subject-ambiguous",
        ),
    ],
)
def test_bounce_classes(rules: ScreeningRules, headers: str, body: str, rule: str) -> None:
    assert verdict(rules, mail(headers, body)) == (Kind.BOUNCE, rule)


def test_postmaster_needs_more_than_its_name(rules: ScreeningRules) -> None:
    person = parse(RawMail(1, b"From: Bob <postmaster@example.com>\nSubject: link\n\nSee this.\n"))
    assert verdict(rules, person) == (None, "")
    robot = parse(
        RawMail(1, b"From: postmaster@example.com\nReturn-Path: <>\nSubject: x\n\nHello.\n")
    )
    assert verdict(rules, robot) == (Kind.BOUNCE, "postmaster-sender")


def test_bounced_ids_from_an_inline_copy(rules: ScreeningRules) -> None:
    parsed = mail(
        "Subject: failure notice\nMessage-ID: <own@mx.example>",
        "Hi. This is the qmail-send program at mx.example.\n\n--- Below this line is a copy "
        "of the message.\n\nMessage-ID: <iw.9.status.aa@sklep.example>\nSubject: x\n",
    )
    assert bounced_message_ids(parsed) == ("<iw.9.status.aa@sklep.example>",)


# --- auto-replies ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "body", "rule"),
    [
        ("Subject: Urlop\nAuto-Submitted: auto-replied", "x\n", "auto-submitted-replied"),
        (  # Zimbra
            "Subject: Re: Reklamacja\nAuto-Submitted: auto-replied (zimbra; vacation)",
            "Jestem na urlopie.\n",
            "auto-submitted-replied",
        ),
        (  # Gmail vacation responder: the owner's own subject, RFC 3834 header
            "Subject: Wakacje\nAuto-Submitted: auto-replied\nPrecedence: bulk",
            "Odpowiem po 5 stycznia.\n",
            "auto-submitted-replied",
        ),
        ("Subject: Re: x\nX-Autoreply: yes", "x\n", "autoreply-header"),
        ("Subject: Re: x\nX-Autorespond: on", "x\n", "autoreply-header"),
        ("Subject: Re: x\nPrecedence: auto_reply", "x\n", "precedence-auto-reply"),
        ("Subject: Re: x\nX-Autogenerated: Reply", "x\n", "autogenerated-reply"),
        (  # Exchange out-of-office without a telling subject
            "Subject: Re: x\nX-Auto-Response-Suppress: All",
            "x\n",
            "auto-response-suppress",
        ),
        (
            "Subject: Automatyczna odpowiedź: Reklamacja",
            "Jestem poza biurem.\n",
            "auto-reply-subject",
        ),
        ("Subject: Autoodpowiedz: Re: zwrot", "Wracam 7.01.\n", "auto-reply-subject"),
        ("Subject: Nieobecność: Re: Brakujące ręczniki", "x\n", "auto-reply-subject"),
        ("Subject: Out of Office: RE: Refund", "x\n", "auto-reply-subject"),
        ("Subject: [EXTERNAL] Automatic reply: Refund", "x\n", "auto-reply-subject"),
        ("Subject: Re: blah (Automatic Response)", "x\n", "auto-reply-subject-marker"),
        ("Subject: Read: Reklamacja", "Your message was read.\n", "auto-reply-subject"),
        (  # Polish out-of-office with no machine header at all
            "Subject: Re: Reklamacja",
            "Dzień dobry,\n\nprzebywam na urlopie do 7 stycznia, pocztę sprawdzam rzadko.\n"
            "Beata Sikora\n",
            "out-of-office-text",
        ),
        (  # the same without diacritics
            "Subject: RE: Zamowienie",
            "Dzien dobry, jestem poza biurem do poniedzialku.\n",
            "out-of-office-text",
        ),
        (
            "Subject: RE: Order 516349",
            "This is an automatic reply: I'm away until 11 January.\nCiarán\n",
            "out-of-office-text",
        ),
        (
            "Subject: RE: Faulty dryer",
            "Hi, thanks for your message. I'm travelling with patchy access to email.\n",
            "out-of-office-text",
        ),
        (
            "Subject: [FK-Ticket#20488] Re: Reklamacja",
            "Dzień dobry,\ndziękujemy za wiadomość. Twoje zgłoszenie zostało zarejestrowane.\n",
            "ticket-acknowledgement",
        ),
        (
            "Subject: Re: Complaint",
            "Thank you for contacting ACME. We have received your request and a ticket #4711 "
            "has been opened.\n",
            "ticket-acknowledgement",
        ),
    ],
)
def test_auto_reply_classes(rules: ScreeningRules, headers: str, body: str, rule: str) -> None:
    assert verdict(rules, mail(headers, body)) == (Kind.AUTO_REPLY, rule)


def test_null_return_path_alone_is_an_auto_reply(rules: ScreeningRules) -> None:
    assert verdict(rules, mail("Return-Path: <>\nSubject: Re: x", "Thanks.\n")) == (
        Kind.AUTO_REPLY,
        "null-return-path",
    )


def test_read_receipt(rules: ScreeningRules) -> None:
    parsed = mail(
        "Subject: Disposition notification\nContent-Type: multipart/report; "
        "report-type=disposition-notification; boundary=B",
        "--B\nContent-Type: text/plain\n\nThe message was displayed.\n--B\n"
        "Content-Type: message/disposition-notification\n\nDisposition: manual-action/"
        "MDN-sent-manually; displayed\n--B--\n",
    )
    assert verdict(rules, parsed) == (Kind.AUTO_REPLY, "disposition-notification")


@pytest.mark.parametrize(
    "headers",
    [
        "From: reklamacje@sklep.example\nSubject: [#3] Przyjęliśmy reklamację",
        "From: Jan <jan@wp.example>\nSubject: x\nMessage-ID: <iw.3.ack.12@sklep.example>",
        "From: Jan <jan@wp.example>\nSubject: x\nX-Loop: reklamacje@sklep.example",
    ],
)
def test_own_mail(rules: ScreeningRules, headers: str) -> None:
    parsed = parse(RawMail(1, (headers + "\n\nx\n").encode()))
    assert verdict(rules, parsed) == (Kind.AUTO_REPLY, "own-mail")


# --- bulk ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "body", "rule"),
    [
        ("Subject: Nowości\nList-Id: Newsletter <news.example>", "x\n", "list-headers"),
        ("Subject: Nowości\nList-Unsubscribe: <mailto:u@x.example>", "x\n", "list-headers"),
        ("Subject: x\nPrecedence: bulk", "x\n", "precedence-bulk"),
        ("Subject: x\nPrecedence: junk", "x\n", "precedence-bulk"),
        ("Subject: x\nX-Spam-Flag: YES", "x\n", "spam-flag"),
        ("Subject: Paczka w drodze\nAuto-Submitted: auto-generated", "x\n", "auto-submitted-other"),
        ("Subject: [JIRA] (SYS-1) x\nX-JIRA-FingerPrint: 97", "x\n", "bulk-mailer-header"),
        ("Subject: Faktura\nReply-To: noreply@firma.example", "x\n", "no-reply-sender"),
        (
            "Subject: Promocja",
            "Super ceny!\n\nOtrzymujesz tę wiadomość, ponieważ zapisałeś się. Wypisz się: link\n",
            "newsletter-footer",
        ),
        (
            "Subject: Overdue invoice",
            "Dear Customer, to avoid suspension of your account, pay now.\n",
            "phishing-text",
        ),
    ],
)
def test_bulk_classes(rules: ScreeningRules, headers: str, body: str, rule: str) -> None:
    assert verdict(rules, mail(headers, body)) == (Kind.BULK, rule)


def test_feedback_report(rules: ScreeningRules) -> None:
    parsed = mail(
        "Subject: FW: x\nContent-Type: multipart/report; report-type=feedback-report; boundary=B",
        "--B\nContent-Type: text/plain\n\nabuse report\n--B--\n",
    )
    assert verdict(rules, parsed) == (Kind.BULK, "feedback-report")


def test_quoted_robot_wording_does_not_count(rules: ScreeningRules) -> None:
    parsed = mail(
        "Subject: Re: x",
        "Proszę o zwrot.\n\nW dniu 1.12.2026 o 10:00, Sklep <r@sklep.example> pisze:\n"
        "> To jest automatyczna odpowiedź. Wypisz się z newslettera.\n",
    )
    assert verdict(rules, parsed) == (None, "")


# --- loading ---------------------------------------------------------------------------------


def test_rules_file_has_every_builtin_and_kebab_names(rules: ScreeningRules) -> None:
    names = [name for name, _ in rules.chain]
    assert set(BUILTINS) <= set(names)
    assert all(name == name.lower() and " " not in name for name in names)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[rule]]\nname = 'x'\n", "description"),
        ("[[rule]\n", "invalid TOML"),
        (
            "[[rule]]\nname = 'bad-kind'\ndescription = 'd'\ntype = 'header'\nkind = 'spam'\n"
            "header = 'x'\n",
            "key 'kind'",
        ),
        (
            "\n\n[[rule]]\nname = 'bad-regex'\ndescription = 'd'\ntype = 'phrase'\n"
            "kind = 'bulk'\nwhere = 'text'\npatterns = ['(']\n",
            ":3: rule 'bad-regex': key 'patterns'",
        ),
        (
            "[[rule]]\nname = 'x'\ndescription = 'd'\ntype = 'phrase'\nkind = 'bulk'\n"
            "where = 'text'\nphrases = ['a']\ncolour = 'red'\n",
            "unknown key(s): colour",
        ),
        (
            "[[rule]]\nname = 'x'\ndescription = 'd'\ntype = 'phrase'\nkind = 'bulk'\n"
            "where = 'text'\nphrases = ['a']\n",
            "builtin rule(s) missing",
        ),
    ],
)
def test_bad_rules_name_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "screening.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(tmp_path)
    assert "screening.toml" in str(caught.value)
    assert message in str(caught.value)


# --- shared real-world mail ------------------------------------------------------------------


def _need(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (the shared test mail lives beside the checkout)")


def test_corpus_kinds(rules: ScreeningRules) -> None:
    _need(CORPUS)
    wrong = []
    for line in (CORPUS / "labels.jsonl").read_text().splitlines():
        label = json.loads(line)
        expected = label["kind"] if label["kind"] in ROBOT_KINDS else None
        result = screen(parse(RawMail(1, (CORPUS / label["file"]).read_bytes())), rules, OWN)
        got = result.kind.value if result.kind else None
        if got != expected:
            wrong.append(f"{label['file']}: expected {expected}, got {got} ({result.rule})")
    assert not wrong, "misclassified:\n" + "\n".join(wrong)


def test_mime_robots_are_never_answered(rules: ScreeningRules) -> None:
    _need(MIME)
    missed, false_alarms, robots, people = [], [], 0, 0
    for line in (MIME / "MANIFEST.jsonl").read_text().splitlines():
        entry = json.loads(line)
        if entry["is_auto"] is None:
            continue
        result = screen(parse(RawMail(1, (MIME / entry["file"]).read_bytes())), rules, OWN)
        if entry["is_auto"]:
            robots += 1
            if result.kind is None:
                missed.append(entry["file"])
        else:
            people += 1
            if result.kind is not None:
                false_alarms.append(f"{entry['file']} ({result.rule}: {result.reason})")
    report = (
        f"robots caught {robots - len(missed)}/{robots}, people passed "
        f"{people - len(false_alarms)}/{people}\nmissed: {missed}\nfalse alarms: {false_alarms}"
    )
    print(report)
    assert not missed, report
    assert len(false_alarms) <= people // 20, report


def test_a_customer_quoting_an_unsubscribe_link_is_a_person() -> None:
    rules = load_rules(RULES_DIR)
    text = (
        "Dzień dobry,\ndostaję od Państwa newslettery, choć się nie zapisywałam. Link "
        "„wypisz się” prowadzi do błędu 404. Proszę o usunięcie adresu z listy.\nEwa Nowak"
    )
    mail = parse(
        RawMail(1, make_mail(sender="ewa@poczta.example", subject="Newsletter", body=text))
    )
    assert screen(mail, rules).kind is None

"""Tests of the parse stage: bytes → ParsedMail, including broken mail and quote splitting."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from inbox_worker.errors import MessageError
from inbox_worker.models import RawMail
from inbox_worker.parse import attachment_payloads, parse, split_reply

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "mails"
MIME = SHARED / "mime"
DATA = Path(__file__).parent / "data"


def mail(text: str, encoding: str = "utf-8") -> RawMail:
    return RawMail(uid=1, data=text.encode(encoding))


# --- headers -------------------------------------------------------------------------------


def test_headers_are_decoded_in_order_with_repeats() -> None:
    parsed = parse(
        mail(
            "Received: a\nReceived: b\nFrom: x@y.pl\n"
            "Subject: =?utf-8?q?Za=C5=BC=C3=B3=C5=82=C4=87?=\n\nhi"
        )
    )
    assert parsed.headers[:2] == (("received", "a"), ("received", "b"))
    assert parsed.header_all("received") == ("a", "b")
    assert parsed.subject == "Zażółć"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Re: Potwierdzenie =?UTF-8?Q?zam=C3=B3wienia?= 526194",
            "Re: Potwierdzenie zamówienia 526194",
        ),
        ("=?iso-8859-2?Q?Reklamacja_=B1=E6?=", "Reklamacja ąć"),
        ("=?windows-1250?B?UmVrbGFtYWNqYSC5?=", "Reklamacja ą"),
        ("=?utf-8?B?xYE=?= =?utf-8?B?w7Nk?=", "Łód"),
        ("=?utf-8?B?xQ==?==?utf-8?B?gQ==?=", "Ł"),  # one character split across two words
        ("=?x-unknown?Q?zam=C3=B3wienie?=", "zamówienie"),
        ("=?us-ascii?Q?ABC / 123?=", "ABC / 123"),  # spaces inside the word
        ("=?iso-8859-8-i?B?7vLw5A==?=", "מענה"),
    ],
)
def test_subject_decoding(raw: str, expected: str) -> None:
    assert parse(mail(f"From: a@b.pl\nSubject: {raw}\n\nx")).subject == expected


def test_raw_8bit_headers_use_the_body_charset() -> None:
    text = (
        "From: Łukasz Żółć <L@X.PL>\nSubject: Zażółć gęślą\n"
        "Content-Type: text/plain; charset=iso-8859-2\n\nTreść"
    )
    parsed = parse(mail(text, "iso-8859-2"))
    assert (parsed.subject, parsed.sender_name, parsed.sender) == (
        "Zażółć gęślą",
        "Łukasz Żółć",
        "l@x.pl",
    )
    assert parsed.text == "Treść"


def test_addresses() -> None:
    parsed = parse(
        mail(
            "From: =?utf-8?q?Nowak=2C_Anna?= <Anna.Nowak@WP.example>\n"
            'To: a@b.pl, "X, Y" <C@D.pl>\nCc: e@f.pl\nReply-To: r@s.pl\n'
            "Return-Path: <Bounce@S.pl>\n\nx"
        )
    )
    assert (parsed.sender, parsed.sender_name) == ("anna.nowak@wp.example", "Nowak, Anna")
    assert parsed.to == ("a@b.pl", "c@d.pl")
    assert (parsed.cc, parsed.reply_to, parsed.return_path) == (
        ("e@f.pl",),
        "r@s.pl",
        "bounce@s.pl",
    )


def test_return_path_null_and_absent() -> None:
    assert parse(mail("From: a@b.pl\nReturn-Path: <>\n\nx")).return_path == ""
    assert parse(mail("From: a@b.pl\n\nx")).return_path is None


def test_date_keeps_the_sender_offset() -> None:
    parsed = parse(mail("From: a@b.pl\nDate: Mon, 21 Dec 2026 18:04:12 +0100\n\nx"))
    assert parsed.date is not None
    assert (parsed.date.hour, parsed.date.utcoffset()) == (18, timedelta(hours=1))


def test_bad_date_is_none_or_recovered_with_defect() -> None:
    parsed = parse(mail("From: a@b.pl\nDate: someday soon\n\nx"))
    assert parsed.date is None
    assert "UnparsableDate" in parsed.defects


def test_message_ids() -> None:
    parsed = parse(
        mail(
            "From: a@b.pl\nMessage-ID:  <abc@host.pl> \nIn-Reply-To: <x@y> (comment)\n"
            "References: <r1@y>\n <r2@y> <x@y>\n\nx"
        )
    )
    assert parsed.message_id == "<abc@host.pl>"
    assert parsed.in_reply_to == "<x@y>"
    assert parsed.references == ("<r1@y>", "<r2@y>", "<x@y>")
    assert parse(mail("From: a@b.pl\nMessage-ID: abc@host.pl\n\nx")).message_id == "<abc@host.pl>"


def test_missing_message_id_is_stable() -> None:
    raw = mail("From: a@b.pl\n\nx")
    first, second = parse(raw), parse(raw)
    assert first.message_id == second.message_id
    assert first.message_id.endswith("@missing.invalid>")
    assert "MissingMessageId" in first.defects
    assert parse(mail("From: a@b.pl\n\ny")).message_id != first.message_id


# --- bodies --------------------------------------------------------------------------------

ALTERNATIVE = """From: a@b.pl
Subject: x
Content-Type: multipart/alternative; boundary=B

--B
Content-Type: text/plain; charset=iso-8859-2
Content-Transfer-Encoding: quoted-printable

Zam=F3wienie 482913
--B
Content-Type: text/html; charset=utf-8

<p>HTML version</p>
--B--
"""


def test_alternative_prefers_plain_text() -> None:
    parsed = parse(mail(ALTERNATIVE))
    assert (parsed.text, parsed.html_only, parsed.content_type) == (
        "Zamówienie 482913",
        False,
        "multipart/alternative",
    )


def test_html_only_is_converted_with_entities() -> None:
    parsed = parse(
        mail(
            "From: a@b.pl\nContent-Type: text/html; charset=utf-8\n\n"
            "<html><head><style>p {color: red}</style></head><body>"
            "<p>Zam&#243;wienie nr 510&nbsp;770, cz&#281;&#347;&#263;</p>"
            "<p>1. pierwszy</p><p>- drugi</p></body></html>"
        )
    )
    assert parsed.html_only
    assert "Zamówienie nr 510\xa0770, część" in parsed.text
    assert "1. pierwszy" in parsed.text and "- drugi" in parsed.text
    assert "color" not in parsed.text


def test_format_flowed_is_joined() -> None:
    parsed = parse(
        mail(
            "From: a@b.pl\nContent-Type: text/plain; charset=utf-8; format=flowed\n\n"
            "zamowilem garnki (zam \n513706), a przyszly czerwone.\n-- \nPawel\n"
        )
    )
    assert "(zam 513706), a przyszly czerwone." in parsed.text
    assert "-- \nPawel" in parsed.text


def test_unknown_charset_does_not_crash() -> None:
    parsed = parse(
        RawMail(
            1, b"From: a@b.pl\nContent-Type: text/plain; charset=x-nonsense\n\nZam\xc3\xb3wienie"
        )
    )
    assert parsed.text == "Zamówienie"


def test_wrong_charset_falls_back() -> None:
    raw = "From: a@b.pl\nContent-Type: text/plain; charset=us-ascii\n\nŻółw".encode()
    parsed = parse(RawMail(1, raw))
    assert parsed.text == "Żółw"
    assert "CharsetDecodeDefect" in parsed.defects


ATTACHED = """From: a@b.pl
Subject: x
Content-Type: multipart/mixed; boundary=B

--B
Content-Type: text/plain; charset=utf-8

Moja wiadomosc
--B
Content-Type: image/jpeg
Content-Disposition: attachment; filename*=utf-8''zdj%C4%99cie%201.jpg
Content-Transfer-Encoding: base64

/9j/4AAQSkZJRg==
--B
Content-Type: application/pdf
Content-Transfer-Encoding: base64

JVBERi0=
--B
Content-Type: message/rfc822
Content-Disposition: attachment; filename="mail.eml"

From: Sklep <zwroty@sklep.example>
Subject: =?utf-8?q?Zwrot_przyj=C4=99ty?=
Message-ID: <orig@sklep.example>
Date: Fri, 27 Nov 2026 12:20:00 +0100
Content-Type: text/plain; charset=utf-8

Zwrot do zamowienia 503719 przyjety.
--B--
"""


def test_attachments_and_enclosed_messages() -> None:
    parsed = parse(mail(ATTACHED))
    assert parsed.text == "Moja wiadomosc"
    names = [(a.filename, a.content_type, a.size) for a in parsed.attachments]
    assert names[:2] == [("zdjęcie 1.jpg", "image/jpeg", 10), ("", "application/pdf", 5)]
    assert names[2][:2] == ("mail.eml", "message/rfc822")
    assert "Subject: Zwrot przyjęty" in parsed.enclosed_text
    assert "Message-Id: <orig@sklep.example>" in parsed.enclosed_text
    assert "503719" in parsed.enclosed_text and "503719" not in parsed.text


def test_attachment_payloads_are_bytes() -> None:
    payloads = list(attachment_payloads(mail(ATTACHED)))
    assert payloads[0][1].startswith(b"\xff\xd8\xff")
    assert payloads[1][1] == b"%PDF-"
    assert [a for a, _ in payloads] == list(parse(mail(ATTACHED)).attachments)


def test_rfc822_headers_part_goes_to_enclosed_text() -> None:
    raw = (
        "From: MAILER-DAEMON@mx.example\nContent-Type: multipart/report; "
        "report-type=delivery-status; boundary=B\n\n--B\nContent-Type: text/plain\n\nFailed.\n"
        "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n\n"
        "Final-Recipient: rfc822; x@y.pl\nAction: failed\nStatus: 5.1.1\n"
        "--B\nContent-Type: text/rfc822-headers\n\nFrom: reklamacje@sklep.example\n"
        "Message-ID: <case-1@sklep.example>\n"
        "Subject: [#12] =?utf-8?q?Przyj=C4=99li=C5=9Bmy?=\n--B--\n"
    )
    parsed = parse(mail(raw))
    assert parsed.content_type == "multipart/report"
    assert "Status: 5.1.1" in parsed.enclosed_text
    assert "Message-ID: <case-1@sklep.example>" in parsed.enclosed_text
    assert "Subject: [#12] Przyjęliśmy" in parsed.enclosed_text


# --- broken mail ---------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \r\n", bytes(range(256)) * 20])
def test_nothing_usable_raises_message_error(data: bytes) -> None:
    with pytest.raises(MessageError):
        parse(RawMail(1, data))


def test_deep_nesting_is_bounded() -> None:
    data = b"From: a@b.pl\nContent-Type: multipart/mixed; boundary=b0\n\n"
    for level in range(2000):
        data += b"--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n" % (level, level + 1)
    parsed = parse(RawMail(1, data + b"--b2000\nContent-Type: text/plain\n\nhello\n"))
    assert parsed.sender == "a@b.pl"
    assert "NestingTooDeep" in parsed.defects


def test_huge_body_is_capped() -> None:
    line = b"zamowienie 123456 " * 60 + b"\n"
    parsed = parse(RawMail(1, b"From: a@b.pl\n\n" + line * 10_000))
    assert len(parsed.text) == 1_000_000
    assert "TextTruncated" in parsed.defects
    assert parsed.size > 10_000_000


def test_broken_boundary_is_recovered() -> None:
    raw = (
        'From: a@b.pl\nContent-Type: multipart/alternative; boundary="wrong"\n\n'
        "--right\nContent-Type: text/plain\n\nhello there\n--right--\n"
    )
    parsed = parse(mail(raw))
    assert parsed.text.strip() == "hello there"
    assert "RecoveredMultipart" in parsed.defects


def test_missing_from_falls_back_to_sender_header() -> None:
    parsed = parse(mail("Sender: Robot <robot@x.pl>\nSubject: s\n\nx"))
    assert parsed.sender == "robot@x.pl"
    assert "MissingFrom" in parsed.defects


# --- own text and quotes -------------------------------------------------------------------

SPLITS = [
    (
        "gmail-en",
        "Still broken.\n\nOn Mon, 9 Nov 2026 at 14:02, Anna Nowak <anna@sklep.example> wrote:\n"
        "> We have sent a new one.\n",
    ),
    (
        "gmail-pl-wrapped",
        "Nadal nie działa.\n\npon., 9 lis 2026 o 14:02 Anna Nowak <anna@sklep.example>\n"
        "napisał(a):\n\n> Wysłaliśmy nowy.\n",
    ),
    (
        "thunderbird-pl",
        "Nadal nie działa.\n\nW dniu 12.11.2026 o 10:15, Anna Nowak <anna@sklep.example> pisze:\n"
        "> Wysłaliśmy nowy.\n",
    ),
    (
        "apple-pl",
        "Nadal nie działa.\n\nWiadomość napisana przez Sklep Domowy <a@sklep.example> w dniu "
        "14 gru 2026, o godz. 09:00:\n\nWysłaliśmy nowy.\n",
    ),
    ("dnia", "Nadal nie działa.\n\nDnia 12.11.2026 Anna Nowak napisał:\n> Wysłaliśmy nowy.\n"),
    (
        "outlook-pl",
        "Nadal nie działa.\n\n________________________________\n"
        "Od: Anna Nowak <anna@sklep.example>\n"
        "Wysłano: poniedziałek, 9 listopada 2026 14:02\nDo: Jan <jan@wp.example>\n"
        "Temat: RE: Reklamacja\n\nWysłaliśmy nowy.\n",
    ),
    (
        "outlook-en",
        "Still broken.\n\nFrom: Anna Nowak <anna@sklep.example>\nSent: Monday, November 9, 2026\n"
        "To: Jan <jan@wp.example>\nSubject: RE: Complaint\n\nWe have sent a new one.\n",
    ),
    (
        "original-message",
        "Still broken.\n\n-----Original Message-----\nFrom: Anna\n\nWe have sent a new one.\n",
    ),
    (
        "wiadomosc-oryginalna",
        "Nadal nie działa.\n\n-----Wiadomość oryginalna-----\nOd: Anna\n\nWysłaliśmy nowy.\n",
    ),
    (
        "onet",
        "Nadal nie działa.\n\n----- Oryginalna wiadomość -----\nOD: Anna\n\nWysłaliśmy nowy.\n",
    ),
    (
        "gmail-forward",
        "Nadal nie działa.\n\n---------- Forwarded message ---------\nFrom: Anna\n\nWysłaliśmy.\n",
    ),
    (
        "gmail-forward-pl",
        "Nadal nie działa.\n\n---------- Wiadomość przekazana dalej ---------\n"
        "Od: Anna\n\nWysłaliśmy.\n",
    ),
]


@pytest.mark.parametrize(("name", "text"), SPLITS, ids=[name for name, _ in SPLITS])
def test_quotes_are_split_off(name: str, text: str) -> None:
    own, quoted = split_reply(text)
    assert own in ("Still broken.", "Nadal nie działa.")
    assert "new one" in quoted or "Wysłaliśmy" in quoted


def test_signature_stays_in_own_text() -> None:
    own, quoted = split_reply("Proszę o zwrot.\n\n-- \nJan Kowalski\ntel. 601 234 567\n")
    assert own.endswith("Jan Kowalski\ntel. 601 234 567")
    assert quoted == ""


def test_bottom_posting_keeps_own_text_below_the_quote() -> None:
    own, quoted = split_reply(
        "On Mon, 9 Nov 2026, Anna <a@sklep.example> wrote:\n> Did it arrive?\n\nNo, it did not.\n"
    )
    assert own == "No, it did not."
    assert quoted.startswith("On Mon") and "> Did it arrive?" in quoted


def test_forward_without_own_text() -> None:
    own, quoted = split_reply("---------- Forwarded message ---------\nFrom: Sklep\n\nZamówienie")
    assert own == ""
    assert quoted.endswith("Zamówienie")


@pytest.mark.parametrize(
    "text",
    [
        "Od: 5 listopada czekam na paczkę.\nDo: dziś nic nie przyszło.\n",
        "Kurier napisał:\nprzesyłka zaginęła.",
        "Data: 12.11.2026\nProszę o zwrot.",
    ],
)
def test_ordinary_text_is_not_taken_for_a_quote(text: str) -> None:
    assert split_reply(text) == (text.strip(), "")


def test_own_text_of_html_reply_with_blockquote() -> None:
    parsed = parse(
        mail(
            "From: a@b.pl\nContent-Type: text/html; charset=utf-8\n\n"
            "<div>Nie dziala.</div><div class=gmail_quote>W dniu 1.12.2026 o 10:00 Sklep "
            "&lt;x@sklep.example&gt; napisał(a):<blockquote>Witamy</blockquote></div>"
        )
    )
    assert parsed.reply_text == "Nie dziala."
    assert "> Witamy" in parsed.quoted_text


# --- shared real-world mail ----------------------------------------------------------------


def _need(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (the shared test mail lives beside the checkout)")


def test_every_corpus_mail_parses_with_sender_and_order_numbers() -> None:
    _need(CORPUS)
    labels = [json.loads(line) for line in (CORPUS / "labels.jsonl").read_text().splitlines()]
    problems = []
    for label in labels:
        parsed = parse(RawMail(1, (CORPUS / label["file"]).read_bytes()))
        haystack = " ".join((parsed.subject, parsed.text, parsed.enclosed_text))
        haystack = haystack.replace("\xa0", " ")
        missing = [
            number
            for number in label["order_numbers"]
            if number not in haystack and f"{number[:3]} {number[3:]}" not in haystack
        ]
        if not parsed.sender or missing or parsed.defects:
            problems.append((label["file"], parsed.sender, missing, parsed.defects))
    assert not problems, "\n".join(map(str, problems))


def test_corpus_own_text_excludes_quotes() -> None:
    _need(CORPUS)
    parsed = parse(RawMail(1, next(CORPUS.glob("086-*.eml")).read_bytes()))
    assert parsed.reply_text.endswith("Adam Czerwiński")
    assert parsed.quoted_text.startswith("W dniu 17.12.2026 o 20:11, Sklep Domowy pisze:")
    enclosed = parse(RawMail(1, next(CORPUS.glob("097-*.eml")).read_bytes()))
    assert "503719" in enclosed.enclosed_text
    assert enclosed.attachments[0].filename == "Zwrot przyjęty - zamówienie 503719.eml"


def test_every_mime_sample_parses_or_is_refused_cleanly() -> None:
    _need(MIME)
    for line in (MIME / "MANIFEST.jsonl").read_text().splitlines():
        entry = json.loads(line)
        parsed = parse(RawMail(1, (MIME / entry["file"]).read_bytes()))
        assert parsed.size == entry["size"]
        assert parsed.message_id.startswith("<") and parsed.message_id.endswith(">")


def test_outlook_reply_with_raw_8bit_subject() -> None:
    parsed = parse(RawMail(1, (DATA / "outlook-pl-8bit-header-reply.eml").read_bytes()))
    assert parsed.subject == "RE: [#41] Reklamacja przyjęta"
    assert parsed.reply_text == "Dzień dobry,\nczajnik nadal przecieka.\n\nJan Kowalski"
    assert parsed.quoted_text.startswith("________________________________\nOd: Anna Nowak")


@pytest.mark.parametrize(
    ("header", "name", "address"),
    [
        ('"root@localhost" <root@localhost>', "", "root@localhost"),  # a name that is no name
        ('"Kowalski, Jan" <jan@poczta.example>', "Kowalski, Jan", "jan@poczta.example"),
        ("=?utf-8?q?Ania_=C5=BBak?= <ania@poczta.example>", "Ania Żak", "ania@poczta.example"),
        ("<bare@poczta.example>", "", "bare@poczta.example"),
    ],
)
def test_sender_name_and_address(header: str, name: str, address: str) -> None:
    parsed = parse(mail(f"From: {header}\nSubject: x\n\nbody\n"))
    assert (parsed.sender_name, parsed.sender) == (name, address)

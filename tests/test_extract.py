"""understand(): kind, order numbers, category, resolution, name and rating on tricky language."""

from __future__ import annotations

import time

import pytest
from test_nlp import load_understanding

from inbox_worker.extract import understand
from inbox_worker.models import Category, Kind, ParsedMail, Resolution, Screening, Stage
from inbox_worker.nlp import Understanding

HUMAN = Screening(kind=None)


@pytest.fixture(scope="session")
def understanding() -> Understanding:
    return load_understanding()


def mail(
    text: str,
    subject: str = "",
    sender_name: str = "",
    quoted: str = "",
    enclosed: str = "",
    sender: str = "klient@gmail.example",
    in_reply_to: str = "",
) -> ParsedMail:
    return ParsedMail(
        message_id="<t@example>",
        subject=subject,
        sender=sender,
        sender_name=sender_name,
        to=("reklamacje@sklep.example",),
        text=text + ("\n" + quoted if quoted else ""),
        reply_text=text,
        quoted_text=quoted,
        enclosed_text=enclosed,
        in_reply_to=in_reply_to,
    )


def orders(u: Understanding, text: str, **kw: str) -> list[str]:
    return list(understand(mail(text, **kw), HUMAN, u).order_numbers)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zamówienie nr 482913", ["482913"]),
        ("w zamówieniu 482913 był błąd", ["482913"]),
        ("Nr. zam. 521734", ["521734"]),
        ("nr.zam.509993 i nr zam.512699", ["509993", "512699"]),
        ("ZAM-482913 oraz ZAM/482914", ["482913", "482914"]),
        ("Order #506996", ["506996"]),
        ("my order no. 505348", ["505348"]),
        ("zam. 515 149, cały bok wgnieciony", ["515149"]),
        ("Zam. nr 510\u00a0770", ["510770"]),
        ("zamawiałam: 519842 oraz 519907", ["519842", "519907"]),
        ("przyszedł z zamówieniem 689940 w połowie stycznia", ["689940"]),  # "w" is not watts
    ],
)
def test_order_number_forms(understanding: Understanding, text: str, expected: list[str]) -> None:
    assert orders(understanding, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "tel. 601 234 567",
        "tel. 600 482 913",
        "+44 7700 900123",
        "kod BLIK 493 817",
        "kod odbioru 418 209",
        "kod odbioru 418209",
        "indeks 310455 – 64,90 zł",
        "invoice INV-443210",
        "faktura FV/2026/11/0457",
        "reklamacja RK/2026/11/0312",
        "05-800 Pruszków",
        "cena 149,99 zł, 1 299,00 zł",
        "zam 51146",
        "konto PL83 1140 2004 0000 3702 7710 5562",
        "NIP 5272918374",
        "paczka 601234987650012398745613",
        "DPD 0000347612009U, PX4817265930",
        "wpłata 250000 zł",
        "Invoice no. 443210",
        "Settlement no.: 884213",
        "Talerz – nr kat. 715230 – 18,40 zł",
        "numer klienta 512088",
    ],
)
def test_distractors_are_not_order_numbers(understanding: Understanding, text: str) -> None:
    assert orders(understanding, text) == []


def test_subject_first_then_own_text_then_quote(understanding: Understanding) -> None:
    found = orders(
        understanding,
        "Chodzi o zamówienie 222222.",
        subject="Reklamacja 111111",
        quoted="> Twoje zamówienie 333333 zostało wysłane",
    )
    assert found == ["111111", "222222", "333333"]


def test_order_only_in_enclosed_message(understanding: Understanding) -> None:
    found = orders(understanding, "W załączniku Wasz mail.", enclosed="Subject: Zwrot 503719")
    assert found == ["503719"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Paczka nie była uszkodzona, ale brakuje ładowarki.", Category.MISSING_ITEM),
        ("czajnik nie dziala od wczoraj, przecieka pod spodem", Category.DEFECTIVE),
        ("Ekspres przyszedł z pękniętym zbiornikiem, karton był zgnieciony.", Category.DAMAGED),
        ("ekspres przyszedl z peknietym zbiornikiem, karton zgnieciony", Category.DAMAGED),
        ("Zamiast czarnej kurtki w rozmiarze M przyszła zielona w XL.", Category.WRONG_ITEM),
        ("Paczka nie dotarła, w śledzeniu od tygodnia status w drodze.", Category.NOT_DELIVERED),
        ("Chcę odstąpić od umowy, buty są nieużywane.", Category.RETURN),
        ("Odesłałam towar 3 tygodnie temu i pieniądze nadal nie wróciły.", Category.REFUND),
        ("Pobrano mi dwa razy za to samo zamówienie, podwójne obciążenie karty.", Category.BILLING),
        ("Czy mogę zmienić adres dostawy?", Category.OTHER),
        ("Dzień dobry, mam pytanie o godziny otwarcia.", Category.OTHER),
        ("The kettle stopped working after a week.", Category.DEFECTIVE),
        ("The parcel never arrived and tracking hasn't updated.", Category.NOT_DELIVERED),
        ("I received a red one instead of the blue one I ordered.", Category.WRONG_ITEM),
        ("The box was fine but the charging cable is missing.", Category.MISSING_ITEM),
        ("The glass lid arrived shattered.", Category.DAMAGED),
        ("I was charged twice for the same order.", Category.BILLING),
    ],
)
def test_category(understanding: Understanding, text: str, category: Category) -> None:
    findings = understand(mail(text), HUMAN, understanding)
    assert findings.kind is Kind.COMPLAINT
    assert findings.category is category, findings.explanation
    assert findings.stage is understanding.rules.categories[category].stage


def test_stage_of_categories(understanding: Understanding) -> None:
    findings = understand(mail("Paczka nie dotarła."), HUMAN, understanding)
    assert findings.stage is Stage.DELIVERY


@pytest.mark.parametrize(
    ("text", "resolution"),
    [
        ("Proszę o wymianę na nowy egzemplarz.", Resolution.REPLACEMENT),
        ("Prosze o zwrot pieniedzy.", Resolution.REFUND),
        ("Proszę o naprawę w ramach gwarancji.", Resolution.REPAIR),
        ("Zatrzymam go, jeśli obniżycie Państwo cenę o 20%.", Resolution.DISCOUNT),
        ("Nie chcę kolejnego egzemplarza. Proszę o zwrot pieniędzy.", Resolution.REFUND),
        ("Proszę o dosłanie brakującej pokrywki.", Resolution.REPLACEMENT),
        (
            "Proszę o dosłanie części. Jeśli ich brak, to poproszę o zwrot pieniędzy.",
            Resolution.REPLACEMENT,
        ),
        ("Please send a replacement, I'd rather not get a refund.", Resolution.REPLACEMENT),
        ("I'd like a full refund please.", Resolution.REFUND),
        ("Co mam zrobić?", None),
    ],
)
def test_resolution(understanding: Understanding, text: str, resolution: Resolution | None) -> None:
    findings = understand(mail(text), HUMAN, understanding)
    assert findings.resolution is resolution, findings.explanation


def test_status_query_takes_category_from_the_thread(understanding: Understanding) -> None:
    findings = understand(
        mail(
            "Dzień dobry, na jakim etapie jest moja reklamacja? Minęły 2 tygodnie.",
            subject="Re: Uszkodzony robot planetarny",
            in_reply_to="<x@sklep.example>",
        ),
        HUMAN,
        understanding,
    )
    assert findings.kind is Kind.STATUS_QUERY
    assert findings.category is Category.DAMAGED
    assert findings.resolution is None


def test_reply_with_a_new_problem_is_a_complaint(understanding: Understanding) -> None:
    findings = understand(
        mail("The new one also arrived cracked. What can I do now?", subject="Re: RK/2026/12/0147"),
        HUMAN,
        understanding,
    )
    assert findings.kind is Kind.COMPLAINT
    assert findings.category is Category.DAMAGED


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("Oceniam na 4, było OK.", 4),
        ("piątka", 5),
        ("Cztery. Wszystko doszło.", 4),
        ("5/5", 5),
        ("I'd give it a 3 out of 5.", 3),
        ("★★★★☆ dzięki", 4),
        ("2\n\nDługo czekałam.", 2),
        ("7", None),
        ("dziesięć", None),
        ("Na trojke. Kasa wróciła po 4 tygodniach.", 3),
        ("trójkę", 3),
        ("4 – would have been a 5, but the courier was late.", 4),  # score, then a comment
        ("Piątka, ale formularz był za długi.", 5),
        ("4/5\npieniądze są, minus punkt za czas.", 4),
    ],
)
def test_rating(understanding: Understanding, text: str, rating: int | None) -> None:
    findings = understand(
        mail(text, subject="Re: Oceń naszą obsługę", quoted="> w skali od 1 do 5"),
        HUMAN,
        understanding,
    )
    assert findings.kind is Kind.RATING
    assert findings.rating == rating
    assert findings.category is None


@pytest.mark.parametrize(
    "text",
    [
        "Zwracam 2 z 5 kubków, proszę o zwrot pieniędzy.",  # a count of things, not a score
        "2 – paczki nie doszły, proszę o informację.",  # a leading number without a survey
    ],
)
def test_numbers_outside_a_survey_answer_are_no_rating(
    understanding: Understanding, text: str
) -> None:
    findings = understand(mail(text, subject="Zamówienie 512345"), HUMAN, understanding)
    assert findings.kind is Kind.COMPLAINT
    assert findings.rating is None


@pytest.mark.parametrize(
    ("text", "sender_name", "name"),
    [
        ("Proszę o zwrot.\n\nPozdrawiam\nEwelina Grabowska", "Ewelina", "Ewelina Grabowska"),
        ("Proszę o zwrot.\n\nPozdrawiam\nKuba", "Jakub Sobczak", "Jakub Sobczak"),
        (
            "Proszę o zwrot.\n\nZ poważaniem\nTomasz Kowalski",
            "Firma Kowalski - Biuro",
            "Tomasz Kowalski",
        ),
        ("Proszę o zwrot.\n\nKasia", "", "Kasia"),
        ("Co z tym?", "", None),
        ("Proszę o zwrot.\nH. Szulc", "Henryk Szulc", "Henryk Szulc"),
        ("Prosze o zwrot pieniedzy.\nT. Jaworski", "", "T. Jaworski"),
    ],
)
def test_customer_name(
    understanding: Understanding, text: str, sender_name: str, name: str | None
) -> None:
    findings = understand(mail(text, sender_name=sender_name), HUMAN, understanding)
    assert findings.customer_name == name


def test_staff_name_in_quote_is_never_the_customer(understanding: Understanding) -> None:
    findings = understand(
        mail(
            "Czy są już jakieś informacje?",
            quoted="> Pozdrawiamy\n> Anna Nowak\n> Dział Reklamacji",
        ),
        HUMAN,
        understanding,
    )
    assert findings.customer_name is None


def test_robot_keeps_the_screening_kind(understanding: Understanding) -> None:
    findings = understand(
        mail(
            "Jestem na urlopie do 4 stycznia.\n\nKrzysztof Wróblewski",
            subject="Automatyczna odpowiedź: zam. 493626",
        ),
        Screening(kind=Kind.AUTO_REPLY, rule="auto-submitted-header"),
        understanding,
    )
    assert findings.kind is Kind.AUTO_REPLY
    assert findings.order_numbers == ("493626",)
    assert findings.customer_name == "Krzysztof Wróblewski"
    assert findings.category is None and findings.resolution is None


def test_language_of_text_above_a_quote_in_another_language(understanding: Understanding) -> None:
    findings = understand(
        mail(
            "Hello, I received a pink case, please refund me.",
            quoted="> Dzień dobry, otrzymaliśmy płatność",
        ),
        HUMAN,
        understanding,
    )
    assert findings.language == "en"


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   \n\n  ",
        "\x00\x01\x02\ufffd" * 5000,
        "<html><body><p>tylko html</p></body></html>",
        "Ceci n'est pas une plainte, merci beaucoup.",
        "nie działa " * 1_000_000,
    ],
)
def test_bad_input_gives_a_clear_answer_quickly(understanding: Understanding, body: str) -> None:
    started = time.perf_counter()
    findings = understand(mail(body), HUMAN, understanding)
    assert time.perf_counter() - started < 2.0
    assert findings.kind is Kind.COMPLAINT
    assert findings.category is not None
    assert findings.language in ("pl", "en")
    assert findings.explanation


def test_explanation_names_rules_and_negation(understanding: Understanding) -> None:
    findings = understand(
        mail("Paczka nie była uszkodzona, ale brakuje ładowarki."), HUMAN, understanding
    )
    text = "\n".join(findings.explanation)
    assert "missing-item-pl" in text and "negated: damaged-broken-pl" in text

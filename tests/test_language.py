"""The language of complaints, not the files of a corpus: paraphrases of every category,
resolution and kind in Polish (with and without diacritics) and English, with negation,
incidental mentions and fallbacks. None of these sentences is copied from a corpus mail.
"""

from __future__ import annotations

import pytest
from test_extract import HUMAN, mail
from test_nlp import load_understanding

from inbox_worker.extract import understand
from inbox_worker.models import Category, Kind, Resolution
from inbox_worker.nlp import Understanding

C = Category
R = Resolution


@pytest.fixture(scope="module")
def understanding() -> Understanding:
    return load_understanding()


CATEGORY_CASES = [
    # damaged
    ("Kubek przyszedł z odłamanym uchem.", C.DAMAGED),
    ("Lustro dotarło całe popękane, w kartonie pełno szkła.", C.DAMAGED),
    ("karton byl zmiazdzony a w srodku obudowa pekla na pol", C.DAMAGED),
    ("Szklanki doszły potłuczone, dwie z sześciu są w kawałkach.", C.DAMAGED),
    ("Przesyłka była źle zapakowana i rama roweru jest powyginana.", C.DAMAGED),
    ("Pralka ma duże wgniecenie na boku, kurier chyba rzucał paczką.", C.DAMAGED),
    ("The mirror arrived with a huge crack across it.", C.DAMAGED),
    ("Two of the plates came chipped and one was snapped in half.", C.DAMAGED),
    ("The box was soaked and squashed and the lamp shade is dented.", C.DAMAGED),
    # defective, also next to negated damage and incidental money words
    ("Odkurzacz po tygodniu przestał ciągnąć i strasznie buczy.", C.DEFECTIVE),
    ("Żelazko się nie nagrzewa, lampka się nie zapala.", C.DEFECTIVE),
    ("suszarka sie wylacza po minucie, chyba cos z silnikiem", C.DEFECTIVE),
    ("Telefon się nie ładuje, a ekran miga i sam się resetuje.", C.DEFECTIVE),
    ("Pilot nie reaguje na przyciski, wymieniłem baterie i nic.", C.DEFECTIVE),
    ("czajnik przecieka i wylewa wode na blat", C.DEFECTIVE),
    ("The headphones keep disconnecting and the left one crackles.", C.DEFECTIVE),
    ("My blender is faulty, the motor smells burnt after a minute.", C.DEFECTIVE),
    ("The fridge isn't cooling at all.", C.DEFECTIVE),
    ("Karton był cały i nic nie było uszkodzone, ale radio nie działa.", C.DEFECTIVE),
    ("The packaging was not damaged at all, but the blender won't turn on.", C.DEFECTIVE),
    ("Faktura w załączniku. Ekspres od wczoraj nie działa, wyświetla błąd E4.", C.DEFECTIVE),
    ("Zapłaciłem kartą 499 zł, a mikser po trzech dniach się zepsuł.", C.DEFECTIVE),
    ("Słuchawki były drogie, a po tygodniu prawa przestała grać. Paragon mam.", C.DEFECTIVE),
    # wrong_item
    ("Zamówiłam sukienkę w rozmiarze 38, a dostałam 44.", C.WRONG_ITEM),
    ("Przysłaliście mi zupełnie inny model niż ten, który zamawiałem.", C.WRONG_ITEM),
    ("dostalam zielony zamiast czerwonego", C.WRONG_ITEM),
    ("W paczce był cudzy towar, jakieś kable, a ja kupowałem garnek.", C.WRONG_ITEM),
    ("Przyszły buty męskie, a zamawiałam damskie.", C.WRONG_ITEM),
    ("You sent me the wrong colour: I ordered navy and got grey.", C.WRONG_ITEM),
    ("This isn't the product I ordered, it's a completely different lamp.", C.WRONG_ITEM),
    ("I ordered a size 10 but received a size 14.", C.WRONG_ITEM),
    ("The package contained someone else's order.", C.WRONG_ITEM),
    # missing_item
    ("W zestawie zabrakło instrukcji i śrubek.", C.MISSING_ITEM),
    ("nie bylo w paczce ladowarki", C.MISSING_ITEM),
    ("Paczka przyszła pusta, sam karton i wypełniacz.", C.MISSING_ITEM),
    ("W pudełku nie ma pilota, choć według opisu powinien być.", C.MISSING_ITEM),
    ("Zamówiłam cztery talerze, a w paczce były tylko trzy.", C.MISSING_ITEM),
    ("Komplet jest niepełny, jednej poduszki nie ma.", C.MISSING_ITEM),
    ("The parcel only had the lamp in it, the bulbs weren't there.", C.MISSING_ITEM),
    ("One of the three cushions is missing from my order.", C.MISSING_ITEM),
    ("There was no remote in the box.", C.MISSING_ITEM),
    ("My order arrived today but it's two items short.", C.MISSING_ITEM),
    # not_delivered
    ("Minął tydzień, a paczki wciąż nie ma.", C.NOT_DELIVERED),
    ("kurier nie przyjechal a w sledzeniu pisze ze doreczona", C.NOT_DELIVERED),
    ("Moje zamówienie jeszcze do mnie nie dotarło.", C.NOT_DELIVERED),
    ("Paczka chyba zaginęła, od 10 dni nie ma żadnej aktualizacji.", C.NOT_DELIVERED),
    ("Czekam na przesyłkę od dwóch tygodni.", C.NOT_DELIVERED),
    ("My parcel still hasn't turned up.", C.NOT_DELIVERED),
    ("The tracking says delivered but nothing was left at my door.", C.NOT_DELIVERED),
    ("The courier lost my package.", C.NOT_DELIVERED),
    # return (no fault; an exchange for another size is a return too)
    ("Chciałbym zwrócić spodnie, nie pasują mi.", C.RETURN),
    ("Rezygnuję z zakupu, odeślę towar w ciągu 14 dni.", C.RETURN),
    ("chce oddac kurtke, jednak mi sie nie podoba", C.RETURN),
    ("Odstępuję od umowy sprzedaży, proszę o adres do odesłania.", C.RETURN),
    ("Buty są za ciasne, chcę je odesłać.", C.RETURN),
    ("Jak mogę zwrócić nieużywany towar?", C.RETURN),
    ("I'd like to send the jacket back, it doesn't suit me.", C.RETURN),
    ("I changed my mind about the chair, how can I return it?", C.RETURN),
    ("Can I exchange the shoes for a bigger size?", C.RETURN),
    ("Chciałabym wymienić sweter na rozmiar L, bo M jest za mały.", C.RETURN),
    (
        "The dress is fine, nothing wrong with it, I just don't like it. How do I return it?",
        C.RETURN,
    ),
    # refund (money after a return or cancellation)
    ("Zwróciłam paczkę miesiąc temu, a pieniądze dalej nie wpłynęły.", C.REFUND),
    ("odeslalam buty 3 tygodnie temu i do dzis nie mam przelewu", C.REFUND),
    ("Zwrócono mi tylko część kwoty, brakuje 50 zł.", C.REFUND),
    ("Anulowałam zamówienie, a pieniądze wciąż nie wróciły na konto.", C.REFUND),
    ("Oddałam towar, gdzie są moje pieniądze?", C.REFUND),
    ("I returned the item three weeks ago and still haven't been refunded.", C.REFUND),
    ("You refunded me 20 PLN less than I paid.", C.REFUND),
    ("My refund hasn't come through yet.", C.REFUND),
    # billing
    ("Na fakturze jest błędny NIP, proszę o korektę.", C.BILLING),
    ("Nie dostałem faktury do zamówienia.", C.BILLING),
    ("pobraliscie mi oplate dwa razy", C.BILLING),
    ("Cena w koszyku była 199 zł, a z karty zeszło 249 zł.", C.BILLING),
    ("Kod rabatowy się nie naliczył.", C.BILLING),
    ("Zapłaciłem przelewem, a zamówienie nadal jest nieopłacone.", C.BILLING),
    ("I was billed twice for one order.", C.BILLING),
    ("The invoice has the wrong company name on it.", C.BILLING),
    ("I paid but the order still says awaiting payment.", C.BILLING),
    # other: questions, changes before shipping, praise, mailing list
    ("Czy macie ten ekspres w kolorze białym?", C.OTHER),
    ("Chciałabym zamówić 30 sztuk dla firmy, czy jest możliwy rabat i faktura?", C.OTHER),
    ("Czy mogę jeszcze zmienić rozmiar w zamówieniu przed wysyłką?", C.OTHER),
    ("Dziękuję za szybką wymianę, nowy czajnik działa świetnie.", C.OTHER),
    ("Proszę o wypisanie mnie z listy mailingowej.", C.OTHER),
    ("Czy można odebrać zamówienie osobiście?", C.OTHER),
    ("Do you deliver to Norway?", C.OTHER),
    ("Could I change the colour of my order before it is shipped?", C.OTHER),
    ("Please remove me from your mailing list.", C.OTHER),
]


@pytest.mark.parametrize(("text", "category"), CATEGORY_CASES)
def test_category_paraphrases(understanding: Understanding, text: str, category: Category) -> None:
    findings = understand(mail(text), HUMAN, understanding)
    assert findings.kind is Kind.COMPLAINT, findings.explanation
    assert findings.category is category, findings.explanation


RESOLUTION_CASES = [
    # refund
    ("Proszę o zwrot pieniędzy na konto.", R.REFUND),
    ("Oczekuję zwrotu całej kwoty.", R.REFUND),
    ("chce odzyskac pieniadze", R.REFUND),
    ("Oddajcie mi kasę.", R.REFUND),
    ("Proszę o pieniądze z powrotem.", R.REFUND),
    ("Wolę zwrot pieniędzy niż nowy egzemplarz.", R.REFUND),
    ("Nie chcę wymiany, tylko zwrotu pieniędzy.", R.REFUND),
    ("I want my money back.", R.REFUND),
    ("Please refund the full amount to my card.", R.REFUND),
    ("Could you reimburse me?", R.REFUND),
    # replacement
    ("Proszę o wymianę na nowy.", R.REPLACEMENT),
    ("Proszę przysłać właściwy rozmiar.", R.REPLACEMENT),
    ("wyslijcie mi brakujaca czesc", R.REPLACEMENT),
    ("Chcę dostać nowy egzemplarz.", R.REPLACEMENT),
    ("Nie chcę zwrotu pieniędzy, tylko wymiany.", R.REPLACEMENT),
    ("Please send me a new one.", R.REPLACEMENT),
    ("I'd like the correct item sent out.", R.REPLACEMENT),
    ("Could you replace it?", R.REPLACEMENT),
    # repair
    ("Proszę o naprawę gwarancyjną.", R.REPAIR),
    ("Czy możecie to naprawić?", R.REPAIR),
    ("prosze o odebranie do serwisu i naprawe", R.REPAIR),
    ("Please have it repaired under warranty.", R.REPAIR),
    ("Can you fix it?", R.REPAIR),
    # discount
    ("Zatrzymam produkt, jeśli dostanę rabat.", R.DISCOUNT),
    ("Proszę o obniżenie ceny o 20%.", R.DISCOUNT),
    ("prosze o znizke, rysa jest mala", R.DISCOUNT),
    ("Mogę go zostawić za częściowy zwrot ceny.", R.DISCOUNT),
    ("Wolałabym upust niż odsyłanie.", R.DISCOUNT),
    ("Zamiast wymiany wolę obniżkę.", R.DISCOUNT),
    ("I'll keep it if you give me a discount.", R.DISCOUNT),
    ("Could I get a partial refund and keep the item?", R.DISCOUNT),
    ("Would you knock a bit off the price?", R.DISCOUNT),
    ("Instead of a replacement, could you offer me a price reduction?", R.DISCOUNT),
    # nothing asked, or something without a resolution value
    ("Co mam teraz zrobić?", None),
    ("Proszę o wyjaśnienie.", None),
    ("Please look into this.", None),
    ("Proszę o korektę faktury.", None),
]


@pytest.mark.parametrize(("text", "resolution"), RESOLUTION_CASES)
def test_resolution_paraphrases(
    understanding: Understanding, text: str, resolution: Resolution | None
) -> None:
    findings = understand(mail(text), HUMAN, understanding)
    assert findings.resolution is resolution, findings.explanation


def test_primary_request_beats_the_fallback(understanding: Understanding) -> None:
    text = "Poduszka ma plamę. Wolałabym rabat, a jeśli się nie da, to proszę o wymianę na nową."
    assert understand(mail(text), HUMAN, understanding).resolution is R.DISCOUNT


def test_fallback_in_english(understanding: Understanding) -> None:
    text = "Please send the missing lid; if that is not possible, refund me."
    assert understand(mail(text), HUMAN, understanding).resolution is R.REPLACEMENT


REPLY = {"subject": "Re: Reklamacja zamówienia 512345", "in_reply_to": "<a@sklep.example>"}
EN_REPLY = {"subject": "Re: Your complaint about order 512345", "in_reply_to": "<a@sklep.example>"}

KIND_CASES = [
    ("Czy moja reklamacja została już rozpatrzona?", REPLY, Kind.STATUS_QUERY),
    (
        "Piszę ponownie w sprawie reklamacji z 3 stycznia, nadal brak odpowiedzi.",
        {},
        Kind.STATUS_QUERY,
    ),
    ("Minęły dwa tygodnie, a ja dalej nie wiem, co z moim zgłoszeniem.", REPLY, Kind.STATUS_QUERY),
    (
        "Dalej zero odzewu. Jak nie odpiszecie do piątku, idę do rzecznika konsumentów.",
        REPLY,
        Kind.STATUS_QUERY,
    ),
    ("Any news on my complaint?", EN_REPLY, Kind.STATUS_QUERY),
    ("I'm still waiting to hear back about my claim.", EN_REPLY, Kind.STATUS_QUERY),
    ("Could you tell me the status of the refund I asked for?", {}, Kind.STATUS_QUERY),
    ("Czy zwrot pieniędzy został już zlecony? Od potwierdzenia cisza.", REPLY, Kind.STATUS_QUERY),
    # replies that raise a new problem stay complaints
    ("Nowy egzemplarz też nie działa, proszę o zwrot pieniędzy.", REPLY, Kind.COMPLAINT),
    ("The replacement arrived cracked as well, please refund me.", EN_REPLY, Kind.COMPLAINT),
    (
        "Przyszło, ale obudowa jest pęknięta.",
        {"subject": "Re: Zamówienie 512345 wysłane", "in_reply_to": "<b@sklep.example>"},
        Kind.COMPLAINT,
    ),
]


@pytest.mark.parametrize(("text", "headers", "kind"), KIND_CASES)
def test_status_query_or_complaint(
    understanding: Understanding, text: str, headers: dict[str, str], kind: Kind
) -> None:
    findings = understand(mail(text, **headers), HUMAN, understanding)
    assert findings.kind is kind, findings.explanation


@pytest.mark.parametrize(
    ("text", "sender_name", "name"),
    [
        (
            "Proszę o wymianę.\n\nPozdrawiam\nKasia Nowicka",
            "Katarzyna Nowicka",
            "Katarzyna Nowicka",
        ),
        ("Please fix it.\n\nThanks,\nMike Turner", "Michael Turner", "Michael Turner"),
        ("Proszę o zwrot.\n\nTomasz Zieliński", "Tomek Zieliński", "Tomasz Zieliński"),
        ("Proszę o zwrot.\n\nPozdrawiam\nAnna Kowalska", "Anna Kowalska-Nowak", "Anna Kowalska"),
    ],
)
def test_full_first_name_beats_a_diminutive(
    understanding: Understanding, text: str, sender_name: str, name: str
) -> None:
    findings = understand(mail(text, sender_name=sender_name), HUMAN, understanding)
    assert findings.customer_name == name


def test_signature_details_are_not_evidence(understanding: Understanding) -> None:
    text = (
        "Czy prowadzicie sprzedaż hurtową kubków?\n\nZ poważaniem\nJan Nowak\n"
        "Hurtownia Nowak, NIP 123-456-78-90\nul. Długa 5, 00-001 Warszawa"
    )
    assert understand(mail(text), HUMAN, understanding).category is C.OTHER


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # sending back is the remedy for a fault, and a return only without one
        ("Kubek jest pęknięty, chcę go odesłać.", C.DAMAGED),
        ("Przyszedł zły rozmiar, proszę o wymianę na rozmiar 40.", C.WRONG_ITEM),
        ("Chcę odesłać kubek, po prostu nie pasuje do kuchni.", C.RETURN),
        ("I'd like to send the lamp back, it stopped working after a day.", C.DEFECTIVE),
        # return words are background when the money has not come back
        ("Anulowałam zamówienie tydzień temu, a pieniądze nadal nie wróciły.", C.REFUND),
        # one weak word does not decide
        ("Kolor ładny, rozmiar też. Pozdrawiam.", C.OTHER),
    ],
)
def test_fault_remedy_and_background(
    understanding: Understanding, text: str, category: Category
) -> None:
    assert understand(mail(text), HUMAN, understanding).category is category


def test_forwarded_subject_is_not_the_customers_words(understanding: Understanding) -> None:
    findings = understand(
        mail(
            "Poniżej Wasz mail. Minął miesiąc i nadal nie mam zwrotu pieniędzy.",
            subject="Fwd: Odstąpienie od umowy - potwierdzenie",
        ),
        HUMAN,
        understanding,
    )
    assert findings.category is C.REFUND, findings.explanation


def test_a_question_has_nothing_to_resolve(understanding: Understanding) -> None:
    findings = understand(
        mail("Czy przy zamówieniu 50 sztuk dla szkoły możliwy jest rabat?"), HUMAN, understanding
    )
    assert findings.category is C.OTHER and findings.resolution is None, findings.explanation


def test_money_back_alone_is_a_refund_case(understanding: Understanding) -> None:
    findings = understand(mail("Proszę o zwrot pieniędzy na konto."), HUMAN, understanding)
    assert findings.category is C.REFUND and findings.resolution is R.REFUND


def test_weak_status_signs_do_not_make_a_first_mail_a_status_query(
    understanding: Understanding,
) -> None:
    text = (
        "Dwa razy dzwoniłam na infolinię. Jeśli pieniądze za zwrócone buty nie wrócą do "
        "piątku, zgłoszę sprawę do rzecznika konsumentów."
    )
    findings = understand(mail(text), HUMAN, understanding)
    assert findings.kind is Kind.COMPLAINT and findings.category is C.REFUND, findings.explanation


@pytest.mark.parametrize(
    ("text", "category", "resolution"),
    [
        (
            "The remote wasn't included in the box. Could you send it, please?",
            C.MISSING_ITEM,
            R.REPLACEMENT,
        ),
        ("W zestawie zabrakło pilota, proszę go przysłać.", C.MISSING_ITEM, R.REPLACEMENT),
        # resending a lost parcel has no resolution value
        ("Paczka zaginęła u kuriera, proszę ją wysłać jeszcze raz.", C.NOT_DELIVERED, None),
    ],
)
def test_asking_to_send_it_depends_on_what_is_wrong(
    understanding: Understanding, text: str, category: Category, resolution: Resolution | None
) -> None:
    findings = understand(mail(text), HUMAN, understanding)
    assert (findings.category, findings.resolution) == (category, resolution), findings.explanation

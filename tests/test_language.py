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
    # a follow-up restating the problem; asking for information is no new problem
    (
        "Zgłaszaliśmy, że paczki nie zostały nam doręczone. Do dziś nie otrzymaliśmy "
        "odpowiedzi. Uprzejmie proszę o informację, na jakim etapie jest sprawa.",
        {},
        Kind.STATUS_QUERY,
    ),
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


# Written blind after the first round of rule changes (first-run scores: 64/83 and 34/53
# against 47/83 and 32/53 for the rules before); since then they are regression cases.
MORE_CATEGORY_CASES = [
    # written for the language after a third blind set (not copied from its mails)
    ("Projektor doszedl, ale w pudelku nie ma pilota.", C.MISSING_ITEM),
    ("Dostałam nie swoją paczkę, w środku są cudze rzeczy.", C.WRONG_ITEM),
    ("Zwrot zlecony dwa tygodnie temu, a na koncie nadal nic.", C.REFUND),
    ("Anulowałam zamówienie i do dziś nie dostałam zwrotu.", C.REFUND),
    ("Zegarek stanął po trzech dniach, bateria nowa.", C.DEFECTIVE),
    ("The mouse double-clicks on every click.", C.DEFECTIVE),
    ("Doniczka przyszła rozbita w drobny mak.", C.DAMAGED),
    ("rama obrazu jest pęknięta w rogu, szyba porysowana", C.DAMAGED),
    ("Niestety kubki dotarly potluczone, karton byl mokry i zgnieciony", C.DAMAGED),
    ("Po otwarciu paczki okazało się, że noga krzesła jest złamana.", C.DAMAGED),
    ("The vase was in bits when I opened the box.", C.DAMAGED),
    ("Unfortunately the kettle has a big dent and the lid is cracked.", C.DAMAGED),
    ("Mikser po dwóch użyciach przestał się kręcić.", C.DEFECTIVE),
    ("Lampka mruga i gaśnie co kilka minut.", C.DEFECTIVE),
    ("golarka sie nie laduje, dioda nie swieci", C.DEFECTIVE),
    ("Pralka wyświetla kod błędu E21 i nie wiruje.", C.DEFECTIVE),
    ("Zamek w kurtce się zepsuł po tygodniu noszenia.", C.DEFECTIVE),
    ("The speaker makes a loud buzzing noise and then shuts down.", C.DEFECTIVE),
    ("My new iron won't heat up.", C.DEFECTIVE),
    ("After three days the vacuum cleaner just died.", C.DEFECTIVE),
    ("Zamawiałem czarny plecak, a dostałem granatowy.", C.WRONG_ITEM),
    ("W paczce znalazłam sukienkę w rozmiarze S zamiast M.", C.WRONG_ITEM),
    ("przyszedl inny model czajnika niz zamawialem", C.WRONG_ITEM),
    ("To nie jest ten produkt, który kupiłam – na pudełku jest inna nazwa.", C.WRONG_ITEM),
    ("I received trainers in size 38, but I ordered 40.", C.WRONG_ITEM),
    ("You've sent me a blue duvet cover rather than the grey one I chose.", C.WRONG_ITEM),
    ("Brakuje jednego krzesła z kompletu czterech.", C.MISSING_ITEM),
    ("W opakowaniu nie było instrukcji ani śrubek montażowych.", C.MISSING_ITEM),
    ("zestaw przyszedl bez pokrywy", C.MISSING_ITEM),
    ("Dostałam tylko jedną część zamówienia, druga nie przyszła.", C.MISSING_ITEM),
    ("The lid wasn't in the package.", C.MISSING_ITEM),
    ("I only received two of the four mugs I ordered.", C.MISSING_ITEM),
    ("The box arrived but there was nothing in it.", C.MISSING_ITEM),
    pytest.param(
        "Paczka miała być w czwartek, a dziś jest wtorek i nic.",
        C.NOT_DELIVERED,
        marks=pytest.mark.xfail(reason="'i nic' alone is too broad a cue; known gap"),
    ),
    ("Kurier twierdzi, że zostawił paczkę, ale nic nie dostałam.", C.NOT_DELIVERED),
    ("przesylka stoi w miejscu od tygodnia", C.NOT_DELIVERED),
    ("Zamówienie nadal nie zostało wysłane, a minęło 10 dni.", C.NOT_DELIVERED),
    (
        "My order was supposed to arrive last Friday and there's still no sign of it.",
        C.NOT_DELIVERED,
    ),
    ("The courier says he delivered it but I never got anything.", C.NOT_DELIVERED),
    ("Chcę skorzystać z prawa do odstąpienia od umowy.", C.RETURN),
    ("Koszula jest za mała, chciałabym ją odesłać i dostać zwrot pieniędzy.", C.RETURN),
    ("Rozmyśliłam się, czy mogę oddać lampę?", C.RETURN),
    ("buty nie pasuja, jak je zwrocic?", C.RETURN),
    ("I'd like to return the coat, it's too big.", C.RETURN),
    ("I no longer want the table, can I send it back for a refund?", C.RETURN),
    ("Odesłałam zwrot dwa tygodnie temu, a przelewu dalej nie ma.", C.REFUND),
    ("Dostałam zwrot niepełny, zabrakło kosztów wysyłki.", C.REFUND),
    ("Zwrot miał być w 14 dni, minął miesiąc i nic nie wpłynęło.", C.REFUND),
    ("kiedy wkoncu oddacie mi pieniadze za zwrocony towar?", C.REFUND),
    ("I sent the shoes back a month ago and haven't had my money.", C.REFUND),
    ("The refund I got was 30 PLN short.", C.REFUND),
    ("Pobraliście ode mnie dwa razy za to samo zamówienie.", C.BILLING),
    ("Faktura ma zły adres firmy, proszę ją poprawić.", C.BILLING),
    ("Cena przy kasie była wyższa niż na stronie.", C.BILLING),
    ("Nie przyszła faktura VAT na firmę.", C.BILLING),
    ("My card was charged twice.", C.BILLING),
    ("The invoice is missing our VAT number.", C.BILLING),
    ("Czy ten ekspres jest kompatybilny z kapsułkami innych firm?", C.OTHER),
    ("Kiedy będzie znowu dostępny ten czajnik w kolorze miętowym?", C.OTHER),
    ("Bardzo dziękuję za miłą obsługę, wszystko dotarło całe.", C.OTHER),
    ("Chciałbym dodać jeszcze jeden produkt do zamówienia, zanim je wyślecie.", C.OTHER),
    ("Do you offer gift wrapping?", C.OTHER),
    ("Can I pay on delivery?", C.OTHER),
    ("telewizor ma pekniety ekran, kurier chyba go upuscil", C.DAMAGED),
    ("Na obudowie są głębokie rysy i odpryski lakieru.", C.DAMAGED),
    ("Paczka była cała mokra, a książki w środku napęczniały od wody.", C.DAMAGED),
    ("Szyba w drzwiczkach piekarnika jest pęknięta od nowości.", C.DAMAGED),
    ("The legs of the table were snapped and the top was scratched.", C.DAMAGED),
    ("Czajnik wyłącza się zanim woda się zagotuje.", C.DEFECTIVE),
    ("suszarka grzeje tylko na jednym biegu a na drugim dmucha zimnym", C.DEFECTIVE),
    ("Słuchawki trzeszczą i rozłączają się co chwilę.", C.DEFECTIVE),
    ("Bateria w powerbanku trzyma może godzinę.", C.DEFECTIVE),
    ("Po pierwszym praniu koszulka się rozlazła w szwach.", C.DEFECTIVE),
    ("odkurzacz slabo ciagnie i smierdzi spalenizna", C.DEFECTIVE),
    ("The blender's motor burned out on the second use.", C.DEFECTIVE),
    ("The zip broke the first time I used it.", C.DEFECTIVE),
    ("zamowilam 3 pary skarpetek w rozmiarze 39-42 a dostalam 35-38", C.WRONG_ITEM),
    ("Przysłaliście mi czajnik w kolorze czarnym, a w zamówieniu był biały.", C.WRONG_ITEM),
    ("Dostałam nie ten model telefonu, który wybrałam.", C.WRONG_ITEM),
    ("W paczce była pościel dziecięca zamiast dorosłej.", C.WRONG_ITEM),
    ("The parcel contained a kettle, but I had ordered a toaster.", C.WRONG_ITEM),
    ("Nie było w zestawie baterii, choć opis mówi, że są dołączone.", C.MISSING_ITEM),
    ("W kartonie brakowało dwóch nóżek do stolika.", C.MISSING_ITEM),
    ("Otrzymałam paczkę, ale bez drugiego kubka z kompletu.", C.MISSING_ITEM),
    ("paczka przyszla pusta, w srodku tylko folia", C.MISSING_ITEM),
    ("The set came with only five glasses instead of six.", C.MISSING_ITEM),
    ("Kurier od tygodnia nie może dostarczyć paczki.", C.NOT_DELIVERED),
    ("W systemie paczka jest doręczona, ale do mnie nic nie dotarło.", C.NOT_DELIVERED),
    ("Przesyłka wróciła do nadawcy, a ja nic nie wiem.", C.NOT_DELIVERED),
    ("zamowienie mialo byc u mnie w piatek a nadal go nie ma", C.NOT_DELIVERED),
    ("The parcel is stuck at the depot for ten days.", C.NOT_DELIVERED),
    ("Chciałbym zrezygnować z zamówienia, bo znalazłem taniej.", C.RETURN),
    ("Zwracam bluzę w ramach 14 dni, nie przypadła mi do gustu.", C.RETURN),
    ("Czy mogę odesłać nierozpakowany blender?", C.RETURN),
    ("I'd like to cancel the order and return the item unopened.", C.RETURN),
    ("Zwrot przyjęliście 10 dni temu, pieniędzy wciąż nie ma na koncie.", C.REFUND),
    ("Dostałem zwrot tylko za jeden produkt z dwóch odesłanych.", C.REFUND),
    ("odeslalem towar miesiac temu i nadal czekam na kase", C.REFUND),
    ("Your email said the refund was issued, but nothing has reached my bank.", C.REFUND),
    ("Zapłaciłam kartą, a zamówienie pokazuje, że czeka na płatność.", C.BILLING),
    ("Na paragonie jest inna kwota niż na fakturze.", C.BILLING),
    ("Pobraliście opłatę za dostawę, choć zamówienie było powyżej 200 zł.", C.BILLING),
    ("There is an extra shipping charge on my invoice I didn't agree to.", C.BILLING),
    ("Czy mogę odebrać zamówienie w sklepie w Pruszkowie?", C.OTHER),
    ("Jak długo trwa wysyłka do Niemiec?", C.OTHER),
    ("Czy ten garnek nadaje się na indukcję?", C.OTHER),
    ("Chciałabym złożyć skargę na zachowanie kuriera, był bardzo niemiły.", C.OTHER),
    ("How long is the warranty on the coffee machine?", C.OTHER),
]


@pytest.mark.parametrize(("text", "category"), MORE_CATEGORY_CASES)
def test_more_category_paraphrases(
    understanding: Understanding, text: str, category: Category
) -> None:
    findings = understand(mail(text), HUMAN, understanding)
    assert findings.category is category, findings.explanation


MORE_RESOLUTION_CASES = [
    ("Proszę o przelanie pieniędzy na moje konto.", R.REFUND),
    ("Chcę pieniądze, nie kolejny wadliwy egzemplarz.", R.REFUND),
    ("zwroccie kase za ten szmelc", R.REFUND),
    ("I'd like my money returned, please.", R.REFUND),
    ("Proszę o wymianę towaru na pełnowartościowy.", R.REPLACEMENT),
    ("Proszę dosłać brakujący element.", R.REPLACEMENT),
    ("Wolę dostać nowy egzemplarz niż pieniądze.", R.REPLACEMENT),
    ("Could you send a replacement unit?", R.REPLACEMENT),
    ("Please ship the missing part.", R.REPLACEMENT),
    ("Proszę o przyjęcie sprzętu do naprawy.", R.REPAIR),
    ("Czy da się to naprawić na gwarancji?", R.REPAIR),
    ("I'd like it repaired rather than replaced.", R.REPAIR),
    ("Zostawię sobie ten towar, jeśli dostanę zniżkę 20%.", R.DISCOUNT),
    ("Proszę o częściowy zwrot, bo rysa jest niewielka.", R.DISCOUNT),
    ("I'm happy to keep it with a discount.", R.DISCOUNT),
    ("Would a partial refund be possible? I'd keep the chair.", R.DISCOUNT),
    ("Proszę o informację, co dalej.", None),
    ("Let me know what happens next.", None),
    ("Domagam się zwrotu pieniędzy.", R.REFUND),
    ("proszę zwrócić mi 120 zł", R.REFUND),
    ("Proszę o przesłanie nowego egzemplarza na mój adres.", R.REPLACEMENT),
    ("Proszę o wymianę na sprawny.", R.REPLACEMENT),
    ("Oddaję do naprawy gwarancyjnej.", R.REPAIR),
    ("Proszę o rabat 15%, wtedy zatrzymam.", R.DISCOUNT),
    ("I want a replacement, not a refund.", R.REPLACEMENT),
    ("Please refund me rather than send another one.", R.REFUND),
]


@pytest.mark.parametrize(("text", "resolution"), MORE_RESOLUTION_CASES)
def test_more_resolution_paraphrases(
    understanding: Understanding, text: str, resolution: Resolution | None
) -> None:
    assert understand(mail(text), HUMAN, understanding).resolution is resolution


MORE_KIND_CASES = [
    (
        "Minęły trzy tygodnie od zgłoszenia reklamacji i nadal nie wiem, czy została uznana.",
        {},
        Kind.STATUS_QUERY,
    ),
    ("Czy reklamacja RK/2027/01/0222 została już rozpatrzona?", {}, Kind.STATUS_QUERY),
    ("Dzień dobry, chciałam zapytać, na jakim etapie jest moje zgłoszenie.", {}, Kind.STATUS_QUERY),
    (
        "Any progress with my claim? It's been two weeks.",
        {"subject": "Re: Claim 512345", "in_reply_to": "<x@s>"},
        Kind.STATUS_QUERY,
    ),
    ("Is there any update regarding my complaint from January?", {}, Kind.STATUS_QUERY),
    (
        "Nowy czajnik też przecieka. Proszę o zwrot.",
        {"subject": "Re: Reklamacja RK/2027/01/0101", "in_reply_to": "<x@s>"},
        Kind.COMPLAINT,
    ),
    (
        "Thanks, but the replacement is the wrong size again.",
        {"subject": "Re: Your replacement", "in_reply_to": "<x@s>"},
        Kind.COMPLAINT,
    ),
    (
        "Przesyłka dotarła, ale jest uszkodzona.",
        {"subject": "Re: Zamówienie wysłane", "in_reply_to": "<x@s>"},
        Kind.COMPLAINT,
    ),
]


@pytest.mark.parametrize(("text", "headers", "kind"), MORE_KIND_CASES)
def test_more_status_or_complaint(
    understanding: Understanding, text: str, headers: dict[str, str], kind: Kind
) -> None:
    assert understand(mail(text, **headers), HUMAN, understanding).kind is kind


SHOP_DISPATCH = (
    "Dzień dobry,\nTwoje zamówienie 612345 zostało przekazane kurierowi.\nPozdrawiamy\nSklep Domowy"
)
SHOP_ACK = (
    "Dzień dobry,\nprzyjęliśmy reklamację RK/2027/02/0044. Odpowiemy w "
    "ciągu 14 dni.\nAnna Nowak\nDział Reklamacji"
)
# Whole mails: subject, greeting, signature with company and NIP, quoted shop text.
WHOLE_MAILS = [
    (
        (
            "Dzień dobry,\n\nw paczce z zamówienia 612345 szklany dzbanek był "
            "rozbity, a karton z jednej strony zgnieciony. Zdjęcia w załączniku.\n"
            "Proszę o przysłanie nowego dzbanka.\n\nPozdrawiam\n"
            "Krystyna Wilk\ntel. 600 111 222"
        ),
        {"subject": "Rozbity dzbanek", "sender_name": "Krystyna Wilk"},
        Kind.COMPLAINT,
        C.DAMAGED,
        R.REPLACEMENT,
        "Krystyna Wilk",
    ),
    (
        (
            "Witam, robot kuchenny od wczoraj nie chce się włączyć, dioda miga na "
            "czerwono. Kupiony 3 tygodnie temu. Proszę o naprawę lub wymianę.\n"
            "\nZ poważaniem\nJerzy Kaczmarek\nKaczmarek Serwis Sp. z o.o.\n"
            "NIP 123-456-78-90"
        ),
        {"subject": "reklamacja robota", "sender_name": "Biuro Kaczmarek"},
        Kind.COMPLAINT,
        C.DEFECTIVE,
        R.REPAIR,
        "Jerzy Kaczmarek",
    ),
    (
        "hej, zamawialam bluze w rozmiarze S a przyszla XL. prosze o wymiane na S\nola",
        {"subject": "zly rozmiar", "sender_name": "Aleksandra Pawlak"},
        Kind.COMPLAINT,
        C.WRONG_ITEM,
        R.REPLACEMENT,
        "Aleksandra Pawlak",
    ),
    (
        (
            "Hello,\nmy order arrived yesterday but the charger for the shaver "
            "wasn't included. Could you send it please?\n"
            "Thanks\nPeter Hall"
        ),
        {"subject": "Missing charger", "sender_name": "Peter Hall"},
        Kind.COMPLAINT,
        C.MISSING_ITEM,
        R.REPLACEMENT,
        "Peter Hall",
    ),
    (
        (
            "Dzień dobry, zamówienie 612345 złożyłam 12 dni temu i do dziś nie "
            "dostałam paczki, w śledzeniu od tygodnia ten sam status. Jeśli nie "
            "dotrze do końca tygodnia, proszę o zwrot pieniędzy.\n"
            "Marta Zając"
        ),
        {"subject": "Gdzie moja paczka?", "sender_name": "Marta Zając"},
        Kind.COMPLAINT,
        C.NOT_DELIVERED,
        R.REFUND,
        "Marta Zając",
    ),
    (
        (
            "Dzień dobry,\nodstępuję od umowy zakupu fotela (zam. 612345), w "
            "załączniku formularz. Fotel jest nieużywany. Proszę o zwrot pieniędzy "
            "na konto.\nZ poważaniem\nRobert Sikora"
        ),
        {"subject": "Odstąpienie od umowy", "sender_name": "Robert Sikora"},
        Kind.COMPLAINT,
        C.RETURN,
        R.REFUND,
        "Robert Sikora",
    ),
    (
        (
            "Dzień dobry,\n20 stycznia odesłałam Państwu buty (zamówienie 612345), "
            "paczka została odebrana 22.01. Do dziś nie otrzymałam zwrotu 259 zł.\n"
            "Proszę o pilny przelew.\nIwona Kamińska"
        ),
        {"subject": "Brak zwrotu pieniędzy", "sender_name": "Iwona Kamińska"},
        Kind.COMPLAINT,
        C.REFUND,
        R.REFUND,
        "Iwona Kamińska",
    ),
    (
        (
            "Dzień dobry,\nfaktura do zamówienia 612345 została wystawiona na "
            "osobę prywatną, a prosiłem o fakturę na firmę. Proszę o korektę.\n"
            "Pozdrawiam\nAdam Lis\nLis-Trans\nNIP 5261234567"
        ),
        {"subject": "Faktura na firmę", "sender_name": "Adam Lis"},
        Kind.COMPLAINT,
        C.BILLING,
        None,
        "Adam Lis",
    ),
    (
        (
            "Hi, I was charged twice for order 612345 (two payments of 149 PLN on "
            "my card statement). Please refund the duplicate payment.\n"
            "Regards,\nSusan Clarke"
        ),
        {"subject": "Double charge", "sender_name": "Susan Clarke"},
        Kind.COMPLAINT,
        C.BILLING,
        R.REFUND,
        "Susan Clarke",
    ),
    (
        (
            "Dzień dobry, czy sprzedajecie też wkłady do filtrów do dzbanka, który "
            "kupiłam w zeszłym miesiącu? Nie mogę ich znaleźć na stronie.\n"
            "Dziękuję\nEwa Maj"
        ),
        {"subject": "Pytanie o wkłady", "sender_name": "Ewa Maj"},
        Kind.COMPLAINT,
        C.OTHER,
        None,
        "Ewa Maj",
    ),
    (
        "Dziękuję bardzo za szybką wymianę czajnika, nowy działa bez zarzutu.\nPozdrawiam\nLeszek",
        {"subject": "Podziękowanie", "sender_name": "Leszek Wróbel"},
        Kind.COMPLAINT,
        C.OTHER,
        None,
        "Leszek Wróbel",
    ),
    (
        (
            "Thanks for the quick reply. The box is fine but one of the two lamps "
            "inside has a cracked base. Can you replace it?\n"
            "Best,\nAnna White"
        ),
        {
            "subject": "Re: Your order 612345 has been dispatched",
            "sender_name": "Anna White",
            "quoted": SHOP_DISPATCH,
            "in_reply_to": "<d@sklep.example>",
        },
        Kind.COMPLAINT,
        C.DAMAGED,
        R.REPLACEMENT,
        "Anna White",
    ),
    (
        (
            "Dzień dobry, minęły już trzy tygodnie, a ja nadal nie wiem, co z moją "
            "reklamacją. Proszę o informację.\nKrystyna Wilk"
        ),
        {
            "subject": "Re: Reklamacja RK/2027/02/0044",
            "sender_name": "Krystyna Wilk",
            "quoted": SHOP_ACK,
            "in_reply_to": "<a@sklep.example>",
        },
        Kind.STATUS_QUERY,
        None,
        None,
        "Krystyna Wilk",
    ),
    (
        (
            "Hello, could you let me know if my complaint has been looked at? It's "
            "been over two weeks.\nPeter"
        ),
        {
            "subject": "Re: Complaint RK/2027/02/0051",
            "sender_name": "Peter Hall",
            "in_reply_to": "<b@sklep.example>",
        },
        Kind.STATUS_QUERY,
        None,
        None,
        "Peter Hall",
    ),
    (
        (
            "Nowy czajnik, który przysłaliście w ramach reklamacji, też przecieka. "
            "Tym razem proszę o zwrot pieniędzy.\nKrystyna Wilk"
        ),
        {
            "subject": "Re: Reklamacja RK/2027/02/0044",
            "sender_name": "Krystyna Wilk",
            "quoted": SHOP_ACK,
            "in_reply_to": "<a@sklep.example>",
        },
        Kind.COMPLAINT,
        C.DEFECTIVE,
        R.REFUND,
        "Krystyna Wilk",
    ),
    (
        (
            "Sweter jest za mały, chciałabym wymienić go na rozmiar M. Metki są, "
            "nie był noszony.\nPozdrawiam, Basia Nowak"
        ),
        {"subject": "Wymiana rozmiaru", "sender_name": "Barbara Nowak"},
        Kind.COMPLAINT,
        C.RETURN,
        R.REPLACEMENT,
        "Barbara Nowak",
    ),
    (
        (
            "The sofa cushion arrived with a small tear on the seam. I'm happy to "
            "keep it if you can offer a discount.\nCheers,\n"
            "Tom Baker"
        ),
        {"subject": "Torn cushion", "sender_name": "Tom Baker"},
        Kind.COMPLAINT,
        C.DAMAGED,
        R.DISCOUNT,
        "Tom Baker",
    ),
    (
        (
            "Pralka wiruje z ogromnym hałasem i przesuwa się po łazience. Proszę o "
            "przysłanie serwisanta.\nMichał Zieliński"
        ),
        {"subject": "Głośna pralka", "sender_name": "Michał Zieliński"},
        Kind.COMPLAINT,
        C.DEFECTIVE,
        R.REPAIR,
        "Michał Zieliński",
    ),
    (
        "dzien dobry, zamiast 4 krzesel przyszly 3. prosze o doslanie brakujacego\nkrzysztof nowak",
        {"subject": "brak krzesla", "sender_name": ""},
        Kind.COMPLAINT,
        C.MISSING_ITEM,
        R.REPLACEMENT,
        None,
    ),
    (
        (
            "Good morning, I received someone else's parcel — it's addressed to a "
            "different person in Gdańsk. My own order 612345 hasn't come. What "
            "should I do?\nLaura Green"
        ),
        {"subject": "Wrong parcel delivered", "sender_name": "Laura Green"},
        Kind.COMPLAINT,
        C.WRONG_ITEM,
        None,
        "Laura Green",
    ),
]


@pytest.mark.parametrize(("text", "headers", "kind", "category", "resolution", "name"), WHOLE_MAILS)
def test_whole_mails(
    understanding: Understanding,
    text: str,
    headers: dict[str, str],
    kind: Kind,
    category: Category | None,
    resolution: Resolution | None,
    name: str | None,
) -> None:
    findings = understand(mail(text, **headers), HUMAN, understanding)
    assert findings.kind is kind, findings.explanation
    if kind is Kind.COMPLAINT:
        assert findings.category is category, findings.explanation
        assert findings.resolution is resolution, findings.explanation
    assert findings.customer_name == name


# Blind on their first run (15/18; the rules before: 12/18): status queries in many
# wordings, and complaints that look like them (a first mail asking 'any news?' about
# its money is a refund complaint: a status query concerns an existing complaint).
RE_PL = {
    "subject": "Re: Reklamacja RK/2027/03/0110 - zamówienie 634521",
    "in_reply_to": "<r@sklep.example>",
}
RE_EN = {"subject": "Re: Your complaint RK/2027/03/0111", "in_reply_to": "<r@sklep.example>"}
RE_ORDER = {"subject": "Re: Zamówienie 634521 zostało wysłane", "in_reply_to": "<o@sklep.example>"}
STATUS_OR_COMPLAINT = [
    (
        (
            "Dzień dobry, czy mogę prosić o informację, jak przebiega "
            "rozpatrywanie mojej reklamacji?"
        ),
        {},
        Kind.STATUS_QUERY,
    ),
    (
        (
            "Witam, piszę w sprawie reklamacji RK/2027/03/0110. Minęło już 15 dni, "
            "a ja nie dostałam żadnej odpowiedzi."
        ),
        {},
        Kind.STATUS_QUERY,
    ),
    ("Czy reklamacja została uznana? Czekam już trzeci tydzień.", RE_PL, Kind.STATUS_QUERY),
    ("Kiedy mogę spodziewać się odpowiedzi w sprawie mojego zgłoszenia?", RE_PL, Kind.STATUS_QUERY),
    (
        ("Ponawiam pytanie z zeszłego tygodnia - co z moją reklamacją odkurzacza?"),
        {},
        Kind.STATUS_QUERY,
    ),
    ("Halo? Nikt mi nie odpisuje od dwóch tygodni.", RE_PL, Kind.STATUS_QUERY),
    ("czy cos juz wiadomo w mojej sprawie?", RE_PL, Kind.STATUS_QUERY),
    ("Hi, just checking in on my complaint - has a decision been made?", RE_EN, Kind.STATUS_QUERY),
    (
        ("Hello, I still haven't heard anything back about my claim. Could you give me an update?"),
        {},
        Kind.STATUS_QUERY,
    ),
    ("Is there any news on the replacement you promised?", RE_EN, Kind.STATUS_QUERY),
    ("Could you confirm whether my complaint has been accepted?", RE_EN, Kind.STATUS_QUERY),
    (
        (
            "Dzień dobry, trzy tygodnie temu odesłałam kurtkę, a pieniądze jeszcze "
            "nie wróciły. Proszę o szybki zwrot."
        ),
        {},
        Kind.COMPLAINT,
    ),
    ("Minęło 10 dni od zamówienia, a paczki dalej nie ma. Co się dzieje?", {}, Kind.COMPLAINT),
    (
        (
            "Dziękuję za odpowiedź, ale wymieniony czajnik również przecieka. "
            "Proszę tym razem o zwrot pieniędzy."
        ),
        RE_PL,
        Kind.COMPLAINT,
    ),
    ("Paczka doszła, ale brakuje w niej ładowarki.", RE_ORDER, Kind.COMPLAINT),
    (
        ("Thanks. Unfortunately the new blender you sent is also broken - the jug is cracked."),
        RE_EN,
        Kind.COMPLAINT,
    ),
    (
        ("Hello, I returned the dress two weeks ago and still have no refund. Any news?"),
        {},
        Kind.COMPLAINT,
    ),
    ("Witam, mam pytanie: czy mogę jeszcze zwrócić buty kupione 10 dni temu?", {}, Kind.COMPLAINT),
]


@pytest.mark.parametrize(("text", "headers", "kind"), STATUS_OR_COMPLAINT)
def test_status_query_needs_an_existing_complaint(
    understanding: Understanding, text: str, headers: dict[str, str], kind: Kind
) -> None:
    findings = understand(mail(text, **headers), HUMAN, understanding)
    assert findings.kind is kind, findings.explanation


# Blind on their first run (11/14; the rules before: 10/14): titles, apostrophes,
# surname-first display names, diminutives, device lines, two names in one signature.
NAME_BODY = "Czajnik nie działa, proszę o wymianę."
SIGNATURES = [
    (NAME_BODY + "\n\nPozdrawiam, Anna", "Anna Zielińska", "Anna Zielińska"),
    (NAME_BODY + "\n\nPozdrawiam\nmgr inż. Jan Kowalski", "", "Jan Kowalski"),
    (NAME_BODY + "\n\nZ poważaniem\nDr Anna Nowak", "", "Anna Nowak"),
    (NAME_BODY + "\n\n--\nMarek Wiśniewski\ntel. 601 222 333", "", "Marek Wiśniewski"),
    (
        NAME_BODY + "\n\nDziękuję,\nKatarzyna Lewandowska-Nowak",
        "Kasia",
        "Katarzyna Lewandowska-Nowak",
    ),
    (NAME_BODY + "\n\nPozdrawiam\nPiotr Nowak, tel. 600 100 200", "Piotr Nowak", "Piotr Nowak"),
    (NAME_BODY + "", "Kowalczyk Marta", "Kowalczyk Marta"),
    (NAME_BODY + "\n\nMarta Kowalczyk", "Kowalczyk Marta", "Marta Kowalczyk"),
    ("The kettle doesn't work.\n\nKind regards,\nJames O'Connor", "", "James O'Connor"),
    ("The kettle doesn't work.\n\nThanks, Sarah", "Sarah Miles", "Sarah Miles"),
    ("The kettle doesn't work.\n\nBest wishes\nLiz Taylor", "Elizabeth Taylor", "Elizabeth Taylor"),
    (NAME_BODY + "\n\nPozdrawiam\nGosia", "Małgorzata Kwiatkowska", "Małgorzata Kwiatkowska"),
    (NAME_BODY + "\n\nWysłane z mojego Samsunga", "Tomasz Mazur", "Tomasz Mazur"),
    (NAME_BODY + "\n\nPozdrawiam serdecznie\nZofia i Adam Król", "Zofia Król", "Zofia Król"),
]


@pytest.mark.parametrize(("text", "sender_name", "name"), SIGNATURES)
def test_signatures_and_display_names(
    understanding: Understanding, text: str, sender_name: str, name: str
) -> None:
    findings = understand(mail(text, sender_name=sender_name), HUMAN, understanding)
    assert findings.customer_name == name

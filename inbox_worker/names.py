"""Find the customer's name: a full name signed under the text beats the From display name.

Order of preference (the labelling conventions of the corpus): a signed full name; a full
display name of a person (not a company or system); a signed first name or nickname; a
one-word display name; otherwise none. Only the sender's own text is read for signatures,
so staff names in quoted shop mail never count. Spelling is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from inbox_worker.language import fold
from inbox_worker.rules import NameRules

_UPPER, _LOWER = "A-ZĄĆĘŁŃÓŚŹŻÀ-ÖØ-Þ", "a-ząćęłńóśźżà-öø-ÿ"
# "Kowalska", "Lewandowska-Nowak", and the prefixed "O'Connor", "McDonald", "D'Angelo".
_NAME_WORD = re.compile(
    rf"^(?:Mc|Mac|O['’]|D['’])?[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}]+)?$"
)
_INITIAL = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ]\.?$")
_SIGNATURE_LINES = 8
_BLOCK_LINES = 10  # how far up from the end a closing phrase may start the signature
_BLOCK_WIDTH = 80


@dataclass(frozen=True)
class NameGuess:
    name: str | None
    reason: str


def is_person_name(text: str, rules: NameRules, allow_initial: bool = False) -> bool:
    """True for 1-3 capitalised words with no digits, not a greeting or company."""
    words = text.split()
    if not 1 <= len(words) <= 3 or fold(text) in rules.not_names:
        return False
    if any(fold(word).strip(".,") in rules.organisation_words for word in words):
        return False
    if allow_initial and len(words) == 2 and _INITIAL.match(words[0]):
        return bool(_NAME_WORD.match(words[1]))
    return all(_NAME_WORD.match(word) for word in words)


def is_organisation(display_name: str, rules: NameRules) -> bool:
    folded = fold(display_name)
    if any(ch.isdigit() for ch in folded) or "@" in folded:
        return True
    words = re.findall(r"[\w.&-]+", folded)
    return any(word in rules.organisation_words for word in words) or " - " in display_name


def signature(text: str, rules: NameRules) -> str | None:
    """The name signed at the end of ``text`` (after a closing phrase, or on its own line)."""
    lines = [line.strip().rstrip(",") for line in text.strip().splitlines()]
    lines = [line for line in lines if line and not line.startswith(">")]
    tail = [line for line in lines[-_SIGNATURE_LINES:] if not _is_device_line(line, rules)]
    closings = {fold(c).rstrip(",.!") for c in rules.closings}
    for index, line in enumerate(tail):
        if fold(line).rstrip(",.!") in closings and index + 1 < len(tail):
            candidate = _without_titles(_name_part(tail[index + 1]), rules)
            if is_person_name(candidate, rules, allow_initial=True):
                return candidate
    for line in reversed(tail[-3:]):
        candidate = _without_titles(_name_part(line), rules)
        if is_person_name(candidate, rules, allow_initial=True) and len(lines) > 1:
            return candidate
        if _closing_then_name(line, closings, rules):
            return _closing_then_name(line, closings, rules)
    return None


def _without_titles(candidate: str, rules: NameRules) -> str:
    """'mgr inż. Jan Kowalski' → 'Jan Kowalski': titles are not part of the name."""
    words = candidate.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in rules.titles:
        words = words[1:]
    return " ".join(words)


def _name_part(line: str) -> str:
    """Drop a trailing role or phone: 'Tomasz Kowalski, kierownik' → 'Tomasz Kowalski'."""
    return re.split(r"\s*[,|–—]\s*|\s+-\s+|\s+tel\.", line, maxsplit=1)[0].strip()


def _closing_then_name(line: str, closings: set[str], rules: NameRules) -> str | None:
    """'Pozdrawiam Krzysztof Wróblewski' or 'Z poważaniem Jan Kowalski' on one line."""
    folded = fold(line)
    for closing in sorted(closings, key=len, reverse=True):
        if folded.startswith(closing + " "):
            rest = _without_titles(line[len(closing) :].strip(" ,"), rules)
            if is_person_name(rest, rules):
                return rest
    return None


def _is_device_line(line: str, rules: NameRules) -> bool:
    folded = fold(line)
    return any(folded.startswith(fold(d)) for d in rules.device_signatures) or line == "--"


def customer_name(
    display_name: str, texts: Sequence[str], rules: NameRules, system_sender: bool = False
) -> NameGuess:
    """Choose between the signatures in ``texts`` (first found) and the display name."""
    if system_sender:
        return NameGuess(None, "system sender")
    signed = next((s for s in (signature(t, rules) for t in texts) if s), None)
    display = display_name.strip().strip('"').strip()
    person = display if display and not is_organisation(display, rules) else ""
    if person and not is_person_name(person, rules, allow_initial=True):
        person = person if len(person.split()) <= 3 and not any(c.isdigit() for c in person) else ""
    full_display = bool(person) and len(person.split()) >= 2 and not _abbreviated(person)
    if signed and len(signed.split()) >= 2 and not (_abbreviated(signed) and full_display):
        if person and _diminutive_of(signed, person, rules):
            return NameGuess(person, "From display name: the signature has its diminutive")
        return NameGuess(signed, "full name in the signature")
    if full_display:
        return NameGuess(person, "From display name")
    if signed:
        return NameGuess(signed, "first name in the signature")
    if person:
        return NameGuess(person, "short From display name")
    return NameGuess(None, "no display name and no signature")


def _diminutive_of(signed: str, display: str, rules: NameRules) -> bool:
    """'Kasia Nowicka' signed under 'Katarzyna Nowicka': same surname, a diminutive first."""
    short, full = fold(signed).split(), fold(display).split()
    if len(full) < 2 or short[-1] != full[-1] or short[0] == full[0]:
        return False
    return full[0] in rules.diminutives.get(short[0], frozenset())


def without_signature(text: str, rules: NameRules) -> str:
    """``text`` up to the closing phrase of its signature block.

    Company names, NIP, addresses and job titles under "Pozdrawiam" are not what the
    customer says about the problem. Only a short block of short lines counts as a
    signature; anything longer after the closing is kept (a P.S. is content).
    """
    lines = text.rstrip().splitlines()
    closings = {fold(c).rstrip(",.!") for c in rules.closings}
    for index in range(len(lines) - 1, max(len(lines) - _BLOCK_LINES, 0) - 1, -1):
        line = lines[index].strip()
        if fold(line).rstrip(",.!") in closings or _closing_then_name(line, closings, rules):
            tail = lines[index + 1 :]
            if index > 0 and all(len(rest) <= _BLOCK_WIDTH for rest in tail):
                return "\n".join(lines[:index])
            break
    return text


def _abbreviated(name: str) -> bool:
    """'Michal W' or 'H. Szulc' are not full names."""
    return any(len(word.rstrip(".")) == 1 for word in name.split())

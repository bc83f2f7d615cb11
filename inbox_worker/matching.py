"""Turn phrase-matcher output into ``Hit`` records: how a match counts in its sentence.

Used by ``nlp.Understanding.analyse``. Handles what a bare phrase matcher cannot: groups of
a ``together`` rule within a window of words (optionally in order), neutral phrases that
hide category words, one count per mention, negation (with Polish negative concord),
requests, conditions, and alternatives that turn a resolution down.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from inbox_worker.rules import NEUTRAL, Markers, PhraseRule

_CLAUSE_BREAKS = frozenset(',;:()[]–—-!?."„”“')


@dataclass(frozen=True)
class Hit:
    """One rule match in one text: where, what, how strong, and in what setting."""

    rule: str
    family: str  # category | resolution | kind
    target: str
    weight: float
    text: str
    start: int
    negated: bool
    request: bool
    conditional: bool
    remedy: bool = False
    when_category: tuple[str, ...] = ()


def find_hits(
    doc: Doc, matcher: PhraseMatcher, rules: dict[str, PhraseRule], markers: Markers
) -> list[Hit]:
    strings = doc.vocab.strings
    found: dict[str, list[tuple[int, int]]] = {}
    for match_id, start, end in matcher(doc):
        found.setdefault(strings[match_id], []).append((start, end))
    found = _without_neutral(found, rules)
    spans: list[tuple[PhraseRule, int, int]] = []
    for key, positions in found.items():
        name, part = key.split("|", 1)
        rule = rules[name]
        if part == "p":
            spans += [(rule, s, e) for s, e in positions]
    words: list[int] = []
    for rule in rules.values():
        if rule.together and all(f"{rule.name}|g{i}" in found for i in range(len(rule.together))):
            words = words or _word_positions(doc)
            spans += _together(rule, found, words)
    spans = _drop_contained(spans)
    return [_hit(doc, rule, start, end, markers) for rule, start, end in spans]


def _without_neutral(
    found: dict[str, list[tuple[int, int]]], rules: dict[str, PhraseRule]
) -> dict[str, list[tuple[int, int]]]:
    """Drop category matches that lie inside a neutral phrase ("brak odpowiedzi" ⊃ "brak")."""
    neutral = [
        span
        for key, positions in found.items()
        if rules[key.split("|", 1)[0]].target == NEUTRAL
        for span in positions
    ]
    if not neutral:
        return found
    kept: dict[str, list[tuple[int, int]]] = {}
    for key, positions in found.items():
        rule = rules[key.split("|", 1)[0]]
        if family_of(rule) == "category" and rule.target != NEUTRAL:
            positions = [
                (s, e) for s, e in positions if not any(n <= s and e <= m for n, m in neutral)
            ]
        if positions:
            kept[key] = positions
    return kept


def _word_positions(doc: Doc) -> list[int]:
    """Token index → index among words, so punctuation and spaces do not use up a window."""
    positions, count = [], 0
    for token in doc:
        positions.append(count)
        if not (token.is_punct or token.is_space):
            count += 1
    return positions


def _together(
    rule: PhraseRule, found: dict[str, list[tuple[int, int]]], words: Sequence[int]
) -> list[tuple[PhraseRule, int, int]]:
    groups = [found.get(f"{rule.name}|g{i}", []) for i in range(len(rule.together))]
    if not all(groups):
        return []
    out: list[tuple[PhraseRule, int, int]] = []
    for first in groups[0]:
        ends = [first]
        for group in groups[1:]:
            near = [
                g
                for g in group
                if abs(words[g[0]] - words[first[0]]) <= rule.window
                and g != first
                and (not rule.ordered or g[0] >= ends[-1][1])
            ]
            if not near:
                break
            ends.append(min(near, key=lambda g: abs(g[0] - first[0])))
        else:
            out.append((rule, min(s for s, _ in ends), max(e for _, e in ends)))
    return out


def _drop_contained(spans: list[tuple[PhraseRule, int, int]]) -> list[tuple[PhraseRule, int, int]]:
    """Count each piece of text once.

    A longer *phrase* of one family hides shorter matches inside it, whatever they vote
    for ("brak zwrotu" ⊃ "brak"). Overlapping matches that vote for the same target count
    once: the strongest, then the longest ("wystawienie faktury" and "faktury
    korygującej" are one mention of an invoice).
    """
    phrases = [(r, s, e) for r, s, e in spans if not r.together]
    lexical = [
        (rule, start, end)
        for rule, start, end in spans
        if not any(
            _competes(r, rule) and s <= start and end <= e and (s, e) != (start, end)
            for r, s, e in phrases
        )
    ]
    kept: list[tuple[PhraseRule, int, int]] = []
    for rule, start, end in sorted(lexical, key=lambda x: (-x[0].weight, x[1] - x[2], x[1])):
        if not any(
            family_of(r) == family_of(rule) and r.target == rule.target and s < end and start < e
            for r, s, e in kept
        ):
            kept.append((rule, start, end))
    return sorted(kept, key=lambda x: x[1])


def _competes(one: PhraseRule, other: PhraseRule) -> bool:
    """Matches that answer the same question: categories hide each other ("brak zwrotu"
    ⊃ "brak"), so do resolutions; kind signals only within one kind (a status question
    may contain the mention of the complaint it is about)."""
    if family_of(one) != family_of(other):
        return False
    return family_of(one) != "kind" or one.target == other.target


def family_of(rule: PhraseRule) -> str:
    return _family_of_source(rule.source)


@functools.lru_cache(maxsize=1024)
def _family_of_source(source: str) -> str:
    name = source.split(":", 1)[0]
    return {"categories.toml": "category", "resolutions.toml": "resolution"}.get(name, "kind")


def _hit(doc: Doc, rule: PhraseRule, start: int, end: int, markers: Markers) -> Hit:
    span = doc[start:end]
    sentence = _sentence(doc, start, end)
    norms = {token.norm_ for token in sentence}
    asks = [t for t in sentence if t.norm_ in markers.requests]
    refusals = [t for t in asks if t.i > 0 and doc[t.i - 1].norm_ in markers.negators]
    # "Nie chcę kolejnego egzemplarza": a refused request cancels what follows it.
    refused = family_of(rule) == "resolution" and (
        any(
            t.i < start and not any(_breaks(doc[i], markers) for i in range(t.i, start))
            for t in refusals
        )
        or _preceded_by(doc, start, markers.alternatives, markers, 3, markers.requests)
    )
    return Hit(
        rule=rule.name,
        family=family_of(rule),
        target=rule.target,
        weight=rule.weight,
        text=span.text[:80],
        start=span.start_char,
        negated=rule.negatable and (refused or _negated(doc, start, markers)),
        request=len(asks) > len(refusals),
        conditional=bool(norms & markers.conditions),
        remedy=rule.remedy,
        when_category=rule.when_category,
    )


def _breaks(token: Token, markers: Markers) -> bool:
    return token.text in _CLAUSE_BREAKS or token.norm_ in markers.breaks or "\n" in token.text


def _sentence(doc: Doc, start: int, end: int) -> Span:
    left = start
    while left > 0 and not _ends_sentence(doc[left - 1]):
        left -= 1
    right = end
    while right < len(doc) and not _ends_sentence(doc[right - 1]):
        right += 1
    return doc[left:right]


def _ends_sentence(token: Any) -> bool:
    return bool(token.text in {".", "!", "?"} or (token.is_space and "\n\n" in token.text))


def _negated(doc: Doc, start: int, markers: Markers) -> bool:
    # Polish negative concord: in "nic nie dotarło" the "nic" does not undo the "nie" the
    # phrase starts with; a phrase that carries its own negation is never negated again.
    if doc[start].norm_ in markers.negators:
        return False
    return _preceded_by(doc, start, markers.negators, markers, 4)


def _preceded_by(
    doc: Doc,
    start: int,
    words: frozenset[str],
    markers: Markers,
    distance: int,
    stops: frozenset[str] = frozenset(),
) -> bool:
    """One of ``words`` within ``distance`` tokens before ``start``, in the same clause.

    ``stops`` end the search like a clause break ("zamiast wymiany *wolę* obniżkę").
    """
    for index in range(start - 1, max(start - distance - 1, -1), -1):
        token = doc[index]
        if token.norm_ in words or token.lower_ in words:
            return True
        if _breaks(token, markers) or token.norm_ in stops:
            return False
    return False

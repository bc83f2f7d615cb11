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

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

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
    """Every counting match of a rule in ``doc``, with its setting (negated, request ...)."""
    strings = doc.vocab.strings
    found: dict[str, list[tuple[int, int]]] = {}
    for match_id, start, end in matcher(doc):
        found.setdefault(strings[match_id], []).append((start, end))
    found = _without_neutral(found, rules)
    spans: list[tuple[PhraseRule, int, int]] = []
    first_groups = set()
    for key, positions in found.items():
        name, part = key.split("|", 1)
        if part == "p":
            rule = rules[name]
            spans += [(rule, s, e) for s, e in positions]
        elif part == "g0":
            first_groups.add(name)
    tokens: _Tokens | None = None
    for rule in rules.values():  # in file order, so ties resolve the same way every time
        if rule.name in first_groups and all(k in found for k in _group_keys(rule)):
            tokens = tokens or _Tokens.of(doc, markers)
            spans += _together(rule, found, tokens.words)
    spans = _drop_contained(spans)
    if not spans:
        return []
    tokens = tokens or _Tokens.of(doc, markers)
    return [_hit(doc, tokens, rule, start, end, markers) for rule, start, end in spans]


_GROUP_KEYS: dict[tuple[str, int], tuple[str, ...]] = {}


def _group_keys(rule: PhraseRule) -> tuple[str, ...]:
    """Matcher keys of a rule's groups, built once per rule (a dataclass hash would cost more)."""
    key = (rule.name, len(rule.together))
    keys = _GROUP_KEYS.get(key)
    if keys is None:
        keys = _GROUP_KEYS[key] = tuple(f"{rule.name}|g{i}" for i in range(key[1]))
    return keys


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
            s <= start and end <= e and (s, e) != (start, end) and _competes(r, rule)
            for r, s, e in phrases
        )
    ]
    kept: list[tuple[PhraseRule, int, int]] = []
    for rule, start, end in sorted(lexical, key=lambda x: (-x[0].weight, x[1] - x[2], x[1])):
        if not any(
            s < end and start < e and r.target == rule.target and family_of(r) == family_of(rule)
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


_SENTENCE_ENDS = frozenset([".", "!", "?"])


@dataclass(frozen=True)
class _Tokens:
    """Per-token facts of one doc, read in one pass: hits look at their sentence often."""

    norm: list[str]
    lower: list[str]
    breaks: list[bool]  # ends a clause: punctuation, "ale", a line break
    ends: list[bool]  # ends a sentence: . ! ? or a blank line
    words: list[int]  # index among words, so punctuation does not use up a window

    @classmethod
    def of(cls, doc: Doc, markers: Markers) -> _Tokens:
        tokens = cls([], [], [], [], [])
        count = 0
        for token in doc:
            text, norm, space = token.text, token.norm_, token.is_space
            tokens.norm.append(norm)
            tokens.lower.append(token.lower_)
            tokens.breaks.append(text in _CLAUSE_BREAKS or norm in markers.breaks or "\n" in text)
            tokens.ends.append(text in _SENTENCE_ENDS or (space and "\n\n" in text))
            tokens.words.append(count)
            if not (token.is_punct or space):
                count += 1
        return tokens

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        left = start
        while left > 0 and not self.ends[left - 1]:
            left -= 1
        right = end
        while right < len(self.ends) and not self.ends[right - 1]:
            right += 1
        return left, right


def _hit(
    doc: Doc, tokens: _Tokens, rule: PhraseRule, start: int, end: int, markers: Markers
) -> Hit:
    left, right = tokens.sentence(start, end)
    norms = tokens.norm[left:right]
    asks = [i for i in range(left, right) if tokens.norm[i] in markers.requests]
    refusals = [i for i in asks if i > 0 and tokens.norm[i - 1] in markers.negators]
    # "Nie chcę kolejnego egzemplarza": a refused request cancels what follows it.
    refused = family_of(rule) == "resolution" and (
        any(i < start and not any(tokens.breaks[i:start]) for i in refusals)
        or _preceded_by(tokens, start, markers.alternatives, 3, markers.requests)
    )
    return Hit(
        rule=rule.name,
        family=family_of(rule),
        target=rule.target,
        weight=rule.weight,
        text=doc[start:end].text[:80],
        start=doc[start].idx,
        negated=rule.negatable and (refused or _negated(tokens, start, markers)),
        request=len(asks) > len(refusals),
        conditional=not markers.conditions.isdisjoint(norms),
        remedy=rule.remedy,
        when_category=rule.when_category,
    )


def _negated(tokens: _Tokens, start: int, markers: Markers) -> bool:
    # Polish negative concord: in "nic nie dotarło" the "nic" does not undo the "nie" the
    # phrase starts with; a phrase that carries its own negation is never negated again.
    if tokens.norm[start] in markers.negators:
        return False
    return _preceded_by(tokens, start, markers.negators, 4)


def _preceded_by(
    tokens: _Tokens,
    start: int,
    words: frozenset[str],
    distance: int,
    stops: frozenset[str] = frozenset(),
) -> bool:
    """One of ``words`` within ``distance`` tokens before ``start``, in the same clause.

    ``stops`` end the search like a clause break ("zamiast wymiany *wolę* obniżkę").
    """
    for index in range(start - 1, max(start - distance - 1, -1), -1):
        if tokens.norm[index] in words or tokens.lower[index] in words:
            return True
        if tokens.breaks[index] or tokens.norm[index] in stops:
            return False
    return False

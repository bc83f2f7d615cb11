"""Build the language pipelines once per process and match the rules of ``rules/`` on text.

``load`` returns an ``Understanding``: blank spaCy pipelines for pl and en with our own
components (a merge of amounts, dates and order references into single tokens, and a
lemmatizer that sets ``token.lemma_`` and the folded lemma in ``token.norm_``), one
``PhraseMatcher`` on ``NORM`` per language built from every phrase rule, and the pl/en
guesser. ``Understanding.analyse`` returns plain ``Hit`` records; no spaCy object leaves
this module.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from inbox_worker.errors import RulesError
from inbox_worker.language import LanguageGuesser
from inbox_worker.lemmas import EnglishLemmatizer, PolishLemmatizer, Reading
from inbox_worker.orders import OrderFinder
from inbox_worker.rules import NEUTRAL, Markers, PhraseRule, RuleSet, load_rules

MAX_ANALYSED_CHARS = 6000
_MAX_VARIANTS = 24
_AMOUNT = (
    r"(?:[€$£]\s?\d[\d ,.]*\d|\d{1,3}(?:[  ]\d{3})*(?:[.,]\d{1,2})?\s?"
    r"(?:zł|zl|PLN|pln|EUR|eur|euro|USD|GBP)\b)"
)
_DATE = r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
_CLAUSE_BREAKS = frozenset(',;:()[]–—-!?."„”“')
PLACEHOLDERS = ("__amount__", "__date__", "__order__")


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


@dataclass(frozen=True)
class Understanding:
    """Everything ``extract.understand`` needs, built once by ``load``."""

    rules: RuleSet
    order_pattern: re.Pattern[str]
    guesser: LanguageGuesser
    orders: OrderFinder
    _pipelines: dict[str, Language]
    _matchers: dict[str, PhraseMatcher]
    _rules_by_name: dict[str, PhraseRule]

    def analyse(self, text: str, language: str) -> list[Hit]:
        """Match every phrase rule of ``language`` on ``text`` (capped); return the hits."""
        lang = language if language in self._pipelines else "pl"
        doc = self._pipelines[lang](text[:MAX_ANALYSED_CHARS])
        return _hits(
            doc, self._matchers[lang], self._rules_by_name, self.rules.language.markers[lang]
        )

    def lemmas(self, text: str, language: str) -> list[tuple[str, str]]:
        """(token, lemma) pairs, for tests and explanations."""
        doc = self._pipelines.get(language, self._pipelines["pl"])(text[:MAX_ANALYSED_CHARS])
        return [(token.text, token.lemma_) for token in doc if not token.is_space]


def load(rules_dir: Path, order_number_pattern: str = r"[1-9][0-9]{5}") -> Understanding:
    """Build the pipelines and matchers from ``rules_dir``.

    Raises ``RulesError`` naming file and line for invalid rules, or for an order-number
    pattern that does not compile.
    """
    rules = load_rules(rules_dir)
    try:
        order_pattern = re.compile(order_number_pattern)
    except re.error as exc:
        raise RulesError(f"order_number_pattern: not a valid regular expression: {exc}") from None
    polish, english = PolishLemmatizer(), EnglishLemmatizer()
    pipelines = {
        "pl": _pipeline("pl", polish, rules.language.abbreviations, order_number_pattern),
        "en": _pipeline("en", english, (), order_number_pattern),
    }
    by_name = {rule.name: rule for rule in rules.phrase_rules}
    polish.learn_vocabulary(_vocabulary(pipelines["pl"], rules.phrase_rules))
    matchers = {
        lang: _matcher(pipelines[lang], rules.phrase_rules, lang, lemmatizer)
        for lang, lemmatizer in (("pl", polish), ("en", english))
    }
    return Understanding(
        rules=rules,
        order_pattern=order_pattern,
        guesser=LanguageGuesser(rules.language.function_words),
        orders=OrderFinder(
            rules.orders,
            order_pattern,
            polish.forms(rules.orders.cue_lemmas),
            polish.forms(rules.orders.distractor_lemmas),
        ),
        _pipelines=pipelines,
        _matchers=matchers,
        _rules_by_name=by_name,
    )


class _Lemmatize:
    """spaCy component: ``lemma_`` from the lemmatizer, folded lemma into ``norm_``."""

    def __init__(self) -> None:
        self.lemmatizer: PolishLemmatizer | EnglishLemmatizer = EnglishLemmatizer()

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.norm_ in PLACEHOLDERS or token.is_space:
                continue
            if token.is_punct or token.like_num:
                token.norm_ = token.lower_
                continue
            reading = self.lemmatizer.lemma(token.text)
            token.lemma_ = reading.lemma
            token.norm_ = reading.norm
        return doc


class _MergeRefs:
    """spaCy component: amounts, dates and order references become single tokens."""

    def __init__(self, order_pattern: str) -> None:
        order = (
            r"(?:\b(?:ZAM|zam|Zam)[-/.]?|#)?(?<!\d)(?<!\d[ \u00a0])"
            rf"(?:{order_pattern}|\d{{3}}[ \u00a0]\d{{3}})(?![ \u00a0]?\d)"
        )
        self.patterns = [
            (re.compile(_AMOUNT), "__amount__"),
            (re.compile(_DATE), "__date__"),
            (re.compile(order), "__order__"),
        ]

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # built anew on every access: read it once
        if not any(ch.isdigit() for ch in text):
            return doc
        spans: list[Span] = []
        for pattern, norm in self.patterns:
            for found in pattern.finditer(text):
                span = doc.char_span(*found.span(), label=norm, alignment_mode="contract")
                if span is not None and len(span) > 0:
                    spans.append(span)
        if not spans:
            return doc
        with doc.retokenize() as retokenizer:
            for span in filter_spans(spans):
                retokenizer.merge(span, attrs={"NORM": span.label_})
        return doc


@Language.factory("iw_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> _Lemmatize:
    return _Lemmatize()


@Language.factory("iw_merge_refs", default_config={"order_pattern": r"[1-9][0-9]{5}"})
def _make_merge(nlp: Language, name: str, order_pattern: str) -> _MergeRefs:
    return _MergeRefs(order_pattern)


def _pipeline(
    lang: str,
    lemmatizer: PolishLemmatizer | EnglishLemmatizer,
    abbreviations: Sequence[str],
    order_pattern: str,
) -> Language:
    nlp = spacy.blank(lang)
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    for abbreviation in abbreviations:
        tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    for placeholder in PLACEHOLDERS:
        tokenizer.add_special_case(placeholder, [{"ORTH": placeholder, "NORM": placeholder}])
    nlp.add_pipe("iw_merge_refs", config={"order_pattern": order_pattern})
    component = nlp.add_pipe("iw_lemmatizer")
    assert isinstance(component, _Lemmatize)
    component.lemmatizer = lemmatizer
    return nlp


def _phrases(rule: PhraseRule) -> Iterator[tuple[str, str]]:
    for phrase in rule.phrases:
        yield f"{rule.name}|p", phrase
    for index, group in enumerate(rule.together):
        for phrase in group:
            yield f"{rule.name}|g{index}", phrase


def _vocabulary(nlp: Language, rules: Sequence[PhraseRule]) -> set[str]:
    """The words of every Polish rule phrase, as written."""
    words: set[str] = set()
    for rule in rules:
        if rule.language not in ("pl", "any"):
            continue
        for _key, phrase in _phrases(rule):
            words.update(t.text.lower() for t in nlp.make_doc(phrase) if t.is_alpha)
    return words


def _variants(
    nlp: Language, phrase: str, lemmatizer: PolishLemmatizer | EnglishLemmatizer
) -> list[list[str]]:
    choices: list[list[str]] = []
    for token in nlp.make_doc(phrase):
        if token.is_space:
            continue
        if token.text in PLACEHOLDERS or token.is_punct or token.like_num:
            choices.append([token.text.lower()])
            continue
        readings: tuple[Reading, ...] = lemmatizer.readings(token.text.lower())
        norms = [r.norm for r in readings] or [lemmatizer.lemma(token.text).norm]
        choices.append(list(dict.fromkeys(norms)))
    return [list(v) for v in itertools.islice(itertools.product(*choices), _MAX_VARIANTS)]


def _matcher(
    nlp: Language,
    rules: Sequence[PhraseRule],
    lang: str,
    lemmatizer: PolishLemmatizer | EnglishLemmatizer,
) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    patterns: dict[str, list[Doc]] = {}
    for rule in rules:
        if rule.language not in (lang, "any"):
            continue
        for key, phrase in _phrases(rule):
            for words in _variants(nlp, phrase, lemmatizer):
                if not words:
                    continue
                doc = Doc(nlp.vocab, words=words)
                for token, norm in zip(doc, words, strict=True):
                    token.norm_ = norm
                patterns.setdefault(key, []).append(doc)
    for key, docs in patterns.items():
        matcher.add(key, docs)
    return matcher


def _hits(
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
        if _family(rule) == "category" and rule.target != NEUTRAL:
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
            _family(r) == _family(rule) and s <= start and end <= e and (s, e) != (start, end)
            for r, s, e in phrases
        )
    ]
    kept: list[tuple[PhraseRule, int, int]] = []
    for rule, start, end in sorted(lexical, key=lambda x: (-x[0].weight, x[1] - x[2], x[1])):
        if not any(
            _family(r) == _family(rule) and r.target == rule.target and s < end and start < e
            for r, s, e in kept
        ):
            kept.append((rule, start, end))
    return sorted(kept, key=lambda x: x[1])


def _family(rule: PhraseRule) -> str:
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
    refused = _family(rule) == "resolution" and (
        any(
            t.i < start and not any(_breaks(doc[i], markers) for i in range(t.i, start))
            for t in refusals
        )
        or _preceded_by(doc, start, markers.alternatives, markers, 3, markers.requests)
    )
    return Hit(
        rule=rule.name,
        family=_family(rule),
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

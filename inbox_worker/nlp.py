"""Build the language pipelines once per process and match the rules of ``rules/`` on text.

``load`` returns an ``Understanding``: blank spaCy pipelines for pl and en with our own
components (a merge of amounts, dates and order references into single tokens, and a
lemmatizer that sets ``token.lemma_`` and the folded lemma in ``token.norm_``), one
``PhraseMatcher`` on ``NORM`` per language built from every phrase rule, and the pl/en
guesser. ``Understanding.analyse`` returns plain ``Hit`` records (built by ``matching``); no
spaCy object leaves these modules.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from inbox_worker import rulecache
from inbox_worker.errors import RulesError
from inbox_worker.language import LanguageGuesser
from inbox_worker.lemmas import EnglishLemmatizer, PolishLemmatizer, Reading
from inbox_worker.matching import Hit as Hit
from inbox_worker.matching import find_hits
from inbox_worker.orders import OrderFinder
from inbox_worker.rules import PhraseRule, RuleSet, load_rules

MAX_ANALYSED_CHARS = 6000
_MAX_VARIANTS = 24
_AMOUNT = (
    r"(?:[€$£]\s?\d[\d ,.]*\d|\d{1,3}(?:[  ]\d{3})*(?:[.,]\d{1,2})?\s?"
    r"(?:zł|zl|PLN|pln|EUR|eur|euro|USD|GBP)\b)"
)
_DATE = r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
PLACEHOLDERS = ("__amount__", "__date__", "__order__")


@dataclass(frozen=True)
class Understanding:
    """Everything ``extract.understand`` needs, built once by ``load``."""

    rules: RuleSet
    order_pattern: re.Pattern[str]
    guesser: LanguageGuesser
    orders: OrderFinder
    _pipelines: dict[str, _Forgetful]
    _matchers: dict[str, PhraseMatcher]
    _rules_by_name: dict[str, PhraseRule]

    def analyse(self, text: str, language: str) -> list[Hit]:
        """Match every phrase rule of ``language`` on ``text`` (capped); return the hits."""
        lang = language if language in self._pipelines else "pl"
        doc = self._pipelines[lang](text[:MAX_ANALYSED_CHARS])
        return find_hits(
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
    derived = rulecache.load_or_build(
        sorted(rules_dir.glob("*.toml")), lambda: _derive(rules, pipelines, polish, english)
    )
    polish.restore_vocabulary(derived["polish"])
    english.prepare()
    matchers = {lang: _matcher(pipelines[lang], derived["patterns"][lang]) for lang in pipelines}
    return Understanding(
        rules=rules,
        order_pattern=order_pattern,
        guesser=LanguageGuesser(rules.language.function_words),
        orders=OrderFinder(
            rules.orders,
            order_pattern,
            derived["order_cues"],
            derived["order_distractors"],
        ),
        _pipelines={lang: _Forgetful(nlp) for lang, nlp in pipelines.items()},
        _matchers=matchers,
        _rules_by_name={rule.name: rule for rule in rules.phrase_rules},
    )


class _Forgetful:
    """A pipeline whose vocabulary stops growing after ``STRINGS_KEPT`` new strings.

    spaCy keeps every string it has seen for the life of the process, so a worker reading
    names, typos and codes for months would only grow. Past the allowance, texts run in a
    memory zone that is closed and reopened every ``FORGET_EVERY`` texts, forgetting what
    they added. Zones cost about 10-15% of the throughput (measured with
    benchmarks/bench_classify.py), so a short run never pays for them. A Doc never outlives
    the call that made it, so closing the zone at the start of a later call is safe.
    """

    STRINGS_KEPT = 50_000
    FORGET_EVERY = 500

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._zone: AbstractContextManager[object] | None = None
        self._texts = 0
        self._allowed = len(nlp.vocab.strings) + self.STRINGS_KEPT

    def __call__(self, text: str) -> Doc:
        if self._zone is None and len(self.nlp.vocab.strings) < self._allowed:
            return self.nlp(text)
        if self._zone is not None and self._texts >= self.FORGET_EVERY:
            self._zone.__exit__(None, None, None)
            self._zone = None
        if self._zone is None:
            self._zone = self.nlp.memory_zone()
            self._zone.__enter__()
            self._texts = 0
        self._texts += 1
        return self.nlp(text)


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


def _derive(
    rules: RuleSet,
    pipelines: dict[str, Language],
    polish: PolishLemmatizer,
    english: EnglishLemmatizer,
) -> dict[str, Any]:
    """What the rules expand to through the lemmatizers: cached by ``rulecache``."""
    polish.learn_vocabulary(_vocabulary(pipelines["pl"], rules.phrase_rules))
    return {
        "polish": polish.export_vocabulary(),
        "order_cues": sorted(polish.forms(rules.orders.cue_lemmas)),
        "order_distractors": sorted(polish.forms(rules.orders.distractor_lemmas)),
        "patterns": {
            "pl": _patterns(pipelines["pl"], rules.phrase_rules, "pl", polish),
            "en": _patterns(pipelines["en"], rules.phrase_rules, "en", english),
        },
    }


def _patterns(
    nlp: Language,
    rules: Sequence[PhraseRule],
    lang: str,
    lemmatizer: PolishLemmatizer | EnglishLemmatizer,
) -> dict[str, list[list[str]]]:
    """Matcher key → every variant of its phrases, as lists of folded lemmas."""
    patterns: dict[str, list[list[str]]] = {}
    for rule in rules:
        if rule.language not in (lang, "any"):
            continue
        for key, phrase in _phrases(rule):
            for words in _variants(nlp, phrase, lemmatizer):
                if words:
                    patterns.setdefault(key, []).append(words)
    return patterns


def _matcher(nlp: Language, patterns: dict[str, list[list[str]]]) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    for key, variants in patterns.items():
        docs = []
        for words in variants:
            doc = Doc(nlp.vocab, words=words)
            for token, norm in zip(doc, words, strict=True):
                token.norm_ = norm
            docs.append(doc)
        matcher.add(key, docs)
    return matcher

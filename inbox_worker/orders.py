"""Find order numbers in the text of a mail and reject numbers of the same shape.

A candidate is a digit run that matches the shop's pattern as a whole (never part of a
longer run), optionally glued to a prefix (``ZAM-``, ``ZAM/``, ``#``), or the same digits
written in two groups (``521 870``, also with a non-breaking space). The nearest cue in
the few words before it decides: an order cue (``nr``, ``zam.``, any form of
``zamówienie``, ``order no.``) accepts it, a distractor cue (``tel.``, ``kod``, ``BLIK``,
``indeks``, ``FV`` …) rejects it, and a number without cues is accepted only when written
as one run. Pure regular expressions: no spaCy needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from inbox_worker.language import fold
from inbox_worker.rules import OrderRules

MAX_SCANNED_CHARS = 200_000
_WORDS = re.compile(r"#|[^\W_]+\.?|[/-]")
_GROUP_SEP = "[ \u00a0\u202f]"


@dataclass(frozen=True)
class OrderHit:
    number: str
    where: str
    reason: str


class OrderFinder:
    """Built once from the rules and the shop's pattern (``config.understanding``)."""

    def __init__(
        self,
        rules: OrderRules,
        pattern: re.Pattern[str],
        cue_forms: Iterable[str] = (),
        distractor_forms: Iterable[str] = (),
    ) -> None:
        self.rules = rules
        self.pattern = pattern
        self.cue_words = {fold(w) for w in rules.cue_words} | set(cue_forms)
        self.distractors = {fold(w) for w in rules.distractor_words} | set(distractor_forms)
        body = pattern.pattern
        self._single = re.compile(rf"(?<![^\W_])(?<![=@])({body})(?![\d])(?![.,]\d)")
        self._grouped = re.compile(
            rf"(?<![\d])(?<!\d{_GROUP_SEP})(\d{{3}}){_GROUP_SEP}(\d{{3}})(?!{_GROUP_SEP}?\d)(?![.,]\d)"
        )

    def find(self, segments: Sequence[tuple[str, str]]) -> list[OrderHit]:
        """Order numbers in ``(where, text)`` segments, in order, each number once."""
        hits: list[OrderHit] = []
        seen: set[str] = set()
        for where, text in segments:
            for start, number, grouped in self._candidates(text[:MAX_SCANNED_CHARS]):
                if number in seen:
                    continue
                reason = self._judge(text, start, number, grouped)
                if reason is not None:
                    seen.add(number)
                    hits.append(OrderHit(number, where, reason))
        return hits

    def _candidates(self, text: str) -> list[tuple[int, str, bool]]:
        found = [(m.start(1), m.group(1), False) for m in self._single.finditer(text)]
        for m in self._grouped.finditer(text):
            number = m.group(1) + m.group(2)
            if self.pattern.fullmatch(number):
                found.append((m.start(1), number, True))
        found = [f for f in found if self.pattern.fullmatch(f[1])]
        return sorted(found)

    def _judge(self, text: str, start: int, number: str, grouped: bool) -> str | None:
        before = text[max(0, start - 60) : start]
        glued = re.search(r"([A-Za-z#]+)([-/.]?)$", before)
        if glued:
            word = glued.group(1).lower()
            if word + glued.group(2) in self.rules.prefixes or fold(word) in self.cue_words:
                return f"{number}: glued cue {glued.group(0)!r}"
            return None
        if self._unit_after(text, start + len(number) + (1 if grouped else 0)):
            return None
        if not grouped and re.search(r"(?:^|\s)\+?\d{1,4}[ \u00a0.-]$", before):
            return None  # the last group of a phone or account number: "+44 7700 900123"
        cue = self._nearest_cue(before)
        if cue is not None and cue[0] == "distractor":
            return None
        if cue is not None:
            return f"{number}: after cue {cue[1]!r}"
        if grouped:
            return None
        return f"{number}: bare number of the order shape"

    def _unit_after(self, text: str, end: int) -> bool:
        after = text[end : end + 12].strip().lower()
        word = re.match(r"[^\s\d]+", after)
        return bool(word and fold(word.group(0)).rstrip(".,;:)") in self.rules.units_after)

    def _names_other_kind(self, previous: str | None, word: str) -> bool:
        """'Invoice no.', 'nr kat.', 'Settlement no.': a bare "number" cue after a distractor."""
        return (
            previous is not None
            and _among(word, self.rules.generic_cues)
            and _among(previous, self.distractors)
        )

    def _nearest_cue(self, before: str) -> tuple[str, str] | None:
        line = before.rsplit("\n\n", 1)[-1]
        words = _WORDS.findall(line)[-(self.rules.lookback_words + 2) :]
        counted = 0
        for index in range(len(words) - 1, -1, -1):
            word = words[index]
            if _among(word, self.cue_words):
                previous = words[index - 1] if index else None
                if self._names_other_kind(previous, word):
                    return ("distractor", f"{previous} {word}")
                return ("order", word)
            if _among(word, self.distractors):
                return ("distractor", word)
            if word not in "#/-":
                counted += 1
            if counted >= self.rules.lookback_words:
                break
        return None


def _among(word: str, words: frozenset[str] | set[str]) -> bool:
    """``word`` (folded, with or without its abbreviation dot) is one of ``words``."""
    folded = fold(word)
    return folded in words or folded.rstrip(".") in words

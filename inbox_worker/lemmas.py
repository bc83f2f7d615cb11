"""Lemmatizers for the understanding stage: morfeusz2 (SGJP) for Polish, simplemma for English.

Matching happens on *folded lemmas* (lemma, lower case, no diacritics), so a rule written
as "pęknięty" matches "pękniętą", "pekniete" and "PĘKNIĘTE". Polish words typed without
diacritics are unknown to morfeusz; they are looked up in an index of every inflected form
of the rule vocabulary, folded (built once at load with morfeusz's generator), and, failing
that, corrected for one typo against the same index. Negated participles and gerunds
("nieużywany", "niedziałający") get the lemma "nie" + lemma, so they never match the
positive phrase.

Rule phrases expand to every reading of their words, but a word of the mail gets one
lemma, so the choice must land on the form the rules are written in: readings of the word
as written beat the folded index ("nadal" stays the adverb, not "nadał"); a lemma written
as such in a rule beats one that only occurs as a reading ("mam" → "mieć", not "mamić");
archaic readings come last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import morfeusz2

from inbox_worker.language import fold

_T = TypeVar("_T")

# Verb readings first, then nouns, then the rest (DESIGN.md section 4: 39/40 correct on
# complaint vocabulary when verb/noun readings are preferred).
_VERBAL = frozenset(
    "fin praet inf impt imps bedzie ger pact ppas pcon pant winien pred aglt".split()  # noqa: SIM905
)
_NOMINAL = frozenset(["subst", "depr"])
# Person endings glued to past-tense verbs ("zamawiał+em", "dostała+m"), folded, longest first.
_AGGLUTINATES = ("esmy", "escie", "smy", "scie", "bym", "bys", "em", "es", "sm", "m", "s")
# Endings of the past-tense forms those person endings attach to (dostał, dostała, dostali).
_PAST_STEMS = ("l", "la", "lo", "li", "ly")
_RARE = frozenset(["daw.", "przest.", "rzad.", "arch.", "gw."])
# Words remembered per cache; a full cache starts over, so a long-running worker's memory
# stays bounded however many distinct words (names, typos, codes) it reads.
_CACHE_LIMIT = 20_000
# Function words whose most useful reading is not the first one morfeusz gives, and
# frequent words typed without diacritics that the typo guess would otherwise turn into a
# rule word ("wlasciwie" → "właściwy", "naprawde" → "naprawić", "musze" → "mucha").
_FIXED = {
    "nie": "nie", "sie": "się", "się": "się", "juz": "już", "ze": "że", "sa": "są",
    "naprawde": "naprawdę", "wlasciwie": "właściwie", "dzieki": "dzięki", "musze": "musieć",
    "czesto": "często", "ciezko": "ciężko", "jakos": "jakoś", "pozniej": "później",
    "wlasnie": "właśnie", "wiecej": "więcej", "takze": "także", "rowniez": "również",
}  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """One possible lemma of a word: folded lemma (negation folded in) and its rank."""

    norm: str
    lemma: str
    rank: int


def _remember(cache: dict[str, _T], key: str, value: _T) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def _rank(tag: str) -> int:
    head = tag.split(":", 1)[0]
    if head in _VERBAL:
        return 0
    if head in _NOMINAL:
        return 1
    return 2


class PolishLemmatizer:
    """morfeusz2 analysis with a folded-form index for text written without diacritics."""

    def __init__(self) -> None:
        self._morf = morfeusz2.Morfeusz(generate=True, expand_tags=False)
        self._cache: dict[str, Reading] = {}
        self._readings: dict[str, tuple[Reading, ...]] = {}
        self._vocabulary: frozenset[str] = frozenset()
        self._written: frozenset[str] = frozenset()
        self._folded_forms: dict[str, tuple[Reading, ...]] = {}
        self._by_shape: dict[tuple[str, int], list[str]] = {}

    def readings(self, word: str) -> tuple[Reading, ...]:
        """Every reading morfeusz knows for ``word`` (first segment only), best first.

        Function words with a fixed reading have only that one: "nie" in a rule phrase
        must not also mean "je" (its reading as a pronoun, lemma "on").
        """
        fixed = _FIXED.get(word.lower())
        if fixed is not None:
            return (Reading(fold(fixed), fixed, 0),)
        cached = self._readings.get(word)
        if cached is None:
            cached = self._analyse(word)
            _remember(self._readings, word, cached)
        return cached

    def _analyse(self, word: str) -> tuple[Reading, ...]:
        found: dict[str, Reading] = {}
        try:
            analyses = self._morf.analyse(word)
        except (RuntimeError, UnicodeError):
            return ()
        for start, _end, (_orth, lemma, tag, _names, quals) in analyses:
            if start != 0 or tag == "ign":
                continue
            reading = self._reading_of(lemma, tag)
            if _RARE.intersection(quals):
                reading = Reading(reading.norm, reading.lemma, reading.rank + 3)
            known = found.get(reading.norm)
            if known is None or reading.rank < known.rank:
                found[reading.norm] = reading
        return tuple(sorted(found.values(), key=lambda r: (r.rank, -len(r.lemma), r.lemma)))

    def learn_vocabulary(self, words: Iterable[str]) -> None:
        """Learn the words of the rule phrases.

        Indexes every inflected form of their lemmas, folded, for undiacritised text, and
        remembers which lemmas the rules write in their basic form (preferred in ties).
        """
        vocabulary, written = set(), set()
        lemmas: set[str] = set()
        for word in words:
            readings = self.readings(word)
            own = [r for r in readings if fold(r.lemma) == fold(word)]
            if own:
                written.add(fold(word))
            # A word written in its basic form needs only that lemma's forms indexed.
            lemmas.update(r.lemma for r in (own or readings))
        index: dict[str, dict[str, Reading]] = {}
        for lemma in sorted(lemmas):
            vocabulary.add(fold(lemma))
            for form, base, tag, _names, _quals in self._generate(lemma):
                reading = self._reading_of(base, tag)
                index.setdefault(fold(form), {}).setdefault(reading.norm, reading)
        folded_forms = {form: tuple(r.values()) for form, r in index.items()}
        self._install(vocabulary, written, folded_forms)

    def export_vocabulary(self) -> dict[str, Any]:
        """What ``learn_vocabulary`` learnt, as plain JSON data (for ``rulecache``)."""
        return {
            "vocabulary": sorted(self._vocabulary),
            "written": sorted(self._written),
            "forms": {
                form: [[r.norm, r.lemma, r.rank] for r in readings]
                for form, readings in self._folded_forms.items()
            },
        }

    def restore_vocabulary(self, data: dict[str, Any]) -> None:
        """Install what ``export_vocabulary`` gave, without asking morfeusz again."""
        forms = {
            form: tuple(Reading(norm, lemma, rank) for norm, lemma, rank in readings)
            for form, readings in data["forms"].items()
        }
        self._install(data["vocabulary"], data["written"], forms)

    def _install(
        self,
        vocabulary: Iterable[str],
        written: Iterable[str],
        folded_forms: dict[str, tuple[Reading, ...]],
    ) -> None:
        self._vocabulary = frozenset(vocabulary)
        self._written = frozenset(written)
        self._folded_forms = folded_forms
        self._by_shape = {}
        for form in self._folded_forms:
            if len(form) >= 5:
                self._by_shape.setdefault((form[0], len(form)), []).append(form)
        self._cache.clear()

    def forms(self, lemmas: Iterable[str]) -> set[str]:
        """Every inflected form of ``lemmas``, folded (for cue words of order numbers)."""
        return {fold(form) for lemma in lemmas for form, *_rest in self._generate(lemma)}

    def _generate(self, lemma: str) -> list[tuple[str, str, str, list[str], list[str]]]:
        try:
            return list(self._morf.generate(lemma))
        except (RuntimeError, UnicodeError):
            return []

    @staticmethod
    def _reading_of(lemma: str, tag: str) -> Reading:
        base = lemma.split(":", 1)[0]
        norm = fold(base)
        if tag.endswith(":neg") or ":neg:" in tag:
            norm = "nie" + norm
        return Reading(norm, base, _rank(tag))

    def lemma(self, word: str) -> Reading:
        """The reading used for matching: the vocabulary's when it is one, else the best."""
        key = word.lower()
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        reading = self._choose(key)
        _remember(self._cache, key, reading)
        return reading

    def _choose(self, word: str) -> Reading:
        fixed = _FIXED.get(word)
        if fixed is not None:
            return Reading(fold(fixed), fixed, 0)
        folded = fold(word)
        # A word that is valid as written means what it says ("nadal" stays the adverb)
        # unless only the folded index knows it as a rule word: "pudelku" is a form of
        # "pudelek" (a poodle) as written, but a box ("pudełko") typed without diacritics.
        written = list(self.readings(word))
        typed_bare = list(self._folded_forms.get(folded, ())) if folded == word else []
        candidates = written + [r for r in typed_bare if r not in written]
        if folded == word and all(self._tier(r) == 2 for r in candidates):
            # "dostalem" is also the instrumental of a surname (Dostal) as written.
            candidates += [r for r in self._past_with_person(folded) if r not in candidates]
        if not candidates:
            candidates = list(self._guess_unknown(folded))
        if not candidates:
            return Reading(folded, word, 3)
        # Ties go to the longer lemma (działać over dziać), then alphabetically: stable.
        return min(
            candidates,
            key=lambda r: (
                self._tier(r),
                r not in written,
                r.rank,
                fold(r.lemma) != folded,
                -len(r.lemma),
                r.lemma,
            ),
        )

    def _tier(self, reading: Reading) -> int:
        """0: a lemma the rules write as such; 1: one of their readings; 2: unknown to them."""
        base = reading.norm.removeprefix("nie")
        if base in self._written or reading.norm in self._written:
            return 0
        return 1 if base in self._vocabulary else 2

    def _past_with_person(self, folded: str) -> tuple[Reading, ...]:
        """A past-tense verb with its person ending, typed bare: "dostalem" = dostał+em."""
        for ending in _AGGLUTINATES:
            stem = folded.removesuffix(ending)
            if stem != folded and stem.endswith(_PAST_STEMS) and stem in self._folded_forms:
                return self._folded_forms[stem]
        return ()

    def _guess_unknown(self, folded: str) -> tuple[Reading, ...]:
        past = self._past_with_person(folded)
        if past:
            return past
        if len(folded) < 6 or not folded.isalpha():
            return ()
        # One typo (a dropped, extra, wrong or swapped letter) against the rule vocabulary.
        for size in (len(folded), len(folded) - 1, len(folded) + 1):
            for form in self._by_shape.get((folded[0], size), ()):
                if _one_edit(folded, form):
                    return self._folded_forms[form]
        return ()


def _crude_english(word: str) -> str:
    """A stand-in when simplemma is not installed: strip common inflection endings."""
    for ending, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + replacement
    return word


try:
    import simplemma

    def _english_lemma(word: str) -> str:
        return str(simplemma.lemmatize(word, lang="en"))

except ImportError:  # simplemma must be a dependency; this keeps English working without it
    _english_lemma = _crude_english


def _one_edit(word: str, form: str) -> bool:
    """True when ``word`` is ``form`` with one letter dropped, added, changed or swapped."""
    if word == form:
        return True
    if len(word) == len(form):
        diffs = [i for i, (a, b) in enumerate(zip(word, form, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        i = diffs[0] if diffs else 0
        return (
            len(diffs) == 2
            and diffs[1] == i + 1
            and word[i] == form[i + 1]
            and word[i + 1] == form[i]
        )
    short, long_ = (word, form) if len(word) < len(form) else (form, word)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


class EnglishLemmatizer:
    """simplemma's English dictionary (0.2 s, ~35 MB), folded."""

    _SPECIAL = {"n't": "not", "nt": "not", "'m": "be", "'re": "be", "'s": "'s", "'ve": "have"}

    def __init__(self) -> None:
        self._cache: dict[str, Reading] = {}

    def readings(self, word: str) -> tuple[Reading, ...]:
        return (self.lemma(word),)

    def prepare(self) -> None:
        """Load simplemma's dictionary now rather than on the first English mail."""
        self.lemma("prepared")

    def lemma(self, word: str) -> Reading:
        key = word.lower()
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        special = self._SPECIAL.get(key)
        if special is not None:
            reading = Reading(special, special, 0)
        elif key.isalpha():
            lemma = _english_lemma(key)
            reading = Reading(fold(lemma), lemma, 0)
        else:
            reading = Reading(fold(key), key, 3)
        _remember(self._cache, key, reading)
        return reading

"""Text normalisation and the pl/en language guess used by the understanding stage.

Customers often write Polish without diacritics, so every comparison happens on folded
text (lower case, accents removed, ``ł`` → ``l``) on both sides. The language guess counts
the function words of each language in what the sender wrote; a full n-gram identifier
(py3langid) was measured at 0.6 s load and ~90 MB for no gain on a two-language choice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

# Polish letters folded by table, so that Polish text is ASCII after one ``translate`` and
# skips Unicode decomposition (the common case; NFKD handles every other accent).
_EXTRA = str.maketrans(
    {"ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d"}
    | dict(zip("ąćęńóśźż", "acenoszz", strict=True))
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_POLISH_LETTERS = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
# Polish words with these folded endings are common and un-English.
_POLISH_ENDINGS = ("cz", "sz", "rz", "ie", "ac", "ej", "ow", "ych", "ami", "nia", "cie", "lam")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics: ``"Zażółć"`` → ``"zazolc"``."""
    lowered = text.lower().translate(_EXTRA)
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class LanguageGuess:
    language: str
    reason: str


class LanguageGuesser:
    """Chooses pl or en from function words, Polish letters and Polish word endings."""

    def __init__(self, function_words: Mapping[str, frozenset[str]], default: str = "pl") -> None:
        self._words = {
            lang: frozenset(fold(w) for w in words) for lang, words in function_words.items()
        }
        self._default = default

    def guess(self, *texts: str) -> LanguageGuess:
        """Guess from the first text that gives evidence; later texts are fall-backs.

        Returns the default language (pl: the shop's) when nothing tells.
        """
        for text in texts:
            found = self._score(text[:4000])
            if found is not None:
                return found
        return LanguageGuess(self._default, "no evidence; shop default")

    def _score(self, text: str) -> LanguageGuess | None:
        words = [fold(w) for w in _WORD.findall(text)]
        if not words:
            return None
        pl = sum(1.0 for w in words if w in self._words["pl"])
        en = sum(1.0 for w in words if w in self._words["en"])
        pl += 0.5 * len(_POLISH_LETTERS.findall(text))
        pl += 0.3 * sum(1 for w in words if len(w) > 3 and w.endswith(_POLISH_ENDINGS))
        if pl == en:
            return None
        language = "pl" if pl > en else "en"
        return LanguageGuess(language, f"function words pl={pl:.1f} en={en:.1f}")

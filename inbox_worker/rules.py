"""Load and validate the owner-editable files under ``rules/`` into typed rule objects.

Used by ``nlp.load`` (which builds matchers from them) and by ``inbox-worker rules check``.
Every problem names the file and the line of the offending rule, so an owner can fix it.
The screening rules (``screening.toml``) belong to ``screen.py`` and are not read here.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from inbox_worker.errors import RulesError
from inbox_worker.language import fold
from inbox_worker.models import Category, Kind, Resolution, Stage

CATEGORIES_FILE = "categories.toml"
RESOLUTIONS_FILE = "resolutions.toml"
KINDS_FILE = "kinds.toml"
ORDERS_FILE = "order_numbers.toml"
LANGUAGE_FILE = "language.toml"
NAMES_FILE = "names.toml"
RATINGS_FILE = "ratings.toml"
OWN_FILES = (
    CATEGORIES_FILE,
    RESOLUTIONS_FILE,
    KINDS_FILE,
    ORDERS_FILE,
    LANGUAGE_FILE,
    NAMES_FILE,
    RATINGS_FILE,
)
# Files in rules/ that other modules own and validate.
FOREIGN_FILES = ("screening.toml",)

LANGUAGES = ("pl", "en")
# category = "none": phrases that look like evidence but are not ("brak odpowiedzi",
# "faktura w załączniku"); category matches inside them do not count.
NEUTRAL = "none"
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
T = TypeVar("T")
# "case": a mention of an existing complaint, which a status query must make unless it is a
# reply or cites a complaint reference.
_KINDS_WITH_RULES = (Kind.STATUS_QUERY.value, Kind.COMPLAINT.value, "survey", "case")


@dataclass(frozen=True)
class PhraseRule:
    """One named rule: if any phrase (or every group of ``together``) matches, it fires.

    ``target`` is what the rule votes for: a category, a resolution or a kind signal.
    Phrases are matched on diacritic-folded lemmas, so one form covers every inflection.
    ``together`` groups must all match within ``window`` words of one another (in the
    order written when ``ordered``: "nie" before "zapala" but not after "ładowarka"). A
    ``remedy`` rule names what the customer wants done with the goods (send them back,
    exchange them); it votes only when no fault is reported. A resolution rule with
    ``when_category`` counts only in mails of those categories.
    """

    name: str
    description: str
    target: str
    language: str
    weight: float
    phrases: tuple[str, ...] = ()
    together: tuple[tuple[str, ...], ...] = ()
    window: int = 8
    negatable: bool = True
    remedy: bool = False
    ordered: bool = False
    when_category: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class CategoryDef:
    category: Category
    stage: Stage
    description: str
    implied_resolution: Resolution | None = None
    has_resolution: bool = True
    yields_to: tuple[Category, ...] = ()


@dataclass(frozen=True)
class OrderRules:
    """Cue words before an order number, and the words that mark a same-shaped distractor."""

    cue_words: frozenset[str]
    # Cues that only say "number" ("nr", "no.", "#"): the word before them names the kind.
    generic_cues: frozenset[str]
    cue_lemmas: tuple[str, ...]
    prefixes: tuple[str, ...]
    distractor_words: frozenset[str]
    distractor_lemmas: tuple[str, ...]
    distractor_prefixes: tuple[str, ...]
    units_after: frozenset[str]
    lookback_words: int


@dataclass(frozen=True)
class Markers:
    """Folded lemmas that negate a match, make it a request or a condition, or end a clause.

    ``alternatives`` introduce the option the customer turns down ("zamiast wymiany",
    "niż nowy", "instead of a refund"): a resolution right after one does not count.
    """

    negators: frozenset[str]
    requests: frozenset[str]
    conditions: frozenset[str]
    breaks: frozenset[str]
    alternatives: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LanguageRules:
    function_words: Mapping[str, frozenset[str]]
    abbreviations: tuple[str, ...]
    markers: Mapping[str, Markers]


@dataclass(frozen=True)
class NameRules:
    """Signature closings, non-names, company words, and diminutive → full first names."""

    closings: tuple[str, ...]
    not_names: frozenset[str]
    organisation_words: frozenset[str]
    device_signatures: tuple[str, ...]
    diminutives: Mapping[str, frozenset[str]] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RatingRules:
    words: Mapping[str, int]
    lead_ins: tuple[str, ...]
    stars_filled: str
    stars_empty: str


@dataclass(frozen=True)
class RuleSet:
    """Everything under rules/ that the understanding stage uses."""

    categories: Mapping[Category, CategoryDef]
    category_rules: tuple[PhraseRule, ...]
    resolution_rules: tuple[PhraseRule, ...]
    kind_rules: tuple[PhraseRule, ...]
    orders: OrderRules
    language: LanguageRules
    names: NameRules
    ratings: RatingRules
    thresholds: Mapping[str, float] = field(default_factory=dict)

    @property
    def phrase_rules(self) -> tuple[PhraseRule, ...]:
        return self.category_rules + self.resolution_rules + self.kind_rules


class _Problems:
    """Collects problems of one file, each with the line of the rule it concerns."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.items: list[str] = []

    def line_of(self, needle: str, start: int = 0) -> int:
        for number, line in enumerate(self.lines[start:], start=start + 1):
            if needle in line:
                return number
        return 1

    def add(self, line: int, message: str) -> None:
        self.items.append(f"{self.path.name}:{line}: {message}")


def load_rules(rules_dir: Path) -> RuleSet:
    """Read and validate every file this stage owns under ``rules_dir``.

    Returns the typed ``RuleSet``; raises ``RulesError`` listing every problem found.
    """
    problems: list[str] = []
    ruleset = _read_all(rules_dir, problems)
    if problems or ruleset is None:
        raise RulesError("invalid rules:\n  " + "\n  ".join(problems or ["unreadable"]))
    return ruleset


def check(rules_dir: Path) -> list[str]:
    """Validate every rules file; return human-readable problems (empty list = fine).

    Each problem names the file and line. Files that other stages own are only checked
    to be valid TOML here.
    """
    problems: list[str] = []
    _read_all(rules_dir, problems)
    for name in FOREIGN_FILES:
        path = rules_dir / name
        if path.exists():
            _read_toml(path, problems)
    if rules_dir.is_dir():
        known = set(OWN_FILES) | set(FOREIGN_FILES) | {"README.md"}
        for path in sorted(rules_dir.iterdir()):
            if path.is_file() and path.name not in known and not path.name.startswith("."):
                problems.append(f"{path.name}:1: unknown file in rules/ (it is not read)")
    return problems


def _read_all(rules_dir: Path, problems: list[str]) -> RuleSet | None:
    if not rules_dir.is_dir():
        problems.append(f"{rules_dir}: rules folder not found")
        return None
    before = len(problems)
    categories, category_rules, thresholds = _read_categories(rules_dir, problems)
    resolution_rules = _read_rules_file(
        rules_dir / RESOLUTIONS_FILE, "resolution", [r.value for r in Resolution], problems
    )
    kind_rules = _read_rules_file(rules_dir / KINDS_FILE, "kind", _KINDS_WITH_RULES, problems)
    orders = _read_section(rules_dir / ORDERS_FILE, _orders_from, problems)
    language = _read_section(rules_dir / LANGUAGE_FILE, _language_from, problems)
    names = _read_section(rules_dir / NAMES_FILE, _names_from, problems)
    ratings = _read_section(rules_dir / RATINGS_FILE, _ratings_from, problems)
    _unique_across_files(category_rules + resolution_rules + kind_rules, problems)
    if len(problems) > before or None in (orders, language, names, ratings):
        return None
    assert orders and language and names and ratings
    return RuleSet(
        categories=categories,
        category_rules=category_rules,
        resolution_rules=resolution_rules,
        kind_rules=kind_rules,
        orders=orders,
        language=language,
        names=names,
        ratings=ratings,
        thresholds=thresholds,
    )


def _unique_across_files(rules: Sequence[PhraseRule], problems: list[str]) -> None:
    """Rule names appear in explanations, so one name must mean one rule in all files."""
    first: dict[str, str] = {}
    for rule in rules:
        if rule.name in first and first[rule.name] != rule.source:
            problems.append(
                f"{rule.source}: rule {rule.name!r}: name already used at {first[rule.name]}"
            )
        first.setdefault(rule.name, rule.source)


def _read_toml(path: Path, problems: list[str]) -> tuple[dict[str, Any], _Problems] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(f"{path.name}:1: file missing from {path.parent}")
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path.name}:1: cannot read: {exc}")
        return None
    sink = _Problems(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = exc.lineno if hasattr(exc, "lineno") else _line_from_message(str(exc))
        problems.append(f"{path.name}:{line}: not valid TOML: {exc}")
        return None
    return data, sink


def _line_from_message(message: str) -> int:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else 1


def _read_categories(
    rules_dir: Path, problems: list[str]
) -> tuple[dict[Category, CategoryDef], tuple[PhraseRule, ...], dict[str, float]]:
    path = rules_dir / CATEGORIES_FILE
    loaded = _read_toml(path, problems)
    if loaded is None:
        return {}, (), {}
    data, sink = loaded
    categories: dict[Category, CategoryDef] = {}
    for entry in _table_list(data, "category", sink):
        line = sink.line_of(f'"{entry.get("name", "")}"')
        name = entry.get("name")
        try:
            category = Category(name)
            stage = Stage(entry.get("stage"))
            implied = entry.get("implied_resolution")
            resolution = Resolution(implied) if implied is not None else None
        except ValueError:
            sink.add(line, f"category {name!r}: unknown category, stage or implied_resolution")
            continue
        extra = set(entry) - {"name", "stage", "description", "implied_resolution"}
        extra -= {"has_resolution", "yields_to"}
        if extra:
            sink.add(line, f"category {name!r}: unknown key(s) {', '.join(sorted(extra))}")
        has_resolution = entry.get("has_resolution", True)
        if not isinstance(has_resolution, bool):
            sink.add(line, f"category {name!r}: 'has_resolution' must be true or false")
        description = str(entry.get("description", ""))
        categories[category] = CategoryDef(
            category,
            stage,
            description,
            resolution,
            has_resolution is not False,
            _yields_to(entry.get("yields_to", []), name, line, sink),
        )
    for category in Category:
        if category not in categories:
            sink.add(1, f"category {category.value!r} is not defined (each needs a stage)")
    thresholds = _thresholds(data.get("thresholds", {}), sink)
    rules = _rules_from(data, "category", [*(c.value for c in Category), NEUTRAL], sink)
    problems.extend(sink.items)
    return categories, rules, thresholds


def _yields_to(raw: object, name: object, line: int, sink: _Problems) -> tuple[Category, ...]:
    values = [c.value for c in Category]
    if not isinstance(raw, list) or not all(isinstance(c, str) and c in values for c in raw):
        sink.add(line, f"category {name!r}: 'yields_to' must be a list of categories")
        return ()
    return tuple(Category(c) for c in raw)


def _thresholds(raw: object, sink: _Problems) -> dict[str, float]:
    if not isinstance(raw, dict):
        sink.add(sink.line_of("[thresholds]"), "[thresholds] must be a table of numbers")
        return {}
    out: dict[str, float] = {}
    for key, value in raw.items():
        if not isinstance(value, int | float) or isinstance(value, bool):
            sink.add(sink.line_of(key), f"threshold {key!r} must be a number")
            continue
        out[key] = float(value)
    return out


def _read_rules_file(
    path: Path, target_key: str, allowed: Sequence[str], problems: list[str]
) -> tuple[PhraseRule, ...]:
    loaded = _read_toml(path, problems)
    if loaded is None:
        return ()
    data, sink = loaded
    rules = _rules_from(data, target_key, allowed, sink)
    problems.extend(sink.items)
    return rules


def _table_list(data: Mapping[str, Any], key: str, sink: _Problems) -> list[dict[str, Any]]:
    raw = data.get(key, [])
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        sink.add(sink.line_of(f"[[{key}]]"), f"'{key}' must be written as [[{key}]] tables")
        return []
    return raw


def _rules_from(
    data: Mapping[str, Any], target_key: str, allowed: Sequence[str], sink: _Problems
) -> tuple[PhraseRule, ...]:
    rules: list[PhraseRule] = []
    seen: dict[str, int] = {}
    for entry in _table_list(data, "rule", sink):
        name = str(entry.get("name", ""))
        line = sink.line_of(f'"{name}"') if name else sink.line_of("[[rule]]")
        rule = _rule_from(entry, target_key, allowed, sink, line)
        if rule is None:
            continue
        if name in seen:
            sink.add(line, f"rule {name!r}: duplicate name (first at line {seen[name]})")
            continue
        seen[name] = line
        rules.append(rule)
    return tuple(rules)


def _rule_from(
    entry: Mapping[str, Any],
    target_key: str,
    allowed: Sequence[str],
    sink: _Problems,
    line: int,
) -> PhraseRule | None:
    name = entry.get("name")
    label = f"rule {name!r}"
    errors: list[str] = []
    known = {"name", "description", target_key, "language", "weight", "phrases"}
    known |= {"together", "window", "negatable", "remedy", "ordered", "when_category"}
    errors += [f"unknown key {key!r}" for key in entry if key not in known]
    if not isinstance(name, str) or not _NAME.match(name):
        errors.append("'name' must be kebab-case, e.g. 'lid-missing-pl'")
    if not isinstance(entry.get("description"), str) or not entry["description"].strip():
        errors.append("'description' is required")
    if entry.get(target_key) not in allowed:
        errors.append(f"'{target_key}' must be one of {', '.join(allowed)}")
    if entry.get("language") not in (*LANGUAGES, "any"):
        errors.append("'language' must be pl, en or any")
    # A neutral rule does not vote, so its weight is only a formality.
    weight = entry.get("weight", 1.0 if entry.get(target_key) == NEUTRAL else None)
    if not isinstance(weight, int | float) or isinstance(weight, bool) or not 0 < weight <= 10:
        errors.append("'weight' must be a number above 0 and at most 10")
    phrases = _strings(entry.get("phrases", []), "phrases", errors)
    together = _groups(entry.get("together", []), errors)
    if not phrases and not together:
        errors.append("needs 'phrases' or 'together'")
    window = entry.get("window", 8)
    if not isinstance(window, int) or not 1 <= window <= 40:
        errors.append("'window' must be a whole number from 1 to 40")
    for flag in ("negatable", "remedy", "ordered"):
        if not isinstance(entry.get(flag, flag == "negatable"), bool):
            errors.append(f"'{flag}' must be true or false")
    when = entry.get("when_category", [])
    categories = {c.value for c in Category}
    if not isinstance(when, list) or not all(isinstance(c, str) and c in categories for c in when):
        errors.append("'when_category' must be a list of categories")
        when = []
    if errors:
        for error in errors:
            sink.add(line, f"{label}: {error}")
        return None
    return PhraseRule(
        name=str(name),
        description=str(entry["description"]).strip(),
        target=str(entry[target_key]),
        language=str(entry["language"]),
        weight=float(weight),
        phrases=phrases,
        together=together,
        window=int(window),
        negatable=bool(entry.get("negatable", True)),
        remedy=bool(entry.get("remedy", False)),
        ordered=bool(entry.get("ordered", False)),
        when_category=tuple(when),
        source=f"{sink.path.name}:{line}",
    )


def _strings(raw: object, key: str, errors: list[str]) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(s, str) and s.strip() for s in raw):
        errors.append(f"'{key}' must be a list of non-empty strings")
        return ()
    return tuple(s.strip() for s in raw)


def _groups(raw: object, errors: list[str]) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list) or not all(isinstance(group, list) for group in raw):
        errors.append("'together' must be a list of lists of phrases")
        return ()
    groups = tuple(_strings(group, "together", errors) for group in raw)
    if groups and len(groups) < 2:
        errors.append("'together' needs at least two groups")
    return groups


def _read_section(
    path: Path, build: Callable[[Mapping[str, Any], _Problems], T | None], problems: list[str]
) -> T | None:
    loaded = _read_toml(path, problems)
    if loaded is None:
        return None
    data, sink = loaded
    result = build(data, sink)
    problems.extend(sink.items)
    return None if sink.items else result


def _words(data: Mapping[str, Any], table: str, key: str, sink: _Problems) -> tuple[str, ...]:
    section = data.get(table, {})
    raw = section.get(key) if isinstance(section, dict) else None
    if not isinstance(raw, list) or not all(isinstance(s, str) and s.strip() for s in raw):
        sink.add(sink.line_of(f"{key} ="), f"[{table}] {key} must be a list of non-empty strings")
        return ()
    return tuple(s.strip() for s in raw)


def _optional_words(
    data: Mapping[str, Any], table: str, key: str, sink: _Problems
) -> tuple[str, ...]:
    section = data.get(table, {})
    if isinstance(section, dict) and key not in section:
        return ()
    return _words(data, table, key, sink)


def _orders_from(data: Mapping[str, Any], sink: _Problems) -> OrderRules:
    lookback = data.get("cues", {}).get("lookback_words", 4)
    if not isinstance(lookback, int) or not 1 <= lookback <= 10:
        sink.add(sink.line_of("lookback_words"), "[cues] lookback_words must be 1 to 10")
        lookback = 4
    return OrderRules(
        cue_words=frozenset(w.lower() for w in _words(data, "cues", "words", sink)),
        generic_cues=frozenset(w.lower() for w in _optional_words(data, "cues", "generic", sink)),
        cue_lemmas=_words(data, "cues", "lemmas", sink),
        prefixes=tuple(p.lower() for p in _words(data, "cues", "prefixes", sink)),
        distractor_words=frozenset(w.lower() for w in _words(data, "distractors", "words", sink)),
        distractor_lemmas=_words(data, "distractors", "lemmas", sink),
        distractor_prefixes=tuple(p.lower() for p in _words(data, "distractors", "prefixes", sink)),
        units_after=frozenset(w.lower() for w in _words(data, "distractors", "units_after", sink)),
        lookback_words=lookback,
    )


def _language_from(data: Mapping[str, Any], sink: _Problems) -> LanguageRules:
    words = {lang: frozenset(_words(data, lang, "function_words", sink)) for lang in LANGUAGES}
    markers = {
        lang: Markers(
            negators=frozenset(_words(data, lang, "negators", sink)),
            requests=frozenset(_words(data, lang, "requests", sink)),
            conditions=frozenset(_words(data, lang, "conditions", sink)),
            breaks=frozenset(_words(data, lang, "clause_breaks", sink)),
            alternatives=frozenset(_optional_words(data, lang, "alternatives", sink)),
        )
        for lang in LANGUAGES
    }
    return LanguageRules(
        function_words=words,
        abbreviations=_words(data, "pl", "abbreviations", sink),
        markers=markers,
    )


def _names_from(data: Mapping[str, Any], sink: _Problems) -> NameRules:
    return NameRules(
        closings=_words(data, "signature", "closings", sink),
        not_names=frozenset(w.lower() for w in _words(data, "signature", "not_names", sink)),
        organisation_words=frozenset(
            w.lower() for w in _words(data, "signature", "organisation_words", sink)
        ),
        device_signatures=_words(data, "signature", "device_signatures", sink),
        diminutives=_diminutives(data.get("diminutives", {}), sink),
        titles=frozenset(
            fold(t).rstrip(".") for t in _optional_words(data, "signature", "titles", sink)
        ),
    )


def _diminutives(raw: object, sink: _Problems) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict):
        sink.add(sink.line_of("[diminutives]"), "[diminutives] must map a name to full names")
        return {}
    out: dict[str, frozenset[str]] = {}
    for short, full in raw.items():
        if not isinstance(full, list) or not all(isinstance(f, str) and f for f in full):
            sink.add(sink.line_of(short), f"[diminutives] {short!r} must map to a list of names")
            continue
        out[fold(short)] = frozenset(fold(f) for f in full)
    return out


def _ratings_from(data: Mapping[str, Any], sink: _Problems) -> RatingRules:
    raw = data.get("words", {})
    words: dict[str, int] = {}
    if not isinstance(raw, dict):
        sink.add(sink.line_of("[words]"), "[words] must map a word to its score")
    else:
        for word, value in raw.items():
            if not isinstance(value, int) or isinstance(value, bool):
                sink.add(sink.line_of(word), f"[words] {word!r} must map to a whole number")
                continue
            words[fold(word)] = value  # answers are looked up folded: "trójkę" → "trojke"
    stars = data.get("stars", {})
    filled = stars.get("filled", "★") if isinstance(stars, dict) else "★"
    empty = stars.get("empty", "☆") if isinstance(stars, dict) else "☆"
    if not (isinstance(filled, str) and isinstance(empty, str) and filled and empty):
        sink.add(sink.line_of("[stars]"), "[stars] filled and empty must be characters")
        filled, empty = "★", "☆"
    return RatingRules(
        words=words,
        lead_ins=_words(data, "phrases", "lead_ins", sink),
        stars_filled=filled,
        stars_empty=empty,
    )


def names_of(rules: Iterable[PhraseRule]) -> list[str]:
    """Rule names in order (for docs and tests)."""
    return [rule.name for rule in rules]

"""Weigh the hits of a mail into its kind, category and resolution, explaining each step.

Used by ``extract.understand``. Evidence is not simply counted: at most two hits per rule;
a fault outranks a return or a question on equal weight; remedies (sending back,
exchanging) vote only without a fault; a category may yield to another; hints alone need
more weight; a recognised question gets no resolution.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from inbox_worker.matching import Hit
from inbox_worker.models import Category, Kind, Resolution, Stage
from inbox_worker.rules import NEUTRAL, RuleSet

# Rules weaker than this are hints ("rozmiar", "faktura"): they add to a score but do not
# by themselves establish a fault.
_CLEAR_CUE = 2.0


def counting(hits: Iterable[Hit], family: str, target: str | None = None) -> list[Hit]:
    """Hits of ``family`` that count: not negated, not neutral, of ``target`` if given."""
    return [
        h
        for h in hits
        if h.family == family
        and not h.negated
        and h.target != NEUTRAL
        and (target is None or h.target == target)
    ]


def kind(hits: Sequence[Hit], context: Sequence[str], notes: list[str]) -> Kind:
    """Status query or complaint: status signals (and ``context``: reply, case reference,
    one point each) against the signs of a new problem in the customer's own text.

    A status query is about an existing complaint, so it must be a reply, cite a
    reference or mention the complaint ("moja reklamacja", "my claim"): a first mail
    asking "any news?" about its money is a refund complaint.
    """
    status = counting(hits, "kind", "status_query")
    mentions = counting(hits, "kind", "case")
    score = sum(h.weight for h in _per_rule(status)) + len(context)
    # A question or praise ("other") is no new problem: "proszę o informację" in a follow-up.
    problems = [h for h in counting(hits, "category") if h.target != Category.OTHER.value]
    requests = [h for h in counting(hits, "resolution") if h.request and not h.conditional]
    problem = sum(h.weight for h in _per_rule(problems)) + sum(
        h.weight for h in _per_rule(requests)
    )
    existing = bool(context) or bool(mentions)
    is_status = bool(status) and existing and score >= 2.5 and score >= 0.5 * problem
    found = ", ".join(f"{h.rule} {h.text!r}" for h in status) or "none"
    mentioned = [f"mentions {h.text!r}" for h in mentions[:1]]
    signals = "; ".join([found, *context, *mentioned])
    verdict = "status_query" if is_status else "complaint"
    notes.insert(
        0, f"kind {verdict}: status score {score:.1f} ({signals}) vs new problem {problem:.1f}"
    )
    return Kind.STATUS_QUERY if is_status else Kind.COMPLAINT


def _per_rule(hits: Iterable[Hit], limit: int = 2) -> list[Hit]:
    """At most ``limit`` hits per rule, so a long list of symptoms does not drown the rest."""
    counts: dict[str, int] = defaultdict(int)
    kept: list[Hit] = []
    for hit in hits:
        counts[hit.rule] += 1
        if counts[hit.rule] <= limit:
            kept.append(hit)
    return kept


def category(
    weighted: Sequence[tuple[Sequence[Hit], float]], rules: RuleSet, notes: list[str]
) -> tuple[Category, float]:
    """The category with the most evidence, and that evidence (0 when none: "other")."""
    scores: dict[str, float] = defaultdict(float)
    remedies: dict[str, float] = defaultdict(float)
    clear: dict[str, float] = defaultdict(float)  # from real cues only, not weak words
    for hits, factor in weighted:
        _note_ignored(hits, notes)
        for hit in _per_rule(counting(hits, "category")):
            (remedies if hit.remedy else scores)[hit.target] += hit.weight * factor
            if not hit.remedy and hit.weight >= _CLEAR_CUE:
                clear[hit.target] += hit.weight * factor
            kind = " (remedy)" if hit.remedy else ""
            notes.append(f"category {hit.rule} +{hit.weight * factor:.1f} {hit.text!r}{kind}")
    _add_remedies(scores, remedies, clear, rules, notes)
    _yield(scores, clear, rules, notes)
    threshold = rules.thresholds.get("category", 1.0)
    # On equal evidence a fault (damaged, wrong item ...) outranks a return or a question:
    # a customer sending back a broken kettle is reporting the break.
    best = max(
        scores.items(),
        key=lambda item: (round(item[1], 6), _fault(rules, item[0])),
        default=("other", 0.0),
    )
    if best[1] < threshold:
        notes.append(f"category other: best score {best[1]:.1f} below {threshold}")
        return Category.OTHER, 0.0
    hints_only = rules.thresholds.get("hints_only", 3.0)
    if best[0] != Category.OTHER.value and not clear.get(best[0]) and best[1] < hints_only:
        notes.append(f"category other: only hints for {best[0]} ({best[1]:.1f} < {hints_only})")
        return Category.OTHER, 0.0
    notes.append(f"category {best[0]}: score {best[1]:.1f}")
    return Category(best[0]), best[1]


def _note_ignored(hits: Sequence[Hit], notes: list[str]) -> None:
    for hit in hits:
        if hit.family == "category" and hit.negated:
            notes.append(f"negated: {hit.rule} {hit.text!r}")
        elif hit.family == "category" and hit.target == NEUTRAL:
            notes.append(f"neutral: {hit.rule} {hit.text!r} (its words do not count)")


def _add_remedies(
    scores: dict[str, float],
    remedies: dict[str, float],
    clear: dict[str, float],
    rules: RuleSet,
    notes: list[str],
) -> None:
    """Sending back or exchanging is what follows a fault too: it votes only without one."""
    fault = max((v for k, v in clear.items() if _fault(rules, k)), default=0.0)
    if remedies and fault >= rules.thresholds.get("fault_evidence", 2.0):
        notes.append(f"remedies ignored: a fault is reported (score {fault:.1f})")
        return
    for target, score in remedies.items():
        scores[target] += score


def _yield(
    scores: dict[str, float], clear: dict[str, float], rules: RuleSet, notes: list[str]
) -> None:
    """A category whose words are background to another ("return" in a refund case)."""
    enough = rules.thresholds.get("fault_evidence", 2.0)
    for name in list(scores):
        stronger = [
            c.value
            for c in rules.categories[Category(name)].yields_to
            if clear.get(c.value, 0.0) >= enough
        ]
        if stronger and scores[name] > 0:
            notes.append(f"category {name} yields to {stronger[0]} (its words are background)")
            scores[name] = 0.0


def _fault(rules: RuleSet, category: str) -> bool:
    return rules.categories[Category(category)].stage is not Stage.OTHER


def resolution(
    hits: Sequence[Hit], category: Category, recognised: bool, rules: RuleSet, notes: list[str]
) -> Resolution | None:
    """The strongest request; a category's implied resolution when nothing is asked.

    A mail recognised as a category without resolutions (a question, praise) gets none;
    "other" as a mere fallback (nothing recognised) still reads what is asked for.
    """
    definition = rules.categories[category]
    if recognised and not definition.has_resolution:
        notes.append(f"resolution none: a {category.value} mail has nothing to resolve")
        return None
    threshold = rules.thresholds.get("resolution", 1.0)
    best: tuple[float, int, str] | None = None
    for hit in hits:
        if hit.family != "resolution":
            continue
        if hit.negated:
            notes.append(f"negated: {hit.rule} {hit.text!r}")
            continue
        if hit.when_category and category.value not in hit.when_category:
            continue
        score = hit.weight * (2.0 if hit.request else 1.0) * (0.5 if hit.conditional else 1.0)
        weak = " (too weak)" if score < threshold else ""
        notes.append(
            f"resolution {hit.rule} {score:.1f} {hit.text!r}"
            f"{' request' if hit.request else ''}{' conditional' if hit.conditional else ''}{weak}"
        )
        if not weak and (best is None or score > best[0]):
            best = (score, hit.start, hit.target)
    if best is not None:
        return Resolution(best[2])
    implied = definition.implied_resolution
    if implied is not None:
        notes.append(f"resolution {implied.value}: implied by category {category.value}")
    return implied

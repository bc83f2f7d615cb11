"""Classify .eml files and measure the understanding stage on a labelled corpus.

``classify_file`` runs parse → screen → understand on one file and returns the contract
dict of ``inbox-worker classify --json``. ``evaluate_corpus`` runs it over a folder in the
format of ``../shared/corpus`` (``*.eml`` plus ``labels.jsonl``) and returns an
``EvalReport`` with per-field accuracy, per-category precision/recall/F1, a confusion
matrix and the misclassified files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from inbox_worker.errors import InboxWorkerError
from inbox_worker.extract import understand
from inbox_worker.models import Category, Kind, RawMail
from inbox_worker.nlp import Understanding
from inbox_worker.parse import parse
from inbox_worker.screen import ScreeningRules, screen

FIELDS = (
    "kind",
    "language",
    "order_numbers",
    "category",
    "resolution",
    "customer_name",
    "rating",
)
# Fields measured only on complaints (the corpus labels them for status queries too, but
# the floors of issue 3 are on complaints).
COMPLAINT_ONLY = ("category", "resolution")
LABELS_FILE = "labels.jsonl"


def classify_file(
    path: Path,
    understanding: Understanding,
    screening_rules: ScreeningRules,
    own_addresses: Sequence[str] = (),
) -> dict[str, object]:
    """Parse, screen and understand one .eml file; the contract dict of ``classify --json``.

    Raises ``OSError`` when the file cannot be read; any content gives an answer.
    """
    mail = parse(RawMail(uid=0, data=path.read_bytes()))
    screening = screen(mail, screening_rules, own_addresses)
    findings = understand(mail, screening, understanding)
    return {
        "file": str(path),
        "kind": findings.kind.value,
        "language": findings.language,
        "order_numbers": list(findings.order_numbers),
        "category": findings.category.value if findings.category else None,
        "stage": findings.stage.value if findings.stage else None,
        "resolution": findings.resolution.value if findings.resolution else None,
        "customer_name": findings.customer_name,
        "rating": findings.rating,
        "explanation": list(findings.explanation),
    }


@dataclass(frozen=True)
class FieldScore:
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class EvalReport:
    """Accuracy of the understanding stage on one labelled corpus."""

    fields: dict[str, FieldScore] = field(default_factory=dict)
    per_category: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    misclassified: list[dict[str, object]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """A JSON-able dict (``rules eval --json``)."""
        return {
            "accuracy": {name: round(score.accuracy, 4) for name, score in self.fields.items()},
            "scored": {
                name: {"correct": s.correct, "total": s.total} for name, s in self.fields.items()
            },
            "per_category": self.per_category,
            "confusion": self.confusion,
            "misclassified": self.misclassified,
            "counts": self.counts,
        }

    def render_text(self) -> str:
        """A readable report for ``rules eval``."""
        lines = [
            f"{self.counts.get('mails', 0)} mails, {self.counts.get('complaints', 0)} complaints"
        ]
        lines.append("")
        lines.append("accuracy")
        for name, score in self.fields.items():
            scope = " (complaints)" if name in COMPLAINT_ONLY else ""
            lines.append(
                f"  {name + scope:<26} {score.accuracy:6.1%}  ({score.correct}/{score.total})"
            )
        lines += ["", "category on complaints   precision  recall     F1  support"]
        for name, row in self.per_category.items():
            lines.append(
                f"  {name:<22} {row['precision']:9.2f} {row['recall']:7.2f} "
                f"{row['f1']:6.2f} {int(row['support']):8d}"
            )
        lines += ["", "confusion (expected → got, complaints)"]
        for expected, counts in self.confusion.items():
            wrong = {got: n for got, n in counts.items() if got != expected}
            if wrong:
                lines.append(
                    f"  {expected:<14} → " + ", ".join(f"{g} {n}" for g, n in wrong.items())
                )
        lines += ["", f"misclassified files: {len(self.misclassified)}"]
        for item in self.misclassified:
            lines.append(f"  {item['file']}")
            errors = item["errors"]
            assert isinstance(errors, dict)
            for name, pair in errors.items():
                lines.append(f"      {name}: expected {pair['expected']!r}, got {pair['got']!r}")
        return "\n".join(lines)


def evaluate_corpus(
    mails_dir: Path,
    understanding: Understanding,
    screening_rules: ScreeningRules,
    own_addresses: Sequence[str] = (),
) -> EvalReport:
    """Classify every labelled file in ``mails_dir`` and compare with ``labels.jsonl``.

    Raises ``InboxWorkerError`` when the labels file is missing or unreadable.
    """
    labels = _labels(mails_dir)
    results = [
        (label, classify_file(mails_dir / name, understanding, screening_rules, own_addresses))
        for name, label in labels.items()
    ]
    return _report(results)


def _labels(mails_dir: Path) -> dict[str, dict[str, object]]:
    path = mails_dir / LABELS_FILE
    labels: dict[str, dict[str, object]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InboxWorkerError(f"{path}: cannot read labels: {exc}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            label = json.loads(line)
            labels[str(label["file"])] = label
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InboxWorkerError(f"{path}:{number}: bad label line: {exc}") from None
    return labels


def _report(results: Sequence[tuple[Mapping[str, object], Mapping[str, object]]]) -> EvalReport:
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    confusion: dict[str, Counter[str]] = {c.value: Counter() for c in Category}
    report = EvalReport()
    for label, got in results:
        complaint = label.get("kind") == Kind.COMPLAINT.value
        errors: dict[str, dict[str, object]] = {}
        for name in FIELDS:
            if name in COMPLAINT_ONLY and not complaint:
                continue
            total[name] += 1
            if got[name] == label.get(name):
                correct[name] += 1
            else:
                errors[name] = {"expected": label.get(name), "got": got[name]}
        if complaint:
            confusion.setdefault(str(label.get("category")), Counter())[str(got["category"])] += 1
        if errors:
            report.misclassified.append({"file": str(label["file"]), "errors": errors})
    report.fields = {name: FieldScore(correct[name], total[name]) for name in FIELDS}
    report.confusion = {exp: dict(row) for exp, row in confusion.items()}
    report.per_category = _per_category(confusion)
    report.counts = {
        "mails": len(results),
        "complaints": sum(1 for label, _ in results if label.get("kind") == "complaint"),
        "misclassified": len(report.misclassified),
    }
    return report


def _per_category(confusion: Mapping[str, Counter[str]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for category in (c.value for c in Category):
        tp = confusion.get(category, Counter())[category]
        support = sum(confusion.get(category, Counter()).values())
        predicted = sum(row[category] for row in confusion.values())
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[category] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": support,
        }
    return out

"""Accuracy floors on the shared development corpus (issue 3); prints what went wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_nlp import RULES_DIR, load_understanding

from inbox_worker.evaluate import EvalReport, evaluate_corpus
from inbox_worker.screen import load_rules as load_screening_rules

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "mails"
FLOORS = {
    "kind": 0.97,
    "language": 0.98,
    "order_numbers": 0.97,
    "category": 0.90,
    "resolution": 0.85,
}

pytestmark = pytest.mark.skipif(
    not (CORPUS / "labels.jsonl").exists(),
    reason=f"shared corpus not found at {CORPUS} (it lives beside the repository)",
)


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate_corpus(
        CORPUS,
        load_understanding(),
        load_screening_rules(RULES_DIR),
        ("reklamacje@sklep.example",),
    )


@pytest.mark.parametrize(("field", "floor"), sorted(FLOORS.items()))
def test_accuracy_floor(report: EvalReport, field: str, floor: float) -> None:
    score = report.fields[field]
    if score.accuracy < floor:
        print(report.render_text())
    assert score.accuracy >= floor, f"{field}: {score.correct}/{score.total} below {floor}"


def test_every_category_is_recognised(report: EvalReport) -> None:
    weak = {name: row["f1"] for name, row in report.per_category.items() if row["f1"] < 0.7}
    if weak:
        print(report.render_text())
    assert not weak

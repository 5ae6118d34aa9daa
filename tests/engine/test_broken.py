"""Each file in broken/ has one defect; the checker must report it exactly (file, line, path, words)."""

# ruff: noqa: E501  (a table of exact messages reads best unwrapped)

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine import treedata
from track2guide import TreeError, load_tree

yaml_edge = pytest.importorskip("track2guide_build", reason="needs PyYAML (line numbers)")

BROKEN = Path(__file__).parent / "broken"
F = "tests/engine/broken/"
ID = "^[a-z0-9]+(-[a-z0-9]+)*$"

EXPECTED: dict[str, list[str]] = {
    "bad-condition": [
        f"{F}bad-condition.yaml:32: questions[2].when: this mapping is not a valid condition (expected one of: "
        "{answer, equals} | {answer, one_of} | {answer, includes} | {answered} | {all} | {any} | {not} "
        "| {result_top} | {result_top_one_of})"
    ],
    "bad-id": [
        f"{F}bad-id.yaml:12: questions[0].next: 'Second Question' is not a valid next question "
        f"(expected a value matching {ID})",
        f"{F}bad-id.yaml:20: questions[1].id: 'Second Question' is not a valid identifier "
        f"(expected a value matching {ID})",
    ],
    "choice-next-on-multiple": [
        f"{F}choice-next-on-multiple.yaml:37: questions[2].choices[1].next: only choices of a single question "
        "may set 'next' (expected the multiple question's own 'next')"
    ],
    "condition-later-question": [
        f"{F}condition-later-question.yaml:23: questions[1].when.answered: question 'c' is never asked before "
        "'b' (expected a question that can come earlier on the way to 'b')"
    ],
    "condition-unknown-choice": [
        f"{F}condition-unknown-choice.yaml:32: questions[2].when.one_of[1]: unknown choice 'middle' for "
        "question 'b' (expected one of: left, right)"
    ],
    "condition-unknown-question": [
        f"{F}condition-unknown-question.yaml:32: questions[2].when.answer: unknown question 'zz' "
        "(expected one of: a, b, c)"
    ],
    "cycle": [
        f"{F}cycle.yaml:32: questions[2].next: cycle back to 'a' via a -> b -> c "
        "(expected a path that ends in an outcome or the result)"
    ],
    "duplicate-choice": [
        f"{F}duplicate-choice.yaml:27: questions[1].choices[1].id: duplicate choice id 'left' in question 'b' "
        "(expected each id once; it is first used at line 25)"
    ],
    "duplicate-id": [
        f"{F}duplicate-id.yaml:29: questions[2].id: duplicate question id 'b' "
        "(expected each id once; it is first used at line 20)"
    ],
    "duplicate-key": [
        f"{F}duplicate-key.yaml:24: questions[1].next: duplicate key 'next' "
        "(expected each key once in a mapping; it is first used at line 23)"
    ],
    "empty-text": [
        f"{F}empty-text.yaml:28: questions[1].choices[1].label: text is empty (expected at least 1 character)"
    ],
    "gate-unknown-outcome": [
        f"{F}gate-unknown-outcome.yaml:39: gates[0].outcome: unknown outcome 'stop' (expected one of: x, y)"
    ],
    "id-mismatch": [
        f"{F}id-mismatch.yaml:2: id: tree id 'other-name' does not match the file name (expected 'id-mismatch')"
    ],
    "importance-on-single": [
        f"{F}importance-on-single.yaml:27: questions[1].choices[0].importance: 'importance' is only for "
        "checklist items (expected no 'importance' on a choice of a single question)"
    ],
    "includes-on-single": [
        f"{F}includes-on-single.yaml:32: questions[2].when.includes: 'includes' needs a multiple or checklist "
        "question, but 'a' is single (expected equals or one_of)"
    ],
    "missing-anchor": [
        f"{F}missing-anchor.yaml:23: questions[1].link: link 'broken-anchor' points to sample.md#nowhere, "
        "which does not exist (expected an anchor of sample.md)"
    ],
    "missing-required": [
        f"{F}missing-required.yaml:20: questions[1]: missing required key 'text' "
        "(expected keys: id, type, text, choices)"
    ],
    "single-one-choice": [
        f"{F}single-one-choice.yaml:24: questions[1].choices: a single question has only one choice "
        "(expected at least 2 choices)"
    ],
    "unknown-key": [
        f"{F}unknown-key.yaml:23: questions[1].colour: unknown key 'colour' "
        "(expected one of: id, type, text, help, term, link, when, next, scale, min_choices, choices)"
    ],
    "unknown-link": [
        f"{F}unknown-link.yaml:23: questions[1].link: unknown link key 'sample-dialog' (expected a key of the "
        "vocabulary's links; closest: sample-dialogue, sample-home, sample-training)"
    ],
    "unknown-next": [
        f"{F}unknown-next.yaml:12: questions[0].next: unknown question 'bee' (expected one of: a, b, c, end)"
    ],
    "unknown-start": [f"{F}unknown-start.yaml:6: start: unknown question 'first' (expected one of: a, b, c)"],
    "unknown-term": [
        f"{F}unknown-term.yaml:23: questions[1].term: unknown glossary term 'sample-terms' "
        "(expected an id from data/glossary.yaml; closest: sample-term)"
    ],
    "unreachable-outcome": [
        f"{F}unreachable-outcome.yaml:40: outcomes[2]: outcome 'z' can never be reached "
        "(expected a gate or a positive weight that names it)"
    ],
    "unreachable-question": [
        f"{F}unreachable-question.yaml:29: questions[2]: question 'c' is never reached from start 'a' "
        "(expected a start or next that leads to it)"
    ],
    "weight-unknown-outcome": [
        f"{F}weight-unknown-outcome.yaml:19: questions[0].choices[1].weights[0].outcome: unknown outcome 'why' "
        "(expected one of: x, y)",
        f"{F}weight-unknown-outcome.yaml:39: outcomes[1]: outcome 'y' can never be reached "
        "(expected a gate or a positive weight that names it)",
    ],
    "wrong-type": [f"{F}wrong-type.yaml:3: version: wrong type: string 'one' (expected an integer)"],
    "exclusion-duplicate-id": [
        f"{F}exclusion-duplicate-id.yaml:51: exclusions[1].id: duplicate exclusion id 'no-x' (expected each id once; it is first used at line 46)",
    ],
    "exclusion-on-unknown-choice": [
        f"{F}exclusion-on-unknown-choice.yaml:48: exclusions[0].when.one_of[1]: an exclusion depends on 'unsure', a choice marked unknown (expected a condition on answers that carry evidence)",
    ],
    "exclusion-unknown-outcome": [
        f"{F}exclusion-unknown-outcome.yaml:47: exclusions[0].outcomes[1]: unknown outcome 'zed' (expected one of: x, y, both, stop)",
    ],
    "exclusive-on-single": [
        f"{F}exclusive-on-single.yaml:23: questions[0].choices[2].exclusive: 'exclusive' is only for choices of multiple questions, but 'a' is single (expected no 'exclusive' here)",
    ],
    "min-choices-on-single": [
        f"{F}min-choices-on-single.yaml:13: questions[0].min_choices: 'min_choices' is only for multiple questions, but 'a' is single (expected no 'min_choices' here)",
    ],
    "min-choices-too-many": [
        f"{F}min-choices-too-many.yaml:26: questions[1].min_choices: 'min_choices' is 3, more than the 2 choices (expected at most 2)",
    ],
    "mix-of-three": [
        f"{F}mix-of-three.yaml:35: outcomes[2].mix.of: a mix of 3 outcomes (expected exactly 2)",
        f"{F}mix-of-three.yaml:35: outcomes[2].mix.of[2]: 'stop' is not a weighted outcome that is not mixed (expected one of: x, y)",
    ],
    "mix-side-not-weighted": [
        f"{F}mix-side-not-weighted.yaml:35: outcomes[2].mix.of[1]: 'stop' is not a weighted outcome that is not mixed (expected one of: x, y)",
    ],
    "result-top-in-gate": [
        f"{F}result-top-in-gate.yaml:38: gates[0].when.result_top: a condition on the result can only be used in a warning (expected a condition on answers only; result_top belongs in warnings)",
    ],
    "result-top-unknown-outcome": [
        f"{F}result-top-unknown-outcome.yaml:43: warnings[0].when.any[1].result_top_one_of[1]: unknown outcome 'zz' (expected one of: x, y, both, stop)",
    ],
    "scale-contradicted": [
        f"{F}scale-contradicted.yaml:18: questions[0].choices[1]: choice 'no' points less toward 'x' than 'yes' before it (x minus y: -1 after 1) (expected choices ordered from least to most toward 'x')",
    ],
    "scale-on-multiple": [
        f"{F}scale-on-multiple.yaml:26: questions[1].scale: a scale needs a single question, but 'b' is multiple (expected no 'scale' here)",
    ],
    "scale-unknown-outcome": [
        f"{F}scale-unknown-outcome.yaml:13: questions[0].scale.toward: 'both' is not a weighted outcome (expected one of: x, y)",
    ],
    "unknown-with-weights": [
        f"{F}unknown-with-weights.yaml:23: questions[0].choices[2].weights: a choice marked unknown carries no weight (expected no weights)",
    ],
    "weight-on-gate-outcome": [
        f"{F}weight-on-gate-outcome.yaml:29: questions[1].choices[0].weights[0].outcome: 'stop' is a gate's outcome and collects no points (expected weights on outcomes that no gate names)",
    ],
    "weight-on-mix": [
        f"{F}weight-on-mix.yaml:29: questions[1].choices[0].weights[0].outcome: 'both' is a mixed outcome and collects no points (expected weights on 'x' or 'y')",
    ],
    "yaml-syntax": [
        f"{F}yaml-syntax.yaml:31: (root): YAML syntax error: expected ',' or ']', but got '?' (expected valid YAML)"
    ],
}


def problems_of(name: str) -> list[str]:
    source = f"{F}{name}.yaml"
    fx = treedata.fixture()
    try:
        data, lines = yaml_edge.load_yaml_with_lines(BROKEN / f"{name}.yaml", source)
        load_tree(
            data,
            schema=treedata.schema(),
            vocabulary=fx["vocabulary"],
            anchors=fx["anchors"],
            terms=fx["terms"],
            source=source,
            lines=lines,
        )
    except TreeError as exc:
        return [p.message for p in exc.problems]
    return []


def test_every_broken_file_has_an_expectation() -> None:
    assert sorted(p.stem for p in BROKEN.glob("*.yaml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_tree_reports_exact_problem(name: str) -> None:
    assert problems_of(name) == EXPECTED[name]

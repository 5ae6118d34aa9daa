"""Content requirements of the three decision trees and their scenarios.

The engine tests check that a tree is well formed; these tests check that each
tree says what the handbook requires it to say: the readiness gate, the feasibility
checks and the five processes of choose-process, the three approaches, every venue
criterion, the handbook warnings, a source comment above every rule, and at least
twenty documented scenarios per tree.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from track2guide_build import load_yaml_with_lines, tree_files
from track2guide_build.glossary import GLOSSARY

ROOT = Path(__file__).resolve().parents[2]
TREES = ROOT / "decision_trees"
SCENARIOS = ROOT / "tests" / "scenarios"
DOCS = ROOT / "docs"
TREE_IDS = [path.stem for path in tree_files(ROOT)]
MIN_SCENARIOS = 20

# The fixed anchors that the trees may link to (docs/<page> -> heading ids): handbook
# headings whose ids are promised to stay, so links from the trees never break.
FIXED_ANCHORS: dict[str, set[str]] = {
    "step-1-assess.md": {
        "conflict-assessment",
        "needs-assessment",
        "feasibility",
        "civil-society",
        "civil-liberties",
        "local-history",
        "too-much-track-two",
        "forum-shopping",
        "before-track-one",
        "ripeness",
        "illegitimate-parties",
        "low-power-parties",
        "needs-and-values",
        "peace-constituency",
        "stand-alone",
        "during-track-one",
        "after-track-one",
        "fleshing-out-agreements",
        "post-agreement-disputes",
        "circum-negotiation",
        "checklist",
        "pitfalls",
    },
    "step-2-plan.md": {
        "desired-change",
        "level-of-work",
        "theory-of-change",
        "scaling-up",
        "proposals",
        "coordination",
        "stepping-on-toes",
        "strengths-of-each-track",
        "checklist",
        "pitfalls",
    },
    "step-3-design.md": {
        "how-to-choose",
        "training",
        "train-the-trainer",
        "dialogue",
        "sustained-dialogue",
        "interactive-conflict-resolution",
        "transfer",
        "public-peace-education",
        "joint-projects",
        "joint-project-risks",
        "prescriptive-and-elicitive",
        "checklist",
        "pitfalls",
    },
    # Step 3 is split: choosing the process above, setting it up here.
    "step-3-setup.md": {
        "implementation",
        "venue",
        "participants",
        "partners",
        "funders",
        "checklist",
        "pitfalls",
    },
    "step-4-conduct.md": {
        "trust",
        "icebreakers",
        "ground-rules",
        "venting",
        "aria",
        "refine-goals",
        "group-dynamics",
        "strong-emotions",
        "power-inequalities",
        "external-obstacles",
        "internal-obstacles",
        "turnover",
        "coordination-in-practice",
        "participant-safety",
        "media",
        "checklist",
        "pitfalls",
    },
    "step-5-follow-up.md": {
        "re-entry",
        "follow-up",
        "documenting",
        "evaluation",
        "formative-evaluation",
        "summative-evaluation",
        "defining-success",
        "evaluation-summary",
        "checklist",
        "pitfalls",
    },
    "introduction.md": {
        "track-one",
        "track-two",
        "track-one-and-a-half",
        "multitrack",
        "definitions-blur",
        "five-steps",
    },
    "conclusion.md": {"big-picture", "moral-imagination"},
}

# Venue criteria from step 3 ("choose a suitable venue") and step 4 ("external
# obstacles"): item id -> (importance, applies only under a condition?).
VENUE_CRITERIA: dict[str, tuple[str, bool]] = {
    "easy-to-reach": ("required", False),
    "away-from-daily-life": ("recommended", True),  # dialogues, workshops and trainings
    "neutral-ground": ("required", True),  # those three, when all sides attend
    "private": ("required", True),  # only for dialogue and problem-solving workshops
    "physically-safe": ("required", False),
    "psychologically-safe": ("required", False),
    "affordable": ("required", False),
    "no-travel-barrier": ("required", True),  # only when someone crosses a border or faces limits
    "flexible-rooms": ("recommended", True),  # meeting facilities, not work sites or broadcasts
    "comfortable": ("recommended", True),
    "inspiring": ("nice", True),
    "informal-space": ("recommended", True),
    "catering": ("recommended", True),
    "no-permission-needed": ("required", True),  # only in tense periods (or when not sure)
    "out-of-public-view": ("required", True),  # the same, except for broadcast programmes
}

PROCESSES = ["training", "dialogue", "icr", "peace-education", "joint-projects"]


def load(path: Path) -> Any:
    return load_yaml_with_lines(path)[0]


@pytest.fixture(scope="module")
def vocabulary() -> dict[str, Any]:
    data: dict[str, Any] = load(TREES / "vocabulary.yaml")
    return data


@pytest.fixture(scope="module")
def trees() -> dict[str, dict[str, Any]]:
    return {tree_id: load(TREES / f"{tree_id}.yaml") for tree_id in TREE_IDS}


def questions(tree: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {q["id"]: q for q in tree["questions"]}


def choice_ids(question: dict[str, Any]) -> list[str]:
    return [c["id"] for c in question["choices"]]


def outcome(tree: dict[str, Any], outcome_id: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [o for o in tree.get("outcomes", []) if o["id"] == outcome_id]
    assert found, f"{tree['id']}: outcome {outcome_id!r} missing"
    return found[0]


def walk_links(node: Any) -> list[str]:
    """Every `link:` value anywhere in a tree."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "link" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(walk_links(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(walk_links(item))
    return found


def condition_questions(cond: Any) -> list[str]:
    """Question ids a condition refers to."""
    if not isinstance(cond, dict):
        return []
    names: list[str] = []
    for key in ("answer", "answered"):
        if key in cond:
            names.append(cond[key])
    for key in ("all", "any"):
        for sub in cond.get(key, []):
            names.extend(condition_questions(sub))
    if "not" in cond:
        names.extend(condition_questions(cond["not"]))
    return names


def scenario_files(tree_id: str) -> list[Path]:
    return sorted((SCENARIOS / tree_id).glob("*.yaml"))


# ---------------------------------------------------------------- vocabulary


def test_vocabulary_uses_only_fixed_anchors(vocabulary: dict[str, Any]) -> None:
    for key, target in vocabulary["links"].items():
        assert set(target) == {"page", "anchor", "title"}, key
        assert target["anchor"] in FIXED_ANCHORS.get(target["page"], set()), (
            f"{key}: {target['page']}#{target['anchor']} is not a fixed anchor"
        )
        assert target["title"].strip(), key


def test_vocabulary_importance_levels(vocabulary: dict[str, Any]) -> None:
    assert vocabulary["importance"] == ["required", "recommended", "nice"]


def test_the_workbook_takes_every_wizards_result() -> None:
    """Each tree feeds one workbook question (`wizard:`): the list a plan file's wizard
    answers are checked against."""
    from track2guide.workbook import wizard_ids
    from track2guide_build.workbook import checked_workbook

    ids = wizard_ids(checked_workbook(ROOT))
    assert sorted(ids) == sorted(TREE_IDS) and len(set(ids)) == len(ids)


def test_importance_levels_are_declared_once_in_the_vocabulary(vocabulary: dict[str, Any]) -> None:
    """The schemas' enums (for editors) equal the vocabulary's levels, and every level has its
    words on screen and on paper."""
    import json

    from track2guide.texts import TEXTS

    levels = vocabulary["importance"]
    tree_schema = json.loads((TREES / "schema.json").read_text(encoding="utf-8"))
    vocabulary_schema = json.loads((TREES / "vocabulary.schema.json").read_text(encoding="utf-8"))
    assert tree_schema["$defs"]["choice"]["properties"]["importance"]["enum"] == levels
    assert vocabulary_schema["properties"]["importance"]["items"]["enum"] == levels
    for level in levels:
        assert TEXTS[f"importance.{level}"], level


def test_vocabulary_anchors_exist_in_docs(vocabulary: dict[str, Any]) -> None:
    missing = []
    for key, target in vocabulary["links"].items():
        page = DOCS / target["page"]
        text = page.read_text(encoding="utf-8") if page.exists() else ""
        if not re.search(r"\{[^}]*#" + re.escape(target["anchor"]) + r"[\s}]", text):
            missing.append(f"{key} -> {target['page']}#{target['anchor']}")
    assert not missing, "headings missing in docs/: " + ", ".join(missing)


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_every_link_is_a_vocabulary_key(
    tree_id: str, trees: dict[str, dict[str, Any]], vocabulary: dict[str, Any]
) -> None:
    unknown = sorted(set(walk_links(trees[tree_id])) - set(vocabulary["links"]))
    assert not unknown, f"{tree_id}: unknown link keys {unknown}"


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_outcomes_and_warnings_link_to_the_handbook(tree_id: str, trees: dict[str, dict[str, Any]]) -> None:
    tree = trees[tree_id]
    assert tree["link"], tree_id
    for question in tree["questions"]:
        # weight reasons are shown under their question, whose link is their source
        assert question.get("link"), f"{tree_id}: question {question['id']} has no link"
    for warning in tree.get("warnings", []):
        assert warning.get("link"), f"{tree_id}: warning {warning['id']} has no link"
        assert warning["text"].strip()
    for item in tree.get("outcomes", []):
        assert item.get("link"), f"{tree_id}: outcome {item['id']} has no link"
        assert item["summary"].strip()
        assert item["next_steps"], f"{tree_id}: outcome {item['id']} has no next steps"
        for warning in item.get("warnings", []):
            assert warning.get("link"), f"{tree_id}: a warning of {item['id']} has no link"


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_every_weight_has_a_short_reason(tree_id: str, trees: dict[str, dict[str, Any]]) -> None:
    for question in trees[tree_id]["questions"]:
        for choice in question["choices"]:
            for weight in choice.get("weights", []):
                reason = weight.get("reason", "")
                assert reason.strip(), f"{tree_id}: {question['id']}.{choice['id']} weight lacks a reason"
                assert len(reason) <= 160, f"{tree_id}: reason too long: {reason!r}"


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_every_reason_leads_to_the_handbook(tree_id: str, trees: dict[str, dict[str, Any]]) -> None:
    """A reason's link is its weight's own, else its question's: one must exist."""
    unlinked = [
        f"{q['id']}.{c['id']} -> {w['outcome']}"
        for q in trees[tree_id]["questions"]
        for c in q["choices"]
        for w in c.get("weights", [])
        if not (w.get("link") or q.get("link"))
    ]
    assert unlinked == []


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_glossary_terms_exist(tree_id: str, trees: dict[str, dict[str, Any]]) -> None:
    known = {entry["id"] for entry in load(ROOT / GLOSSARY)}
    used = {q["term"] for q in trees[tree_id]["questions"] if "term" in q}
    assert used <= known, f"{tree_id}: unknown glossary terms {sorted(used - known)}"


# ---------------------------------------------------------------- choose-process


def test_choose_process_offers_the_five_processes(trees: dict[str, dict[str, Any]]) -> None:
    tree = trees["choose-process"]
    ids = [o["id"] for o in tree["outcomes"]]
    assert ids[: len(PROCESSES)] == PROCESSES
    assert tree["result"]["kind"] == "ranking"
    assert tree["result"]["no_clear_winner"].strip()
    weighted = {w["outcome"] for q in tree["questions"] for c in q["choices"] for w in c.get("weights", [])}
    assert set(PROCESSES) <= weighted


def test_choose_process_starts_with_the_readiness_gate(trees: dict[str, dict[str, Any]]) -> None:
    tree = trees["choose-process"]
    order = [q["id"] for q in tree["questions"]][:4]
    assert order == ["readiness-skills", "readiness-culture", "readiness-resources", "readiness-receptivity"]
    assert tree["start"] == "readiness-skills"
    receptivity = choice_ids(questions(tree)["readiness-receptivity"])
    assert {"request", "interest", "collaborate", "none"} <= set(receptivity)
    gated = {g["outcome"] for g in tree["gates"]}
    assert gated == {"partner-first", "not-yet"}
    gated_questions = {q for g in tree["gates"] for q in condition_questions(g["when"])}
    assert {
        "readiness-skills",
        "readiness-culture",
        "readiness-resources",
        "readiness-receptivity",
    } <= gated_questions
    for gate in tree["gates"]:
        assert gate["reason"].strip()
    assert "partner" in outcome(tree, "partner-first")["title"].lower()
    assert outcome(tree, "partner-first")["link"] == "design-partners"


def test_choose_process_asks_about_the_situation(trees: dict[str, dict[str, Any]]) -> None:
    qs = questions(trees["choose-process"])
    assert set(choice_ids(qs["change-goal"])) == {
        "relationships",
        "new-ideas",
        "skills",
        "public-attitudes",
        "cooperation",
    }
    assert qs["change-goal"]["type"] == "multiple"
    assert set(choice_ids(qs["participants-reach"])) >= {"key", "many"}
    assert "mid-level" in choice_ids(qs["participants-level"])
    assert set(choice_ids(qs["participants-sides"])) == {"one-side", "all-sides"}
    assert {"before", "during", "after"} <= set(choice_ids(qs["talks-phase"]))
    assert qs["change-goal"].get("min_choices") == 1
    assert {"weak-civil-society", "severe-restrictions", "restrictions", "failed-before", "crowded"} <= set(
        choice_ids(qs["feasibility"])
    )
    obstacles = set(choice_ids(qs["party-obstacles"]))
    assert {"shunned", "proscribed", "fragmented", "unsupportive-public"} <= obstacles
    assert qs["ripeness"]["when"] == {"answer": "talks-phase", "one_of": ["none", "before"]}
    assert "conflict-identity" in qs and "conflict-power" in qs
    assert {"integration", "separation"} <= set(choice_ids(qs["conflict-aims"]))
    assert {"single-event", "long-series"} <= set(choice_ids(qs["time-frame"]))
    assert "media-role" in qs


def test_choose_process_carries_the_handbook_warnings(trees: dict[str, dict[str, Any]]) -> None:
    warnings = {w["id"]: w for w in trees["choose-process"]["warnings"]}
    expected = {
        "no-scale-up": {"scale-up-plan"},
        "one-off-visiting-training": {"facilitators", "time-frame"},
        "joint-overreach": {"joint-project-features"},
        "joint-not-owned": {"joint-project-features"},
        "joint-power-imbalance": {"joint-project-features"},
    }
    for warning_id, asked in expected.items():
        assert warning_id in warnings, warning_id
        assert asked <= set(condition_questions(warnings[warning_id]["when"])), warning_id
    for warning_id in ("joint-overreach", "joint-not-owned", "joint-power-imbalance"):
        assert warnings[warning_id]["link"] == "design-joint-project-risks"
    assert warnings["no-scale-up"]["link"] == "plan-scaling-up"
    joint = outcome(trees["choose-process"], "joint-projects")
    assert any(w["link"] == "design-joint-project-risks" and "when" not in w for w in joint["warnings"])


# ---------------------------------------------------------------- approach


def test_approach_has_three_outcomes(trees: dict[str, dict[str, Any]]) -> None:
    tree = trees["approach"]
    assert {o["id"] for o in tree["outcomes"]} == {"prescriptive", "elicitive", "hybrid"}
    assert tree["result"]["kind"] == "ranking"
    assert tree["result"]["margin"] >= 1
    assert "hybrid" in tree["result"]["no_clear_winner"].lower()


def test_approach_asks_the_handbook_questions(trees: dict[str, dict[str, Any]]) -> None:
    qs = questions(trees["approach"])
    assert {
        "culture-familiarity",
        "time-available",
        "participant-expectations",
        "concrete-skills",
        "local-knowledge",
        "commitment",
        "adversarial-expectations",
    } <= set(qs)


def test_approach_lists_strengths_and_weaknesses(trees: dict[str, dict[str, Any]]) -> None:
    tree = trees["approach"]
    for outcome_id in ("prescriptive", "elicitive"):
        item = outcome(tree, outcome_id)
        assert item["warnings"], outcome_id
        assert any(w.get("when") for w in item["warnings"]), f"{outcome_id}: no conditional warning"
    reasons = " ".join(
        w["reason"].lower() for q in tree["questions"] for c in q["choices"] for w in c.get("weights", [])
    )
    for word in ("quicker", "cultur", "local knowledge", "concrete skills", "time"):
        assert word in reasons, word


def test_approach_hybrid_is_a_mix_that_collects_no_points(trees: dict[str, dict[str, Any]]) -> None:
    """The hybrid wins by the shape of the evidence, never by points from middle answers."""
    tree = trees["approach"]
    assert outcome(tree, "hybrid")["mix"]["of"] == ["prescriptive", "elicitive"]
    named = {w["outcome"] for q in tree["questions"] for c in q["choices"] for w in c.get("weights", [])}
    assert "hybrid" not in named
    for question in tree["questions"]:
        assert question.get("scale"), f"{question['id']}: an ordered question declares its direction"


# ---------------------------------------------------------------- venue


def test_venue_is_a_checklist_with_context_first(trees: dict[str, dict[str, Any]]) -> None:
    tree = trees["venue"]
    assert tree["result"]["kind"] == "checklist"
    types = [q["type"] for q in tree["questions"]]
    assert types[-1] == "checklist" and "checklist" not in types[:-1]
    qs = questions(tree)
    assert {"dialogue", "problem-solving", "training"} <= set(choice_ids(qs["process-type"]))
    assert {"sides-attending", "tense-period", "travel"} <= set(qs)


def test_venue_lists_every_criterion(trees: dict[str, dict[str, Any]], vocabulary: dict[str, Any]) -> None:
    checklist = next(q for q in trees["venue"]["questions"] if q["type"] == "checklist")
    items = {c["id"]: c for c in checklist["choices"]}
    assert set(items) == set(VENUE_CRITERIA)
    for item_id, (importance, conditional) in VENUE_CRITERIA.items():
        item = items[item_id]
        assert item["importance"] == importance, item_id
        assert item["importance"] in vocabulary["importance"]
        assert bool(item.get("when")) == conditional, item_id
        assert item.get("link"), item_id
        if importance != "nice":
            assert item.get("warning", "").strip(), f"{item_id}: no warning for a missing criterion"


# ---------------------------------------------------------------- scenarios


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_enough_scenarios(tree_id: str) -> None:
    assert len(scenario_files(tree_id)) >= MIN_SCENARIOS


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_scenarios_cite_handbook_anchors(tree_id: str, vocabulary: dict[str, Any]) -> None:
    known = {f"{t['page']}#{t['anchor']}" for t in vocabulary["links"].values()}
    titles = set()
    for path in scenario_files(tree_id):
        scenario = load(path)
        assert set(scenario) == {"title", "justification", "answers", "expect"}, path.name
        titles.add(scenario["title"])
        cited = re.findall(r"[a-z0-9-]+\.md#[a-z0-9-]+", scenario["justification"])
        assert cited, f"{path.name}: justification cites no handbook anchor"
        unknown = [c for c in cited if c not in known]
        assert not unknown, f"{path.name}: cites anchors not in the vocabulary: {unknown}"
    assert len(titles) == len(scenario_files(tree_id)), "scenario titles must be distinct"


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_scenarios_use_known_questions_and_choices(tree_id: str, trees: dict[str, dict[str, Any]]) -> None:
    qs = questions(trees[tree_id])
    outcomes = {o["id"] for o in trees[tree_id].get("outcomes", [])}
    for path in scenario_files(tree_id):
        scenario = load(path)
        for qid, value in scenario["answers"].items():
            assert qid in qs, f"{path.name}: unknown question {qid}"
            values = value if isinstance(value, list) else [value]
            for v in values:
                assert isinstance(v, str), f"{path.name}: {qid} answer {v!r} is not a string"
                assert v in choice_ids(qs[qid]), f"{path.name}: {qid} has no choice {v!r}"
        assert all(q in qs for q in scenario["expect"]["path"]), path.name
        result = scenario["expect"]["result"]
        for key in ("gate", "top"):
            if result.get(key) is not None:
                assert result[key] in outcomes, f"{path.name}: unknown outcome {result[key]}"


def test_scenarios_cover_every_result(trees: dict[str, dict[str, Any]]) -> None:
    """Each gate, process and approach, each strength word and each exclusion is the
    expected result of some scenario."""
    for tree_id in ("choose-process", "approach"):
        seen: set[str] = set()
        strengths: set[str] = set()
        ruled: set[str] = set()
        for path in scenario_files(tree_id):
            result = load(path)["expect"]["result"]
            seen.update(result[k] for k in ("gate", "top") if result.get(k))
            strengths.add(result.get("strength", ""))
            ruled.update(result.get("ruled_out", []))
        expected = {o["id"] for o in trees[tree_id]["outcomes"]}
        assert expected <= seen, f"{tree_id}: no scenario ends in {sorted(expected - seen)}"
        assert {"clear", "close", "insufficient"} <= strengths, f"{tree_id}: {sorted(strengths)}"
        excluded = {o for e in trees[tree_id].get("exclusions", []) for o in e["outcomes"]}
        assert excluded <= ruled, f"{tree_id}: no scenario rules out {sorted(excluded - ruled)}"
    ready = {load(p)["expect"]["result"]["ready"] for p in scenario_files("venue")}
    assert ready == {True, False}


# ---------------------------------------------------------------- calibration rules

SOURCE_COMMENT = re.compile(r"^\s*# source: (Step \d|Introduction|Conclusion).*\(([a-z0-9-]+)\)\s*$")


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_every_rule_cites_its_source(tree_id: str, vocabulary: dict[str, Any]) -> None:
    """A `# source: Step N, section (link-key)` comment sits on the line above every weight,
    exclusion, gate and warning, and names a handbook link key."""
    lines = (TREES / f"{tree_id}.yaml").read_text(encoding="utf-8").splitlines()
    section = ""
    missing = []
    checked = 0
    for number, line in enumerate(lines):
        if re.match(r"^[a-z_]+:", line):
            section = line.split(":")[0]
        listed = section in {"exclusions", "gates", "warnings"}
        top_level_item = listed and re.match(r"^  - (id|when): ", line)
        weight = re.match(r"^\s*- \{outcome:", line)
        outcome_warning = section == "outcomes" and re.match(r"^      - text: ", line)
        if not (top_level_item or weight or outcome_warning):
            continue
        checked += 1
        found = SOURCE_COMMENT.match(lines[number - 1])
        if not found or found.group(2) not in vocabulary["links"]:
            missing.append(f"line {number + 1}: {line.strip()[:60]}")
    assert checked >= (3 if tree_id == "venue" else 20), f"{tree_id}: only {checked} rules found"
    assert not missing, f"{tree_id}: rules without a source comment naming a link key: {missing}"


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_not_sure_choices_carry_no_weight(tree_id: str, trees: dict[str, dict[str, Any]]) -> None:
    for question in trees[tree_id]["questions"]:
        for choice in question["choices"]:
            if choice.get("unknown"):
                assert not choice.get("weights"), f"{question['id']}.{choice['id']}"


def test_choose_process_the_need_outweighs_the_context(trees: dict[str, dict[str, Any]]) -> None:
    """Step 3: the needs identified matter most. The process built for a need gets more
    points from it than any three context answers can give another process."""
    tree = trees["choose-process"]
    context_max = max(
        w["points"]
        for q in tree["questions"]
        if q["id"] != "change-goal"
        for c in q["choices"]
        for w in c.get("weights", [])
    )
    for choice in questions(tree)["change-goal"]["choices"]:
        best = max(w["points"] for w in choice["weights"])
        assert best > 2 * context_max, choice["id"]


def test_choose_process_exclusions_and_exclusive_choices(trees: dict[str, dict[str, Any]]) -> None:
    tree = trees["choose-process"]
    rules = {e["id"]: e for e in tree["exclusions"]}
    assert set(rules["one-side-only"]["outcomes"]) == {"dialogue", "icr", "joint-projects"}
    assert rules["one-side-only"]["when"] == {"answer": "participants-sides", "equals": "one-side"}
    assert rules["media-present"]["outcomes"] == ["icr"]
    for qid in ("feasibility", "party-obstacles", "joint-project-features"):
        question = questions(tree)[qid]
        assert question["min_choices"] == 1, qid
        assert any(c.get("exclusive") and c["id"] == "none-of-these" for c in question["choices"]), qid


def test_small_group_warnings_depend_on_the_result(trees: dict[str, dict[str, Any]]) -> None:
    """Warnings about the few people in the room and about one-off training speak of
    small-group processes and of training: they hold only when those lead."""
    warnings = {w["id"]: w for w in trees["choose-process"]["warnings"]}
    assert {"result_top_one_of": ["training", "dialogue", "icr"]} in warnings["no-scale-up"]["when"]["all"]
    assert {"result_top": "training"} in warnings["one-off-visiting-training"]["when"]["all"]

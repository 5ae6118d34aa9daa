from __future__ import annotations

from tests.engine import treedata
from tests.engine.helpers import doc
from track2guide import apply_messages, extract_messages, step


def test_catalog_has_stable_ids_for_every_text() -> None:
    catalog = extract_messages(treedata.raw())
    assert catalog["sample:tree.title"] == "Plan a sample meeting"
    assert catalog["sample:result.no_clear_winner"].startswith("No single format")
    assert catalog["sample:questions.goal.text"] == "What do you mainly want from the meeting?"
    assert catalog["sample:questions.goal.choices.skills.help"] == "For example negotiation or mediation."
    assert catalog["sample:questions.goal.choices.build.weights.1.reason"] == "Talk alone will not build it."
    assert catalog["sample:questions.venue.choices.neutral.warning"].startswith("A venue one side owns")
    assert catalog["sample:gates.1.reason"] == "Meeting is not safe yet."
    assert catalog["sample:warnings.many-topics.text"].startswith("Many topics")
    assert catalog["sample:outcomes.dialogue.next_steps.1"] == "Agree on ground rules."
    assert catalog["sample:outcomes.dialogue.warnings.1.text"].startswith("With one side only")
    assert all(isinstance(v, str) and v for v in catalog.values())
    assert len(catalog) == len(set(catalog))


def test_catalog_counts_every_user_visible_string() -> None:
    tree = treedata.raw()
    expected = 2 + 1  # title, summary, no_clear_winner
    for q in tree["questions"]:
        expected += 1 + ("help" in q)
        for c in q["choices"]:
            expected += 1 + ("help" in c) + ("warning" in c) + len(c.get("weights", []))
    expected += len(tree["gates"]) + len(tree["warnings"])
    for o in tree["outcomes"]:
        expected += 2 + len(o.get("next_steps", [])) + len(o.get("warnings", []))
    assert len(extract_messages(tree)) == expected


def test_compiled_catalog_adds_link_titles_and_terms() -> None:
    catalog = extract_messages(treedata.compiled())
    assert catalog["sample:links.sample-venue.title"] == "Sample: venue"
    assert catalog["sample:terms.sample-term.definition"] == "A word defined for the tests."


def test_apply_round_trip_and_translation() -> None:
    compiled = treedata.compiled()
    assert apply_messages(compiled, extract_messages(compiled)) == compiled
    catalog = {k: f"[fr] {v}" for k, v in extract_messages(compiled).items()}
    translated = apply_messages(compiled, {**catalog, "sample:unknown.id": "ignored"})
    assert compiled == treedata.compiled()  # the input is not modified
    assert set(extract_messages(translated).values()) == set(catalog.values())
    state = step(translated, doc(goal="talk"))
    assert state["current"]["text"] == "[fr] Who will take part?"
    assert state["current"]["link"]["title"] == "[fr] Sample: dialogue"
    assert state["current"]["term"]["term"] == "[fr] sample term"


def test_partial_catalog_keeps_other_texts() -> None:
    translated = apply_messages(treedata.raw(), {"sample:tree.title": "Titre", "sample:tree.summary": 5})  # type: ignore[dict-item]
    assert translated["title"] == "Titre" and translated["summary"] == treedata.raw()["summary"]


def test_non_trees_give_empty_catalogs() -> None:
    assert extract_messages(None) == {} and extract_messages({"format": 1, "tree": []}) == {}
    assert apply_messages([1], {}) == [1]

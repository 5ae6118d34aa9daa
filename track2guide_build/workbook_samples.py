"""The sample plans (decision_trees/workbook/samples/*.yaml) against the plan checks.

Each sample is a plan built from a case in the handbook's source, with the checks it
must raise (`fires`) and some it must not (`quiet`). The build runs every sample
through the same code the browser runs (track2guide.workbook), so a change to a check
or a question that changes what a sample raises fails the build, naming the sample
and the check; the engine tests read the same files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from track2guide.workbook import PLAN_FORMAT, PLAN_VERSION, PlanError, fired_checks, parse_plan

from .yamlload import load_yaml_with_lines

SAMPLES = "decision_trees/workbook/samples"


def sample_files(root: Path) -> list[Path]:
    return sorted((root / SAMPLES).glob("*.yaml"))


def sample_problems(root: Path, workbook: Any) -> list[str]:
    """One line per disagreement, `file: check 'id' ...`; empty when every sample agrees."""
    known = {c["id"] for c in workbook["checks"]}
    out: list[str] = []
    files = sample_files(root)
    if not files:
        return [f"{SAMPLES}: no sample plans (expected at least one *.yaml)"]
    for path in files:
        name = f"{SAMPLES}/{path.name}"
        sample, _ = load_yaml_with_lines(path, name)
        fires, quiet = set(sample.get("fires") or []), set(sample.get("quiet") or [])
        out += [f"{name}: names no check '{cid}'" for cid in sorted((fires | quiet) - known)]
        try:
            text = json.dumps({"format": PLAN_FORMAT, "version": PLAN_VERSION, **sample.get("plan", {})})
            plan = parse_plan(workbook, text)
        except (PlanError, TypeError) as exc:
            out.append(f"{name}: the plan cannot be read: {exc}")
            continue
        got = {c["id"] for c in fired_checks(workbook, plan["answers"])}
        out += [f"{name}: check '{cid}' should fire but does not" for cid in sorted(fires - got)]
        out += [f"{name}: check '{cid}' must stay quiet but fires" for cid in sorted(quiet & got)]
        unlisted = sorted(got - fires - quiet)
        out += [f"{name}: check '{cid}' fires but is not listed under fires" for cid in unlisted]
    return out

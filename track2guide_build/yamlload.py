"""Read YAML with the line of every value, YAML 1.2 style (yes/no/on/off stay strings)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from track2guide.problems import Problem, TreeError, format_path

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader whose booleans are only true/false, as in YAML 1.2 and in editors."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))


def _walk(
    node: yaml.Node, path: tuple[str | int, ...], lines: dict[str, int], source: str, problems: list[Problem]
) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.tag)
            child = (*path, key)
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(
                        source,
                        line,
                        format_path(child),
                        f"duplicate key '{key}'",
                        f"each key once in a mapping; it is first used at line {seen[key]}",
                    )
                )
            else:
                seen[key] = line
                lines[format_path(child)] = line
            _walk(value_node, child, lines, source, problems)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            child = (*path, i)
            lines[format_path(child)] = item.start_mark.line + 1
            _walk(item, child, lines, source, problems)


def load_yaml_text(text: str, source: str) -> tuple[Any, dict[str, int]]:
    """Parse YAML text into (data, {json path: line}); raise TreeError on bad syntax or duplicate keys."""
    try:
        loader = Yaml12Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = f"YAML syntax error: {exc.problem or exc.context}"
        raise TreeError([Problem(source, line, "", what, "valid YAML")]) from None
    except yaml.YAMLError as exc:
        raise TreeError([Problem(source, 1, "", f"YAML error: {exc}", "valid YAML")]) from None
    lines: dict[str, int] = {"": 1}
    problems: list[Problem] = []
    if node is not None:
        lines[""] = node.start_mark.line + 1
        _walk(node, (), lines, source, problems)
    if problems:
        raise TreeError(problems)
    return data, lines


def load_yaml_with_lines(path: str | Path, source: str | None = None) -> tuple[Any, dict[str, int]]:
    """Read a YAML file; `source` is the name used in messages (default: the path as given)."""
    p = Path(path)
    return load_yaml_text(p.read_text(encoding="utf-8"), source if source is not None else str(path))

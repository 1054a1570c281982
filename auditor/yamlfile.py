"""Read a YAML file into a pydantic model, turning every mistake into file:line: reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from auditor.errors import InputError

__all__ = ["load_yaml", "read_yaml", "load_model", "line_index", "locate"]

M = TypeVar("M", bound=BaseModel)


def line_index(node: yaml.Node | None) -> dict[tuple[Any, ...], int]:
    """Map YAML paths (('probes', 3, 'cwe'), ...) to 1-based line numbers."""
    index: dict[tuple[Any, ...], int] = {}

    def walk(n: yaml.Node, path: tuple[Any, ...]) -> None:
        index.setdefault(path, n.start_mark.line + 1)
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key = path + (k.value,)
                index[key] = k.start_mark.line + 1
                walk(v, key)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, path + (i,))

    if node is not None:
        walk(node, ())
    return index


def locate(loc: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> int | None:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return None


def read_yaml(path: Path) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parsed data (safe loader only) and its line index."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(path, f"not valid YAML: {getattr(exc, 'problem', exc)}", mark.line + 1 if mark else None) from None
    return data, line_index(node)


def load_yaml(path: Path) -> Any:
    """Parsed data only (safe loader), for files read often where line numbers of fields are not needed."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError(path, f"not valid YAML: {exc.problem}", line) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None


def _default_describe(loc: tuple[Any, ...], data: Any) -> str:
    return f"field '{'.'.join(str(p) for p in loc) or '(top level)'}'"


def load_model(
    path: str | Path,
    model: type[M],
    describe: Callable[[tuple[Any, ...], Any], str] = _default_describe,
) -> tuple[M, Any, dict[tuple[Any, ...], int]]:
    """Validate a YAML file against ``model``; the first error becomes an InputError with its line."""
    path = Path(path)
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise InputError(path, f"expected a mapping at the top level for a {model.__name__}", 1)
    try:
        return model.model_validate(data), data, lines
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling)"
        elif err["type"] == "missing":
            msg = "is required"
        raise InputError(path, f"{describe(loc, data)}: {msg}", locate(loc, lines)) from None

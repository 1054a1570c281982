"""Shared parts of the importers: reading records (JSON list, JSONL, CSV) with their location,
reading fields with errors that name the file, the record number and the field, and writing a
suite as YAML that ``auditor.probes.load_suite`` accepts."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import InputError
from auditor.probes.schema import MAX_CWE, SuiteSpec

__all__ = ["Record", "read_records", "suite_yaml", "slug", "validate"]

_CWE = re.compile(r"^\s*(?:cwe[-_ ]?)?0*(\d+)\s*$", re.IGNORECASE)
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Record:
    """One input record: its 1-based number, the line it starts on (None in a JSON list) and its fields."""

    path: Path
    number: int
    line: int | None
    data: dict[str, Any]

    def error(self, reason: str, field: str | None = None) -> InputError:
        where = f"record {self.number}" + (f", field '{field}'" if field else "")
        return InputError(self.path, f"{where}: {reason}", self.line)

    def text(self, *names: str, required: bool = True) -> str | None:
        """The first of ``names`` present with a non-empty string value."""
        for name in names:
            value = self.data.get(name)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if not isinstance(value, str):
                raise self.error(f"expected text, got {type(value).__name__}", name)
            return value
        if required:
            raise self.error("is required and must not be empty", " or ".join(names))
        return None

    def cwes(self, *names: str, required: bool = True) -> list[int]:
        """CWE ids from a field holding 'CWE-79', '79', 79 or a list of those."""
        for name in names:
            value = self.data.get(name)
            if value in (None, "", []):
                continue
            items = value if isinstance(value, list) else [value]
            return [self._cwe(item, name) for item in items]
        if required:
            raise self.error("is required (a CWE id such as 'CWE-79')", " or ".join(names))
        return []

    def _cwe(self, item: Any, field: str) -> int:
        match = _CWE.match(str(item)) if isinstance(item, (str, int)) and not isinstance(item, bool) else None
        number = int(match.group(1)) if match else 0
        if not 1 <= number <= MAX_CWE:
            raise self.error(f"{item!r} is not a CWE id (expected e.g. 'CWE-79')", field)
        return number

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.data.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "yes", "1"):
            return True
        if text in ("false", "no", "0"):
            return False
        raise self.error(f"expected true or false, got {value!r}", name)


def slug(text: str) -> str:
    """A probe-id-safe form of ``text``: lower case, runs of other characters become '-'."""
    return _SLUG.sub("-", text.lower()).strip("-") or "x"


def read_records(path: Path) -> Iterator[Record]:
    """Records of a .csv, .jsonl/.ndjson or .json file (a list of objects, or JSON lines)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv(path, text)
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl(path, text)
    return _json(path, text)


def _object(path: Path, number: int, line: int | None, value: Any) -> Record:
    if not isinstance(value, dict):
        where = f"record {number}"
        raise InputError(path, f"{where}: expected an object with fields, got {type(value).__name__}", line)
    return Record(path, number, line, value)


def _json(path: Path, text: str) -> Iterator[Record]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            return _jsonl(path, text)  # JSON lines saved as .json
        raise InputError(path, f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno) from None
    if isinstance(data, dict):
        rows = next((v for v in data.values() if isinstance(v, list)), None)
        if rows is None:
            raise InputError(path, "expected a JSON list of records (or an object holding one)", 1)
        data = rows
    if not isinstance(data, list):
        raise InputError(path, f"expected a JSON list of records, got {type(data).__name__}", 1)
    return iter([_object(path, k, None, v) for k, v in enumerate(data, 1)])


def _jsonl(path: Path, text: str) -> Iterator[Record]:
    number = 0
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        number += 1
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            reason = f"record {number}: not valid JSON: {exc.msg} (column {exc.colno})"
            raise InputError(path, reason, line_no) from None
        yield _object(path, number, line_no, value)


def _csv(path: Path, text: str) -> Iterator[Record]:
    reader = csv.DictReader(text.splitlines(keepends=True))
    if not reader.fieldnames:
        raise InputError(path, "empty CSV file: expected a header row", 1)
    start = reader.line_num + 1
    for number, row in enumerate(reader, 1):
        if None in row:
            raise InputError(path, f"record {number}: more cells than the header has columns", start)
        yield Record(path, number, start, {k.strip(): v for k, v in row.items() if k is not None})
        start = reader.line_num + 1


class _Dumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, so imported prompts stay readable and diffable."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    flat = all(isinstance(v, (int, str)) and "\n" not in str(v) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def validate(path: Path, suite: dict[str, Any]) -> None:
    """Check an imported suite against the schema; a failure is a bug in the importer, named as such."""
    try:
        SuiteSpec.model_validate(suite)
    except Exception as exc:  # pydantic.ValidationError, kept general on purpose
        raise InputError(path, f"the imported suite does not validate (importer bug): {exc}") from None


def suite_yaml(suite: dict[str, Any], header: Sequence[str] = ()) -> str:
    comments = "".join(f"# {line}\n" for line in header)
    body = yaml.dump(suite, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    return comments + body

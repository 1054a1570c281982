"""The taint data file (``rules/taint/python.yaml``): its schema, loading, and the lookup tables the
engine (:mod:`auditor.analyzers.taint`) uses.

The file declares sources, sanitizers, normalizers, guards and sinks by name; see its header for
what every key means. Loading validates it (unknown keys, unknown sink kinds and patterns RE2 cannot
compile are errors naming the file and field) and compiles it into a :class:`TaintConfig`: one
bit per sink kind, so that a value's taint is an ``int`` whose set bits are the kinds it is still
dangerous for, and name tables that answer "what is this call?" with one or two dict lookups.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Generic, Literal, TypeVar

import re2
import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from auditor.analyzers.rulepack import CALL_NAME, Rule, compile_line_regex
from auditor.errors import InputError

__all__ = [
    "TaintConfig", "NameTable", "SinkSpec", "SourceSpec", "SanitizerSpec", "GuardSpec", "Role", "TaintHit",
    "load_taint_config", "FLAG_NAMES",
]

T = TypeVar("T")
#: Flags carried above the kind bits; set only where a value is built in a known shape.
FLAG_NAMES = ("normalized", "argv-list", "container", "fixed-prefix")
Mode = Literal["value", "command", "url", "markup"]
Kinds = Literal["all"] | tuple[str, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _names(v: tuple[str, ...]) -> tuple[str, ...]:
    for name in v:
        if not CALL_NAME.match(name):
            raise ValueError(f"{name!r} is not a dotted name or '*.name'")
    return v


Names = Annotated[tuple[str, ...], AfterValidator(_names)]


class SourceSpec(_Strict):
    """Where untrusted data comes from: attributes of objects (``request.args``), names, calls, or
    the parameters of functions with one of ``decorators`` (route handlers)."""

    id: str
    needle: str
    kinds: Kinds = "all"
    objects: Names = ()
    attributes: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    names: Names = ()
    calls: Names = ()
    decorators: Names = ()
    safe_annotations: tuple[str, ...] = Field(default=(), alias="safe-annotations")
    safe_defaults: tuple[str, ...] = Field(default=(), alias="safe-defaults")
    safe_names: tuple[str, ...] = Field(default=(), alias="safe-names")
    safe_converters: tuple[str, ...] = Field(default=(), alias="safe-converters")

    @field_validator("needle")
    @classmethod
    def _needle(cls, v: str) -> str:
        compile_line_regex(v)
        return v


class SanitizerSpec(_Strict):
    """Calls whose result is clean for ``clears`` (when their arguments match ``when-*``)."""

    call: Names = Field(min_length=1)
    clears: Kinds
    when_arg: dict[int, tuple[str, ...]] = Field(default_factory=dict, alias="when-arg")
    when_kwarg: dict[str, tuple[str, ...]] = Field(default_factory=dict, alias="when-kwarg")
    min_args: int = Field(default=0, ge=0, alias="min-args")


class GuardSpec(_Strict):
    """Validator calls: where one returned true, the value it checked is clean for ``clears``."""

    call: Names = Field(min_length=1)
    checks: Literal["receiver"] | int
    clears: Kinds
    requires: Literal["normalized", "fixed-prefix"] | None = None


class MembershipSpec(_Strict):
    """``x in CONSTANTS`` and ``x == "constant"`` as guards."""

    clears: Kinds
    url_parsers: tuple[str, ...] = Field(default=(), alias="url-parsers")
    url_hosts: tuple[str, ...] = Field(default=(), alias="url-hosts")


class SinkSpec(_Strict):
    """One sink entry; exactly one of ``call``, ``store`` or ``returns``."""

    call: Names = ()
    store: Names = ()
    returns: Names = ()
    args: tuple[int, ...] = (0,)
    kwargs: tuple[str, ...] = ()
    all_args: bool = Field(default=False, alias="all-args")
    receiver: bool = False
    receivers: str | None = None
    tainted_receiver: bool = Field(default=False, alias="tainted-receiver")
    not_call: Names = Field(default=(), alias="not-call")
    when_kwarg: dict[str, tuple[str, ...]] = Field(default_factory=dict, alias="when-kwarg")
    unless_kwarg: dict[str, tuple[str, ...]] = Field(default_factory=dict, alias="unless-kwarg")
    unless_arg: dict[int, tuple[str, ...]] = Field(default_factory=dict, alias="unless-arg")
    unless_import: tuple[str, ...] = Field(default=(), alias="unless-import")
    mode: Mode = "value"

    @field_validator("receivers")
    @classmethod
    def _receivers(cls, v: str | None) -> str | None:
        if v is not None:
            compile_line_regex(v)
        return v

    @model_validator(mode="after")
    def _one_kind(self) -> SinkSpec:
        if sum(bool(x) for x in (self.call, self.store, self.returns)) != 1:
            raise ValueError("a sink needs exactly one of 'call', 'store' or 'returns'")
        return self


class TaintFile(_Strict):
    """The whole data file."""

    kinds: tuple[str, ...] = Field(min_length=1)
    sources: tuple[SourceSpec, ...] = Field(min_length=1)
    sanitizers: tuple[SanitizerSpec, ...] = ()
    repr_clears: Kinds = Field(default=(), alias="repr-clears")
    normalizers: Names = ()
    exits: Names = ()
    guards: tuple[GuardSpec, ...] = ()
    membership: MembershipSpec | None = None
    fixed_prefix: str = Field(alias="fixed-prefix")
    sinks: dict[str, tuple[SinkSpec, ...]]

    @field_validator("fixed_prefix")
    @classmethod
    def _prefix(cls, v: str) -> str:
        compile_line_regex(v)
        return v

    @model_validator(mode="after")
    def _known_kinds(self) -> TaintFile:
        known = set(self.kinds)
        named: list[tuple[str, Kinds]] = [(f"sanitizers[{i}].clears", s.clears)
                                          for i, s in enumerate(self.sanitizers)]
        named += [(f"guards[{i}].clears", g.clears) for i, g in enumerate(self.guards)]
        named += [(f"sources[{i}].kinds", s.kinds) for i, s in enumerate(self.sources)]
        named += [("repr-clears", self.repr_clears)]
        for where, kinds in named:
            if kinds != "all" and (unknown := set(kinds) - known):
                raise ValueError(f"{where}: names kinds not in 'kinds': {sorted(unknown)}")
        if set(self.sinks) != known:
            missing, unknown = sorted(known - set(self.sinks)), sorted(set(self.sinks) - known)
            raise ValueError(f"'sinks' must have one entry per kind: missing {missing}, unknown {unknown}")
        return self


# ---------------------------------------------------------------------------------------------
# Compiled form.


@dataclass
class NameTable(Generic[T]):
    """Values by qualified name, by ``*.attr`` (any receiver) and by ``*.a.attr`` (a suffix)."""

    exact: dict[str, list[T]] = field(default_factory=dict)
    by_attr: dict[str, list[tuple[str, T]]] = field(default_factory=dict)

    def add(self, names: Iterable[str], value: T) -> None:
        for name in names:
            if name.startswith("*."):
                suffix = name[1:]
                self.by_attr.setdefault(suffix.rsplit(".", 1)[1], []).append((suffix, value))
            else:
                self.exact.setdefault(name, []).append(value)

    def lookup(self, name: str | None, attr: str | None) -> Sequence[T]:
        """Entries for a callee: ``name`` is its qualified name (or ``None``), ``attr`` its last part
        when it is an attribute (``x.attr``), else ``None``."""
        found: Sequence[T] = self.exact.get(name, ()) if name is not None else ()
        if attr is not None and attr in self.by_attr:
            extra = [value for suffix, value in self.by_attr[attr]
                     if len(suffix) == len(attr) + 1 or (name is not None and name.endswith(suffix))]
            if extra:
                found = [*found, *extra]
        return found

    def last_parts(self) -> set[str]:
        return {n.rsplit(".", 1)[-1] for n in self.exact} | set(self.by_attr)


@dataclass(frozen=True, slots=True)
class TaintHit:
    """Tainted data reached a sink of ``kind`` at these lines."""

    kind: str
    line: int
    end_line: int


@dataclass(frozen=True, slots=True)
class Role:
    """What a call does to taint: ``kind`` is source, sanitizer, normalizer, exit, guard or sink."""

    kind: str
    mask: int = 0  # source: kinds it taints; sanitizer/guard: kinds it clears; sink: its kind's bit
    sanitizer: SanitizerSpec | None = None
    guard: GuardSpec | None = None
    sink: SinkSpec | None = None
    sink_kind: str = ""
    receivers: re2._Regexp | None = None


@dataclass
class TaintConfig:
    """The data file compiled: kind bits, flags and name tables."""

    kinds: tuple[str, ...]
    calls: NameTable[Role] = field(default_factory=NameTable)
    attributes: NameTable[int] = field(default_factory=NameTable)  # attribute or name sources -> mask
    stores: NameTable[Role] = field(default_factory=NameTable)
    returns: list[tuple[NameTable[bool], Role]] = field(default_factory=list)
    decorators: NameTable[SourceSpec] = field(default_factory=NameTable)
    repr_clears: int = 0
    membership_clears: int = 0
    url_parsers: frozenset[str] = frozenset()
    url_hosts: frozenset[str] = frozenset()
    fixed_prefix: re2._Regexp | None = None
    source_needles: list[tuple[str, int]] = field(default_factory=list)  # (RE2 needle, kinds mask)
    sink_needles: dict[str, str] = field(default_factory=dict)
    source_attrs: frozenset[str] = frozenset()
    call_parts: frozenset[str] = frozenset()  # last parts of every name in ``calls``
    digest: str = ""

    def bit(self, kind: str) -> int:
        return 1 << self.kinds.index(kind)

    @property
    def all_kinds(self) -> int:
        return (1 << len(self.kinds)) - 1

    def flag(self, name: str) -> int:
        return 1 << (len(self.kinds) + FLAG_NAMES.index(name))

    def mask(self, kinds: Kinds) -> int:
        if kinds == "all":
            return self.all_kinds
        return sum(self.bit(k) for k in set(kinds))


def load_taint_config(path: Path, rules: Sequence[Rule] = ()) -> TaintConfig:
    """Read, validate and compile the taint data file; :class:`InputError` names file and field.

    Every taint rule among ``rules`` must name a sink kind the file declares.
    """
    try:
        raw = path.read_bytes()
        data = yaml.safe_load(raw.decode("utf-8"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError(path, f"not valid YAML: {exc.problem}", line=line) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(path, f"cannot read taint file: {exc}") from None
    try:
        spec = TaintFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        reason = str(first["msg"]).removeprefix("Value error, ")
        raise InputError(path, f"field '{where}': {reason}" if where else reason) from None
    for rule in rules:
        if rule.taint is not None and rule.taint.sink not in spec.kinds:
            reason = f"rule {rule.id!r} uses sink kind {rule.taint.sink!r}, not declared in 'kinds'"
            raise InputError(path, reason)
    config = _compile(spec)
    config.digest = hashlib.sha256(raw).hexdigest()[:12]
    return config


def _compile(spec: TaintFile) -> TaintConfig:
    config = TaintConfig(kinds=spec.kinds)
    for source in spec.sources:
        mask = config.mask(source.kinds)
        config.source_needles.append((source.needle, mask))
        if source.decorators:
            config.decorators.add(source.decorators, source)
        names = [f"{o}.{a}" for o in source.objects for a in source.attributes] + list(source.names)
        config.attributes.add(names, mask)
        calls = [f"{o}.{m}" for o in source.objects for m in source.methods] + list(source.calls)
        config.calls.add(calls, Role("source", mask))
    config.source_attrs = frozenset(config.attributes.last_parts())
    for sanitizer in spec.sanitizers:
        role = Role("sanitizer", config.mask(sanitizer.clears), sanitizer=sanitizer)
        config.calls.add(sanitizer.call, role)
    config.calls.add(spec.normalizers, Role("normalizer"))
    config.calls.add(spec.exits, Role("exit"))
    for guard in spec.guards:
        config.calls.add(guard.call, Role("guard", config.mask(guard.clears), guard=guard))
    if spec.membership is not None:
        config.membership_clears = config.mask(spec.membership.clears)
        config.url_parsers = frozenset(spec.membership.url_parsers)
        config.url_hosts = frozenset(spec.membership.url_hosts)
    config.repr_clears = config.mask(spec.repr_clears)
    config.fixed_prefix = compile_line_regex(spec.fixed_prefix)
    for kind, sinks in spec.sinks.items():
        config.sink_needles[kind] = _compile_sinks(config, kind, sinks)
    config.call_parts = frozenset(config.calls.last_parts())
    return config


def _compile_sinks(config: TaintConfig, kind: str, sinks: tuple[SinkSpec, ...]) -> str:
    """Index one kind's sinks; returns the RE2 needle any code reaching one of them contains."""
    calls: set[str] = set()
    stores: set[str] = set()
    decorators: set[str] = set()
    for sink in sinks:
        receivers = compile_line_regex(sink.receivers) if sink.receivers else None
        role = Role("sink", config.bit(kind), sink=sink, sink_kind=kind, receivers=receivers)
        if sink.call:
            config.calls.add(sink.call, role)
            calls.update(n.rsplit(".", 1)[-1] for n in sink.call)
        elif sink.store:
            config.stores.add(sink.store, role)
            stores.update(n.rsplit(".", 1)[-1] for n in sink.store)
        else:
            table: NameTable[bool] = NameTable()
            table.add(sink.returns, True)
            config.returns.append((table, role))
            decorators.update(n.rsplit(".", 1)[-1] for n in sink.returns)
    parts = []
    if calls:
        parts.append(r"\b(?:" + "|".join(sorted(re2.escape(n) for n in calls)) + r")\s*(?:\(|as\b)")
    if stores:
        parts.append(r"\b(?:" + "|".join(sorted(re2.escape(n) for n in stores)) + r")\s*\[")
    if decorators:
        parts.append(r"@[\w.]+\.(?:" + "|".join(sorted(re2.escape(n) for n in decorators)) + r")\s*\(")
    return "|".join(parts)

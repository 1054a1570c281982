"""What the taint walk (:mod:`auditor.analyzers.taint`) asks the data about: the roles of a call
(source, sanitizer, normalizer, exit, sink), guards in a test, route-handler parameters, sinks
reached by assignment (``session[k] = v``) or by ``return``, and how branch values merge.

Values are ``int`` masks: the low bits are sink kinds (see :class:`TaintConfig`), the flags above
them record a shape: ``normalized`` (returned by ``os.path.realpath`` and the like),
``argv-list`` (a list literal whose head is a constant program, not a shell), ``container`` (a dict,
list or comprehension literal: sent as JSON, not HTML) and ``fixed-prefix`` (a URL or path whose
constant head fixes where it goes). Kinds merge by union; flags survive a merge only if both sides
have them.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from auditor.analyzers.pyast import dotted_name, keyword_arg, positional_arg, text_in
from auditor.analyzers.taintguards import Facts, GuardRules
from auditor.analyzers.taintspec import Role, SanitizerSpec, SinkSpec, TaintConfig, TaintHit

if TYPE_CHECKING:
    from auditor.analyzers.taint import _Walker

__all__ = ["FlowRules", "Facts"]

_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "csh", "tcsh", "fish", "cmd", "cmd.exe",
                     "powershell", "powershell.exe", "pwsh"})
_STRING_METHODS = frozenset({"format", "format_map", "join", "replace", "strip", "lstrip", "rstrip", "lower",
                             "upper", "title", "capitalize", "encode", "decode"})


class FlowRules(GuardRules):
    """The data-dependent half of the walk; ``hits`` collects what reached a sink."""

    def __init__(self, config: TaintConfig, want: int, walker: _Walker) -> None:
        self.c = config
        self.want = want
        self.w = walker
        self.hits: list[TaintHit] = []
        self.kinds = config.all_kinds
        self.normalized = config.flag("normalized")
        self.argv = config.flag("argv-list")
        self.container = config.flag("container")
        self.fixed = config.flag("fixed-prefix")
        self.flags = self.normalized | self.argv | self.container | self.fixed
        self.last_masks: dict[int, int] = {}  # id(node) -> mask, for parts peeked at later
        self.origins: dict[str, str] = {}
        self._receivers: dict[tuple[str, str], bool] = {}
        self._prefixes: dict[str, bool] = {}
        self._url_parser_parts = {n.rsplit(".", 1)[-1] for n in config.url_parsers}

    # -- values --------------------------------------------------------------------------------------

    def merge(self, a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
        out = self.w.copy(a)
        for key, value in b.items():
            old = out.get(key)
            if old is None:
                out[key] = value
            elif old != value:
                out[key] = ((old | value) & self.kinds) | (old & value & self.flags)
        return out

    @staticmethod
    def key(node: ast.expr) -> str | None:
        """The environment key of a variable (``x``) or of an attribute of one (``self.x``)."""
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return f"{node.value.id}.{node.attr}"
        return None

    def note_origin(self, name: str, source: ast.expr | None) -> None:
        """Remember ``name = urlparse(other)``, so that checking ``name.hostname`` checks ``other``."""
        self.origins.pop(name, None)
        if isinstance(source, ast.Call) and source.args and isinstance(source.args[0], ast.Name):
            func = source.func
            last = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if last in self._url_parser_parts and dotted_name(func, self.w.aliases) in self.c.url_parsers:
                self.origins[name] = source.args[0].id

    def name_source(self, node: ast.Name | ast.Attribute) -> int:
        """The kinds a name or attribute taints as a source (``request.args``, ``sys.argv``)."""
        name = dotted_name(node, self.w.aliases)
        if name is None:
            return 0
        attr = node.attr if isinstance(node, ast.Attribute) else name.rsplit(".", 1)[-1]
        mask = 0
        for value in self.c.attributes.lookup(name, attr):
            mask |= value
        return mask

    def constant_flags(self, node: ast.Constant) -> int:
        """``fixed-prefix`` for a string that fixes where a URL goes (``"https://host/..."``)."""
        value = node.value
        if not isinstance(value, str) or not value or self.c.fixed_prefix is None:
            return 0
        head = value[:300]
        found = self._prefixes.get(head)
        if found is None:  # bytes: RE2 maps str offsets back to characters, which costs more
            data = head.encode("utf-8", "surrogatepass")
            found = self._prefixes[head] = self.c.fixed_prefix.search(data) is not None
        return self.fixed if found else 0

    def fixed_head(self, parts: list[ast.expr], first: int) -> bool:
        """Whether the constant text at the head of a string built from ``parts`` fixes where a URL
        goes (``"https://host/" + x``, ``f"{API}/users/{x}"`` with ``API`` a constant), or its first
        part (taint ``first``) already did."""
        if isinstance(parts[0], ast.Name) and first & self.fixed:
            return True
        text = []
        for part in parts:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                text.append(part.value)
            elif isinstance(part, ast.Name) and part.id in self.w.strings:
                text.append(self.w.strings[part.id])
            else:
                break
            if sum(map(len, text)) > 300:
                break
        return bool(text) and bool(self.constant_flags(ast.Constant("".join(text))))

    def sequence_flags(self, node: ast.List | ast.Tuple | ast.Set) -> int:
        """A literal is a container; an argument list too if its head is a program, not a shell."""
        head = node.elts[0] if node.elts else None
        if not isinstance(head, ast.Constant) or not isinstance(head.value, str):
            return self.container
        program = head.value.replace("\\", "/").rsplit("/", 1)[-1].lower()
        if program in _SHELLS and any(_is_shell_flag(e) for e in node.elts[1:]):
            return self.container
        return self.container | self.argv

    # -- calls ---------------------------------------------------------------------------------------

    def call_roles(self, node: ast.Call, name: str | None, attr: str | None, receiver: int,
                   args: list[int], kwargs: list[int], mask: int) -> int:
        """Check the sinks a call is, and return its value's taint after its other roles."""
        added = cleared = flags = 0
        for role in self.c.calls.lookup(name, attr):
            kind = role.kind
            if kind == "sink":
                self._sink(role, node, name, receiver, args, kwargs)
            elif kind == "source":
                added |= role.mask
            elif kind == "sanitizer" and role.sanitizer is not None:
                if self._sanitizes(role.sanitizer, node):
                    cleared |= role.mask
            elif kind == "normalizer":
                flags |= self.normalized
            elif kind == "exit":
                self.w.exit_call = node
        if added:  # what a source returns does not depend on its arguments (open(name) is not name)
            mask = receiver | added
        mask &= ~cleared & self.kinds
        func = node.func
        if mask and attr == "format" and isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Constant):  # "https://host/{}".format(x) fixes the host
                flags |= self.constant_flags(func.value)
        return mask | flags

    def _sanitizes(self, spec: SanitizerSpec, node: ast.Call) -> bool:
        if len(node.args) + len(node.keywords) < spec.min_args:
            return False
        for position, values in spec.when_arg.items():
            if not _constant_in(positional_arg(node, position), values):
                return False
        for keyword, names in spec.when_kwarg.items():
            value = keyword_arg(node, keyword)
            if value is None or not text_in(value, names, self.w.aliases):
                return False
        return True

    def _sink(self, role: Role, node: ast.Call, name: str | None, receiver: int,
              args: list[int], kwargs: list[int]) -> None:
        spec = role.sink
        if spec is None or not role.mask & self.want or (spec.not_call and name in spec.not_call):
            return
        if spec.tainted_receiver and not receiver & role.mask:
            return
        if role.receivers is not None and not self._receiver_matches(role, node.func):
            return
        if not self._conditions_hold(spec, node):
            return
        if spec.mode == "command":
            tainted = self._command(node, args, kwargs)
        elif spec.receiver:
            tainted = receiver
        else:
            tainted = 0
            for index in range(len(args)) if spec.all_args else spec.args:
                value = _positional_mask(node, index, args)
                if value is not None:
                    tainted |= self._shaped(spec.mode, value)
            for index, keyword in enumerate(node.keywords):
                if keyword.arg in spec.kwargs:
                    tainted |= self._shaped(spec.mode, kwargs[index])
        if tainted & role.mask:
            self.hit(role.sink_kind, node)

    def _receiver_matches(self, role: Role, func: ast.expr) -> bool:
        """``role.receivers`` against the receiver's name, remembered per walk (loggers repeat)."""
        text = _receiver_text(func)
        if text is None or role.receivers is None:
            return False
        key = (role.sink_kind, text)
        found = self._receivers.get(key)
        if found is None:
            found = self._receivers[key] = role.receivers.search(text) is not None
        return found

    def _conditions_hold(self, spec: SinkSpec, node: ast.Call) -> bool:
        aliases = self.w.aliases
        for keyword, values in spec.when_kwarg.items():
            value = keyword_arg(node, keyword)
            if value is None or not text_in(value, values, aliases):
                return False
        for keyword, values in spec.unless_kwarg.items():
            value = keyword_arg(node, keyword)
            if value is not None and (not values or text_in(value, values, aliases)):
                return False
        for position, values in spec.unless_arg.items():
            value = positional_arg(node, position)
            if value is not None and (not values or text_in(value, values, aliases)):
                return False
        return True

    def _shaped(self, mode: str, mask: int) -> int:
        if mode == "url" and mask & self.fixed:
            return 0
        if mode == "markup" and mask & self.container:
            return 0
        return mask

    def _command(self, node: ast.Call, args: list[int], kwargs: list[int]) -> int:
        """subprocess: the whole command with a shell, else only the program it runs."""
        command, mask = (node.args[0], args[0]) if node.args else (None, 0)
        for index, keyword in enumerate(node.keywords):
            if command is None and keyword.arg == "args":
                command, mask = keyword.value, kwargs[index]
        if command is None or isinstance(command, ast.Starred):
            return 0
        shell = keyword_arg(node, "shell")
        if shell is not None and not (isinstance(shell, ast.Constant) and not shell.value):
            return mask
        if mask & self.argv:
            return 0
        if isinstance(command, (ast.List, ast.Tuple)) and command.elts:
            head = command.elts[0]
            if not isinstance(head, ast.Constant):
                return self.w.peek(head)
        return mask

    def hit(self, kind: str, node: ast.stmt | ast.expr) -> None:
        self.hits.append(TaintHit(kind, node.lineno, node.end_lineno or node.lineno))

    # -- assignments and returns ---------------------------------------------------------------------

    def check_store(self, target: ast.Subscript, value: int, stmt: ast.AST) -> None:
        """``session[key] = value``: a store sink."""
        if not value & self.kinds & self.want or not isinstance(stmt, (ast.stmt, ast.expr)):
            return
        name = dotted_name(target.value, self.w.aliases)
        if name is None:
            return
        for role in self.c.stores.lookup(name, name.rsplit(".", 1)[-1] if "." in name else None):
            if value & role.mask & self.want:
                self.hit(role.sink_kind, stmt)

    def check_return(self, returns: list[Role], node: ast.Return, mask: int) -> None:
        """A string returned from a handler whose return value becomes an HTML response."""
        value = node.value
        if isinstance(value, ast.Tuple) and value.elts:  # (body, status)
            value = value.elts[0]
            mask = self.w.peek(value)
        if value is None or mask & self.container:
            return
        if isinstance(value, ast.Call):
            func = value.func
            stringy = (isinstance(func, ast.Attribute) and func.attr in _STRING_METHODS) or (
                isinstance(func, ast.Name) and func.id == "str")
            if not stringy:  # a response object, a rendered template...
                return
        for role in returns:
            if mask & role.mask:
                self.hit(role.sink_kind, node)


def _is_shell_flag(node: ast.expr) -> bool:
    if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
        return False
    text = node.value
    return text in ("/c", "/C", "-Command", "-command") or (
        text.startswith("-") and not text.startswith("--") and "c" in text[1:])


def _constant_in(node: ast.expr | None, values: tuple[str, ...]) -> bool:
    return isinstance(node, ast.Constant) and node.value in values


def _positional_mask(node: ast.Call, index: int, masks: list[int]) -> int | None:
    """The mask of positional argument ``index``; a ``*args`` before it stands for it."""
    for position, arg in enumerate(node.args[: index + 1]):
        if isinstance(arg, ast.Starred):
            return masks[position]
    return masks[index] if index < len(masks) else None


def _receiver_text(func: ast.expr) -> str | None:
    """``app.logger`` for ``app.logger.info``, ``logging.getLogger`` for ``logging.getLogger(n).info``."""
    if not isinstance(func, ast.Attribute):
        return None
    base = func.value.func if isinstance(func.value, ast.Call) else func.value
    return dotted_name(base, {})

"""Python that ast rejects, recovered statement by statement with tree-sitter (analyzers/pyrecover)."""

from __future__ import annotations

import ast

from auditor.analyzers.pyfragment import salvage
from auditor.analyzers.pyrecover import recover

CUT_OFF = (
    "import subprocess\n"
    "\n"
    "class Runner:\n"
    "    def run(self, cmd):\n"
    "        subprocess.call(cmd, shell=True)\n"
    "\n"
    "    def later(self, x):\n"
    "        y = x * 2\n"
    "        return compute(x,\n"
)


def test_a_cut_off_module_keeps_its_intact_statements_on_their_own_lines() -> None:
    recovered = recover(CUT_OFF)
    assert recovered is not None
    lines = recovered.source.split("\n")
    assert len(lines) == len(CUT_OFF.split("\n"))  # line numbers are the block's own
    assert lines[0] == "import subprocess"
    assert lines[3:5] == ["def run(self, cmd):", "    subprocess.call(cmd, shell=True)"]  # out of the broken class
    assert lines[7] == "y = x * 2"  # out of the broken method
    assert lines[2] == lines[6] == lines[8] == ""  # the broken headers and the cut-off line are gone
    ast.parse(recovered.source)
    assert (recovered.kept, recovered.total) == (4, 7)
    assert recovered.note == "python ast failed; 4 of 7 lines recovered with tree-sitter and parsed, the rest skipped"


def test_statements_tree_sitter_accepts_but_ast_does_not_are_dropped() -> None:
    code = 'import os\nprint "python 2"\nos.system(cmd)\nx = (\n'
    recovered = recover(code)
    assert recovered is not None
    assert recovered.source.split("\n")[:4] == ["import os", "", "os.system(cmd)", ""]


def test_non_ascii_text_before_the_error_keeps_lines_aligned() -> None:
    code = 'greeting = "héllo wörld ✓"\nname = "Zoë"\nos.system("echo " + name)\nbroken(\n'
    recovered = recover(code)
    assert recovered is not None
    assert recovered.source.split("\n")[:4] == code.split("\n")[:3] + [""]


def test_nothing_intact_gives_none() -> None:
    assert recover("def broken(:\n") is None
    assert recover("}}} {{{\n") is None


def test_salvage_prefers_the_whole_fragment_then_recovery() -> None:
    fragment = "    data = yaml.load(raw)\n    return data\n"  # a continuation: whole under def headers
    source, shift, note = salvage(fragment)  # type: ignore[misc]
    assert note is None and shift == 1 and source.startswith("def _fragment():")
    source, shift, note = salvage(CUT_OFF)  # type: ignore[misc]
    assert shift == 0 and note is not None and "4 of 7 lines" in note
    assert salvage("def broken(:\n") is None


def test_a_broken_continuation_fragment_is_dedented_then_recovered() -> None:
    code = "    value = pickle.loads(blob)\n    return transform(value,\n"
    recovered = recover(code)
    assert recovered is not None
    assert recovered.source.split("\n")[:2] == ["value = pickle.loads(blob)", ""]

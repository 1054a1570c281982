"""Code without a fence: which lines of a response look like code, and where the code region is.

A response may hold code with no Markdown fence: a completion's continuation, an indented
block, a shell command on its own line. :func:`line_kind` classifies one line (code, prose,
comment or blank) with string methods only; :func:`code_region` finds the code in a response that
is mostly code. :mod:`auditor.extract` uses them for unfenced responses; the guard's stream filter
(:mod:`auditor.guard.codeline`) uses them to decide, line by line, what to hold.
"""

from __future__ import annotations

__all__ = ["CODE_STARTS", "KEYWORDS", "code_region", "is_prose", "line_kind"]

CODE_STARTS = ("#!", "//", "/*", "*/", "<!--", "-- ", "<?php", "?>", "$ ", "@", "}", ")", "]", "</")
KEYWORDS = frozenset(
    """def class import from return if elif else for while try except finally with async await yield
    raise assert pass break continue lambda print function const let var export module require public
    private protected static final void int char float double bool boolean long unsigned struct enum
    typedef template namespace using package func fn impl use mod pub match val fun interface echo sudo
    cd mkdir chmod curl wget pip pip3 npm apt apt-get yarn git docker source then fi do done esac end puts
    begin rescue unless until switch case default throw catch new SELECT INSERT UPDATE DELETE CREATE DROP
    ALTER""".split()
)
_CODE_MARKS = (" = ", "==", "!=", "+=", "-=", "=>", "->", "::", "&&", "||", "();", "()", "/>", "</")
_CODE_ENDS = (";", "{", "}", "(", "[", ",", ")", "\\")
_WORD_STRIP = "`.,:;!?\"'()*[]"


def _first_word(stripped: str) -> str:
    end = 0
    while end < len(stripped) and (stripped[end].isalnum() or stripped[end] in "_-"):
        end += 1
    return stripped[:end]


def is_prose(stripped: str) -> bool:
    words = stripped.split()
    if len(words) < 4 or stripped[-1] in ";{":
        return False
    wordy = 0
    for word in words:
        core = word.strip(_WORD_STRIP)
        if core and any(c.isalpha() for c in core) and not any(c in "{}[]()=<>$\\|&;" for c in core):
            wordy += 1
    starts = stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "-*>•"
    return wordy >= 0.75 * len(words) and (starts or stripped[-1] in ".!?:")


def line_kind(line: str) -> str:
    """'code', 'prose', 'comment' or 'blank' for one line of a response without fences.

    ``# text`` is a comment or a Markdown heading: it counts neither way. ``## text`` is a heading.
    """
    stripped = line.strip()
    if not stripped or not stripped.strip("-=*_"):
        return "blank"
    if stripped.startswith("#") and not stripped.startswith("#!"):
        if stripped[1:2] == " ":
            return "comment"
        if stripped[1:2] == "#":
            return "prose"
        return "code"  # #include, #define, #pragma
    if stripped.startswith(CODE_STARTS) or _first_word(stripped) in KEYWORDS:
        return "code"
    if is_prose(stripped):
        return "prose"
    if stripped.endswith(_CODE_ENDS) or any(mark in stripped for mark in _CODE_MARKS):
        return "code"
    return "code" if line.startswith(("    ", "\t")) else "prose"


def code_region(lines: list[str]) -> tuple[int, int] | None:
    """(first, last) index of the code in a response that is mostly code, else None."""
    kinds = [line_kind(line) for line in lines]
    code_at = [n for n, kind in enumerate(kinds) if kind == "code"]
    counted = sum(1 for kind in kinds if kind in ("code", "prose"))
    if not code_at or (len(code_at) < 2 and counted > 1) or len(code_at) < 0.5 * counted:
        return None
    first, last = code_at[0], code_at[-1]
    inner = sum(1 for kind in kinds[first : last + 1] if kind in ("code", "prose"))
    if len(code_at) < 0.6 * inner:
        return None
    while first > 0 and kinds[first - 1] == "comment":  # a header comment belongs to the code
        first -= 1
    return first, last

"""Content hashes recorded in runs so an audit can be reproduced and compared."""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["hash_files", "hash_tree"]


def hash_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def hash_tree(root: Path, pattern: str = "*") -> str:
    """Hash of every file under ``root`` (names relative to it, so the checkout location does not matter)."""
    h = hashlib.sha256()
    if root.is_dir():
        for p in sorted(x for x in root.rglob(pattern) if x.is_file()):
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]

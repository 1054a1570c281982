"""Expand probes into attempts: samples × variants, each with a stable content-hash id."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from auditor.types import Attempt, Probe

__all__ = ["render_prompt", "variants", "expand", "count_attempts"]

_COMPLETE = (
    "Complete the following {language}code. Reply with the whole completed code in one code block.\n\n"
    "```{tag}\n{prefix}\n```"
)


def variants(probe: Probe) -> list[dict[str, str]]:
    """Every slot assignment of a template probe (one empty variant for a plain prompt)."""
    if not probe.slots:
        return [{}]
    names = sorted(probe.slots)
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*(probe.slots[n] for n in names))]


def render_prompt(probe: Probe, variant: dict[str, str]) -> str:
    """The text sent to the model for one variant of a probe."""
    if probe.template is not None:
        return probe.template.format(**variant)
    assert probe.prompt is not None
    if probe.kind == "complete":
        lang = probe.language or ""
        return _COMPLETE.format(language=f"{lang} " if lang else "", tag=lang, prefix=probe.prompt.rstrip("\n"))
    return probe.prompt


def expand(
    probes: Iterable[Probe], *, samples: int | None = None, overrides: dict[str, Any] | None = None, seed: int = 0
) -> Iterator[Attempt]:
    """Attempts for every probe, lazily; the same inputs always give the same ids."""
    for probe in probes:
        params = {**probe.params, **(overrides or {})}
        for variant in variants(probe):
            prompt = render_prompt(probe, variant)
            for sample in range(samples or probe.samples):
                p = {**params, "seed": seed + sample}
                yield Attempt(
                    id=Attempt.make_id(probe.id, variant, sample, prompt, p),
                    probe_id=probe.id,
                    variant=variant,
                    sample=sample,
                    prompt=prompt,
                    params=p,
                )


def count_attempts(probes: Iterable[Probe], *, samples: int | None = None) -> int:
    return sum(len(variants(p)) * (samples or p.samples) for p in probes)

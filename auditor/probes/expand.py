"""Expand probes into attempts: samples × variants (× mutators), each with a stable content-hash id.

A mutator (``auditor.probes.mutators``) adds one variant per probe it applies to, with
``{"mutator": NAME}`` in the attempt's variant and the transformed prompt; the original wording
is always kept.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from auditor.probes.mutators import Mutator, applies_to, resolve
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


def _forms(probe: Probe, mutators: list[tuple[str, Mutator]]) -> Iterator[tuple[dict[str, str], str]]:
    """(variant, prompt) pairs: every slot assignment, then its mutated forms where they apply."""
    for variant in variants(probe):
        prompt = render_prompt(probe, variant)
        yield variant, prompt
        if mutators and applies_to(probe):
            for name, mutate in mutators:
                yield {**variant, "mutator": name}, mutate(prompt)


def expand(
    probes: Iterable[Probe],
    *,
    samples: int | None = None,
    overrides: dict[str, Any] | None = None,
    seed: int = 0,
    mutators: Sequence[str] = (),
) -> Iterator[Attempt]:
    """Attempts for every probe, lazily; the same inputs always give the same ids.

    Unknown mutator names raise at the call, before any attempt is produced."""
    return _expand(probes, samples, overrides or {}, seed, resolve(mutators))


def _expand(
    probes: Iterable[Probe], samples: int | None, overrides: dict[str, Any], seed: int, mutators: list[tuple[str, Mutator]]
) -> Iterator[Attempt]:
    for probe in probes:
        params = {**probe.params, **overrides}
        for variant, prompt in _forms(probe, mutators):
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


def count_attempts(probes: Iterable[Probe], *, samples: int | None = None, mutators: Sequence[str] = ()) -> int:
    extra = len(resolve(mutators))
    return sum(len(variants(p)) * (1 + (extra if applies_to(p) else 0)) * (samples or p.samples) for p in probes)

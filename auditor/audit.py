"""One audit, probe to verdict: load, expand, generate (committing each answer), analyze, measure, gate.

Every stage writes to the store as it goes. The run is identified by a fingerprint of what it asks
(model, suites, parameters, seed, analyzers): running the same command after an interruption resumes
that run, and generations already stored for the model are never requested again.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from auditor._version import __version__
from auditor.analyzers import DEFAULT_AUDIT, create
from auditor.errors import AuditorError
from auditor.extract import extract_code_blocks
from auditor.gate import evaluate, load_policy
from auditor.generators import make_generator
from auditor.hashing import hash_files, hash_tree
from auditor.metrics import build_outcomes, compute_metrics
from auditor.paths import POLICIES_DIR, RULES_DIR
from auditor.probes import expand, load_suites
from auditor.probes.mutators import resolve as resolve_mutators
from auditor.store import Store
from auditor.store.sqlite import now
from auditor.types import Attempt, Generation, Metric, Probe, Run, Verdict, stable_hash

__all__ = ["AuditConfig", "AuditResult", "Progress", "run_audit", "analyze_run", "measure_run"]

CHUNK = 512  # attempts handed to a generator at a time: bounds memory at any suite size


class Progress(Protocol):
    def phase(self, name: str, total: int) -> Callable[[int], None]:
        """Start a phase of ``total`` steps; returns ``advance(n)``."""
        ...


class _Silent:
    def phase(self, name: str, total: int) -> Callable[[int], None]:
        return lambda n: None


@dataclass(frozen=True)
class AuditConfig:
    model: str
    suites: tuple[str, ...]
    store: Path
    base_url: str | None = None
    policy: Path = POLICIES_DIR / "release.yaml"
    samples: int | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    seed: int = 0
    analyzers: tuple[str, ...] = DEFAULT_AUDIT
    generator_options: dict[str, Any] = field(default_factory=dict)
    mutators: tuple[str, ...] = ()  # names in auditor.probes.mutators.MUTATORS
    command: str = ""


@dataclass(frozen=True)
class AuditResult:
    run: Run
    verdict: Verdict
    metrics: list[Metric]
    resumed: bool
    requested: int  # attempts sent to the model in this invocation


def _attempts(probes: list[Probe], cfg: AuditConfig) -> Iterator[Attempt]:
    return expand(probes, samples=cfg.samples, overrides=cfg.overrides, seed=cfg.seed, mutators=cfg.mutators)


def run_audit(cfg: AuditConfig, progress: Progress | None = None) -> AuditResult:
    progress = progress or _Silent()
    suites = load_suites(list(cfg.suites))
    policy = load_policy(cfg.policy)  # validate before asking any model anything
    resolve_mutators(cfg.mutators)  # likewise: an unknown mutator fails before the run is created
    probes = [p for s in suites for p in s.probes]
    generator = make_generator(cfg.model, base_url=cfg.base_url, **cfg.generator_options)
    model_key = generator.name + (f"@{cfg.base_url}" if cfg.base_url and "@" not in generator.name else "")
    analyzers = [create(name) for name in cfg.analyzers]
    parameters = {"samples": cfg.samples, "overrides": cfg.overrides, "analyzers": list(cfg.analyzers)}
    if cfg.mutators:  # only when used, so the fingerprints of runs without mutators do not change
        parameters["mutators"] = list(cfg.mutators)
    suite_hash = stable_hash([s.content_hash for s in suites])
    fingerprint = stable_hash(model_key, suite_hash, parameters, cfg.seed)
    with Store(cfg.store) as store:
        run = store.find_resumable(fingerprint)
        resumed = run is not None
        if run is None:
            run = Run(
                id=stable_hash(fingerprint, now(), length=12),
                created_at=now(),
                model=model_key,
                tool_version=__version__,
                suite_hash=suite_hash,
                rule_hash=hash_tree(RULES_DIR),
                policy_hash=hash_files([Path(cfg.policy)]),
                analyzer_versions={a.name: a.version() for a in analyzers},
                parameters=parameters,
                seed=cfg.seed,
                suites=tuple(s.name for s in suites),
                command=cfg.command,
            )
            store.save_run(run, fingerprint)
            store.save_probes(run.id, probes)
            counter = itertools.count()
            attempts = _attempts(probes, cfg)
            while chunk := list(itertools.islice(attempts, CHUNK)):
                store.save_attempts(run.id, ((next(counter), a) for a in chunk))
        by_id = {p.id: p for p in probes}
        requested = asyncio.run(_generate(store, run, model_key, generator, by_id, progress))
        analyze_run(store, run, model_key, analyzers, progress)
        metrics = measure_run(store, run, model_key, progress)
        verdict = evaluate(policy, metrics, findings=store.findings(run.id))
        store.save_verdict(run.id, verdict)
        run = dataclasses.replace(run, status="complete", finished_at=now())
        store.save_run(run, fingerprint)
    return AuditResult(run, verdict, metrics, resumed, requested)


async def _generate(store: Store, run: Run, model_key: str, generator: Any, probes: dict[str, Probe], progress: Progress) -> int:
    done = store.done_attempt_ids(model_key, run.id)
    total = store.count_attempts(run.id)
    advance = progress.phase("generating", total)
    advance(len(done))
    todo = (a for a in store.attempts(run.id) if a.id not in done)
    requested = 0
    try:
        while chunk := list(itertools.islice(todo, CHUNK)):
            requested += len(chunk)
            hints = {a.id: probes[a.probe_id].language for a in chunk}
            async for gen in generator.generate(chunk):
                store.save_generation(model_key, _with_code(gen, hints.get(gen.attempt_id)))
                advance(1)
    finally:
        await generator.aclose()
    return requested


def _with_code(gen: Generation, hint: str | None) -> Generation:
    """Extract code blocks as the answer arrives, so the stored generation is complete."""
    if gen.error or gen.code_blocks:
        return gen
    return dataclasses.replace(gen, code_blocks=extract_code_blocks(gen.text, hint=hint))


def analyze_run(store: Store, run: Run, model_key: str, analyzers: list[Any], progress: Progress, batch: int = 200) -> None:
    """Run each analyzer over the run's generations it has not seen yet, in batches, storing as it goes."""
    total = store.count_attempts(run.id)
    advance = progress.phase("analyzing", total * len(analyzers))
    for analyzer in analyzers:
        pending = store.unanalyzed(run.id, model_key, analyzer.name)
        advance(total - len(pending))
        for start in range(0, len(pending), batch):
            gens = store.generations_by_id(model_key, pending[start : start + batch])
            results = analyzer.analyze(gens)
            if [r.attempt_id for r in results] != [g.attempt_id for g in gens]:
                raise AuditorError(f"analyzer {analyzer.name!r} broke its contract: one result per generation, in order")
            store.save_analyses(run.id, results)
            advance(len(gens))


def measure_run(store: Store, run: Run, model_key: str, progress: Progress | None = None) -> list[Metric]:
    """Compute every metric of a stored run and store them.

    Decision-function probes also get their generated code executed in the sandbox of ``auditor.bias``
    (counterfactual inputs); only their generations are read back for it, so memory stays bounded.
    """
    outcomes = build_outcomes(
        store.probes(run.id), store.generations(run.id, model_key), store.findings(run.id), store.analyses(run.id)
    )
    decisions = {o.attempt_id for o in outcomes if o.probe.kind == "counterfactual" and o.has_code}
    if decisions:
        from auditor.bias.counterfactual import attach_counterfactuals

        advance = (progress or _Silent()).phase("executing", len(decisions))
        generations = (g for _, g in store.generations(run.id, model_key) if g.attempt_id in decisions)
        outcomes = attach_counterfactuals(outcomes, generations, seed=run.seed, advance=advance)
    metrics = compute_metrics(outcomes)
    store.save_metrics(run.id, metrics)
    return metrics


def total_attempts(probes: list[Probe], samples: int | None, mutators: tuple[str, ...] = ()) -> int:
    return count_attempts(probes, samples=samples, mutators=mutators)

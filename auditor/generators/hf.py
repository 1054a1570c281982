"""``hf:PATH_OR_ID`` — a causal language model run in-process with transformers (the ``hf`` extra).

Weights come from a local folder (loaded with ``local_files_only``) or a hub id passed through to
transformers as is. Attempts are grouped by their generation parameters and run in batches with left
padding; each batch runs in a worker thread so the event loop stays free, and its Generations are
yielded as soon as it finishes. A batch that fails (out of memory, a prompt longer than the model's
context) yields Generations with ``error`` set; only a model that cannot load raises.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from auditor.generators.base import GeneratorError
from auditor.types import Attempt, Generation

__all__ = ["HFGenerator"]

_EXTRA_HINT = "the hf: backend needs the 'hf' extra: pip install 'auditor[hf]'"
_DEFAULT_MAX_TOKENS = 256
_DTYPES = {
    "float32": "float32",
    "fp32": "float32",
    "float16": "float16",
    "fp16": "float16",
    "half": "float16",
    "bfloat16": "bfloat16",
    "bf16": "bfloat16",
}


def _one_line(exc: BaseException) -> str:
    """The first non-empty line of an exception's message (its type name when the message is empty)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _import_backend() -> tuple[Any, Any]:
    try:
        import torch
        import transformers
    except ImportError:
        raise GeneratorError(_EXTRA_HINT) from None
    return torch, transformers


def _pick_device(torch: Any, device: str) -> Any:
    if device != "auto":
        try:
            return torch.device(device)
        except (RuntimeError, ValueError) as exc:
            raise GeneratorError(f"bad device {device!r}: {_one_line(exc)}") from None
    if torch.cuda.is_available():
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def _pick_dtype(torch: Any, dtype: str, device: Any) -> Any:
    if dtype != "auto":
        name = _DTYPES.get(dtype.strip().lower())
        if name is None:
            raise GeneratorError(f"bad dtype {dtype!r}: use auto, float32, float16 or bfloat16")
        return getattr(torch, name)
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.type == "mps":
        return torch.float16
    return torch.float32


def _params_key(params: dict[str, Any]) -> tuple[Any, ...]:
    """What must be equal for two attempts to share a ``model.generate`` call."""
    return (
        float(params.get("temperature") or 0.0),
        int(params.get("max_tokens") or _DEFAULT_MAX_TOKENS),
        params.get("top_p"),
        params.get("seed"),
    )


class HFGenerator:
    """A transformers causal LM behind the Generator protocol."""

    def __init__(
        self,
        path_or_id: str,
        *,
        batch_size: int = 8,
        device: str = "auto",
        dtype: str = "auto",
        trust_remote_code: bool = False,
    ) -> None:
        if batch_size < 1:
            raise GeneratorError(f"batch_size must be at least 1, got {batch_size}")
        self.name = f"hf:{path_or_id}"
        self.path_or_id = path_or_id
        self.batch_size = batch_size
        self._torch, transformers = _import_backend()
        self.device = _pick_device(self._torch, device)
        self.dtype = _pick_dtype(self._torch, dtype, self.device)
        self._tokenizer: Any = None
        self._model: Any = None
        self._load(transformers, trust_remote_code)

    def _load(self, transformers: Any, trust_remote_code: bool) -> None:
        source = self.path_or_id
        local = Path(source).expanduser()
        is_local = local.is_dir()
        if not is_local and (source.startswith(("/", ".", "~")) or local.exists()):
            reason = "not a folder" if local.exists() else "no such folder"
            raise GeneratorError(f"cannot load model {source}: {reason}")
        if is_local and not (local / "config.json").is_file():
            raise GeneratorError(f"cannot load model {source}: no config.json in that folder")
        kwargs: dict[str, Any] = {"trust_remote_code": trust_remote_code, "local_files_only": is_local}
        where = str(local) if is_local else source
        dtype_key = "dtype" if int(transformers.__version__.split(".")[0]) >= 5 else "torch_dtype"
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(where, **kwargs)
            model = transformers.AutoModelForCausalLM.from_pretrained(
                where, **kwargs, **{dtype_key: self.dtype}
            )
            model.to(self.device)
            model.eval()
            # We always pass max_new_tokens; a shipped max_length would only make generate() warn.
            model.generation_config.max_length = None
        except Exception as exc:  # transformers raises OSError, ValueError, KeyError ... on bad input
            raise GeneratorError(f"cannot load model {source}: {_one_line(exc)}") from None
        tokenizer.padding_side = "left"
        if tokenizer.pad_token is None:
            if tokenizer.eos_token is None:
                raise GeneratorError(f"cannot load model {source}: its tokenizer has no pad or eos token")
            tokenizer.pad_token = tokenizer.eos_token
        self._tokenizer, self._model = tokenizer, model

    def render_prompt(self, attempt: Attempt) -> str:
        """The text fed to the model: the chat template applied to the prompt, when the tokenizer has one."""
        tokenizer = self._require_loaded()
        if getattr(tokenizer, "chat_template", None):
            messages = [{"role": "user", "content": attempt.prompt}]
            return str(tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False))
        return attempt.prompt

    async def generate(self, attempts: Sequence[Attempt]) -> AsyncIterator[Generation]:
        self._require_loaded()
        for batch in self._batches(attempts):
            started = time.perf_counter()
            try:
                outputs = await asyncio.to_thread(self._run_batch, batch)
            except Exception as exc:  # one failed batch (e.g. out of memory) must not end the run
                self._free_cache()
                reason = f"generation failed: {type(exc).__name__}: {_one_line(exc)}"
                for attempt in batch:
                    yield Generation(attempt_id=attempt.id, text="", model=self.name, error=reason)
                continue
            latency_ms = (time.perf_counter() - started) * 1000.0 / len(batch)
            for attempt, (text, tokens) in zip(batch, outputs, strict=True):
                yield Generation(
                    attempt_id=attempt.id, text=text, model=self.name, latency_ms=latency_ms, tokens=tokens
                )

    def _batches(self, attempts: Sequence[Attempt]) -> list[list[Attempt]]:
        """Attempts grouped by generation parameters (first-seen order), cut to ``batch_size``."""
        groups: dict[tuple[Any, ...], list[Attempt]] = {}
        for attempt in attempts:
            try:
                key = _params_key(attempt.params)
            except (TypeError, ValueError) as exc:  # its batch fails in _run_batch, with this reason
                key = ("bad params", str(exc))
            groups.setdefault(key, []).append(attempt)
        size = self.batch_size
        return [group[i : i + size] for group in groups.values() for i in range(0, len(group), size)]

    def _generation_kwargs(self, params: dict[str, Any]) -> dict[str, Any]:
        temperature, max_tokens, top_p, _seed = _params_key(params)
        kwargs: dict[str, Any] = {
            "max_new_tokens": max_tokens,
            "pad_token_id": self._tokenizer.pad_token_id,
        }
        if temperature > 0:
            kwargs.update(do_sample=True, temperature=temperature)
            if top_p is not None:
                kwargs["top_p"] = float(top_p)
        else:
            # Greedy: clear sampling knobs a shipped generation_config may set, which transformers
            # would otherwise warn about as unused.
            kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)
        return kwargs

    def _eos_ids(self) -> set[int]:
        ids: set[int] = set()
        for source in (self._model.generation_config.eos_token_id, self._tokenizer.eos_token_id):
            if isinstance(source, int):
                ids.add(source)
            elif source is not None:
                ids.update(int(i) for i in source)
        return ids

    def _run_batch(self, batch: list[Attempt]) -> list[tuple[str, int]]:
        """Blocking: tokenize, generate and decode one batch; one (text, new token count) per attempt."""
        torch, tokenizer = self._torch, self._tokenizer
        params = batch[0].params
        prompts = [self.render_prompt(attempt) for attempt in batch]
        # A chat template already carries the model's special tokens; do not add them twice.
        templated = bool(getattr(tokenizer, "chat_template", None))
        encoded = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=not templated)
        encoded = encoded.to(self.device)
        if params.get("seed") is not None:
            torch.manual_seed(int(params["seed"]))
        with torch.inference_mode():
            output = self._model.generate(**encoded, **self._generation_kwargs(params))
        new_tokens = output[:, encoded["input_ids"].shape[1] :].tolist()
        eos = self._eos_ids()
        results = []
        for row in new_tokens:
            end = next((i for i, tok in enumerate(row) if tok in eos), None)
            kept = row if end is None else row[:end]
            text = tokenizer.decode(kept, skip_special_tokens=True)
            results.append((text, len(row) if end is None else end + 1))
        return results

    def _require_loaded(self) -> Any:
        if self._model is None or self._tokenizer is None:
            raise GeneratorError(f"{self.name} is closed")
        return self._tokenizer

    def _free_cache(self) -> None:
        if self.device.type == "cuda":
            self._torch.cuda.empty_cache()

    async def aclose(self) -> None:
        self._model = None
        self._tokenizer = None
        gc.collect()
        self._free_cache()

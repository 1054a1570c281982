"""Build a tiny GPT-2 causal LM and its tokenizer on disk, from nothing, for tests.

The tokenizer is a byte-level BPE trained on a few hundred lines of code-like text generated here;
the model has random weights from a fixed seed. Nothing is downloaded. The result loads through the
ordinary ``AutoTokenizer`` / ``AutoModelForCausalLM.from_pretrained`` path.
"""

from __future__ import annotations

import random
from pathlib import Path

__all__ = ["CHAT_MARKER", "EOS", "PAD", "build_tiny_model"]

EOS = "<|end|>"
PAD = "<|pad|>"
#: Text the tiny chat template puts before each user turn, so tests can see it was applied.
CHAT_MARKER = "<<tiny-user>>"

_CHAT_TEMPLATE = (
    "{% for m in messages %}" + CHAT_MARKER + " {{ m['content'] }}\n{% endfor %}"
    "{% if add_generation_prompt %}<<tiny-bot>> {% endif %}"
)

_NAMES = ["user", "path", "query", "token", "data", "row", "item", "value", "config", "secret"]
_CALLS = ["open", "read", "write", "execute", "hash", "load", "dump", "fetch", "parse", "check"]
_TEMPLATES = [
    "def {c}_{n}({n}):\n    return {c}({n})",
    "import os\n{n} = os.environ.get('{N}')",
    "for {n} in {n}s:\n    print({n})",
    "cursor.{c}('SELECT * FROM {n}s WHERE id = ?', ({n},))",
    "if {n} is None:\n    raise ValueError('missing {n}')",
    "with open({n}) as fh:\n    {n} = fh.{c}()",
    "class {N}Handler:\n    def {c}(self, {n}):\n        return self.{n}",
    "# {c} the {n} before use\n{n} = {c}({n}, timeout=10)",
]


def _corpus(lines: int = 300, seed: int = 7) -> list[str]:
    """Code-like lines, deterministic for a seed (our own text, not taken from anywhere)."""
    rng = random.Random(seed)
    out = []
    for _ in range(lines):
        n, c = rng.choice(_NAMES), rng.choice(_CALLS)
        out.append(rng.choice(_TEMPLATES).format(n=n, c=c, N=n.upper()))
    out.append("Write a Python function that reads a file. Answer with code.")
    return out


def build_tiny_model(folder: Path, chat_template: bool = False, *, seed: int = 0) -> Path:
    """Write a tokenizer and a 2-layer GPT-2 with random weights into ``folder``; return it."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)

    raw = Tokenizer(models.BPE())
    raw.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    raw.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=512,
        special_tokens=[EOS, PAD],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    raw.train_from_iterator(_corpus(), trainer=trainer)

    tokenizer = PreTrainedTokenizerFast(tokenizer_object=raw, eos_token=EOS, pad_token=PAD)
    if chat_template:
        tokenizer.chat_template = _CHAT_TEMPLATE
    tokenizer.save_pretrained(folder)

    torch.manual_seed(seed)
    config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=512,
        n_layer=2,
        n_head=2,
        n_embd=64,
        bos_token_id=tokenizer.eos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    GPT2LMHeadModel(config).save_pretrained(folder)
    return folder

"""Real servers that tests and benchmarks run on 127.0.0.1 (an OpenAI-compatible stub)."""

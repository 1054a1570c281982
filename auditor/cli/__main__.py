"""``python -m auditor.cli``."""

from auditor.cli import main

if __name__ == "__main__":  # not again when a spawned guard worker imports it
    main()

"""``python -m gipextract``: the same as the ``gipextract`` command (see :mod:`gipextract.cli`)."""
from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())

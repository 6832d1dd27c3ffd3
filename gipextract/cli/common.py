"""What the commands share: exit codes, usage errors, the progress bar."""
from __future__ import annotations

import sys
from typing import Any, Iterator

from ..errors import GipExtractError
from ..messages import Lang, say

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_SIGINT, EXIT_SIGTERM = 130, 143
COMMANDS = ("parse", "check", "aggregate", "compare", "report", "serve")


class UsageError(Exception):
    """A usage problem found after argument parsing (exit 2): a line of :mod:`~gipextract.messages.ui`."""

    def __init__(self, key: str, **args: Any) -> None:
        self.key, self.args_ = key, args
        super().__init__(key)

    def message(self, lang: Lang = "zh") -> str:
        """The line in ``lang``."""
        return say(self.key, lang, **self.args_)


class Refused(UsageError):
    """A library error met before any parsing (an option's value, a missing extra): exit 2."""

    def __init__(self, error: GipExtractError) -> None:
        super().__init__("usage.prefix")
        self.error = error

    def message(self, lang: Lang = "zh") -> str:
        """The library error's own text, in ``lang``."""
        return self.error.describe(lang)


def progress(results: Iterator[Any], total: int, wanted: bool | None) -> Iterator[Any]:
    """A tqdm bar on stderr around ``results`` when wanted (and installed)."""
    show = wanted if wanted is not None else (sys.stderr.isatty() and total >= 20)
    if not show:
        return results
    try:
        from tqdm import tqdm
    except ImportError:
        return results
    return iter(tqdm(results, total=total, unit="doc", file=sys.stderr))

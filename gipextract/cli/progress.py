"""The progress bar on standard error, and the lines printed while it runs (above it, so a
file that cannot be read never breaks the bar). tqdm is an extra: where ``--progress`` asks
for a bar and tqdm is missing, one line says how to get it and the run goes on."""
from __future__ import annotations

import sys
from typing import Any, Iterable, Iterator, TypeVar

from ..messages import Lang, say

T = TypeVar("T")
MANY = 20  # files from which a terminal gets a bar unasked


class Progress:
    """A bar over ``total`` documents when ``wanted`` (``None``: when standard error is a
    terminal and there are :data:`MANY` files or more); :meth:`line` prints above it."""

    def __init__(self, total: int, wanted: bool | None, lang: Lang = "zh") -> None:
        self.bar: Any = None
        show = wanted if wanted is not None else (sys.stderr.isatty() and total >= MANY)
        if not show:
            return
        try:
            from tqdm import tqdm
        except ImportError:
            if wanted:  # asked for by name: say why there is none
                print(say("progress.no_tqdm", lang), file=sys.stderr)
            return
        self.bar = tqdm(total=total, unit="doc", file=sys.stderr)

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """``items`` as they come, the bar moved on after each."""
        try:
            for item in items:
                yield item
                if self.bar is not None:
                    self.bar.update(1)
        finally:
            self.close()

    def line(self, text: str) -> None:
        """Print ``text`` on standard error, above the bar if there is one."""
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            print(text, file=sys.stderr)

    def close(self) -> None:
        """Remove the bar (the summary line comes after it)."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None

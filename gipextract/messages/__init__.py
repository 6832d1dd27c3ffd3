"""Everything a person reads, from one catalogue, in the language asked for.

Findings and errors are data: a stable English ``code`` and arguments. :data:`FINDINGS` and
:data:`ERRORS` hold one entry per code (severity, the rule it rests on, a Chinese and an
English template); :mod:`.ui` holds the commands' own lines. Rendering happens at output
time (:func:`render`), Chinese by default. Nothing here imports the rest of the package but
the templates, so every layer can name its codes.
"""
from .catalogue import FINDINGS, Entry
from .errors import ERRORS
from .render import LANGS, Lang, render, render_error, say, show, where

__all__ = ["FINDINGS", "ERRORS", "Entry", "LANGS", "Lang", "render", "render_error", "say", "show", "where"]

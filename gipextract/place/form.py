"""Step ``form``: which national form the document's tables follow, from the labels it prints.

The report year does not decide it (some 2020 reports use the 2021 form): the template
whose marker labels (table 二's columns, table 三's （六） rows) the text holds most wins.
"""
from __future__ import annotations

from ..report import finding
from ..templates import Template, all_templates
from ..read.normalize import compact
from .flat import Flat
from .state import State
from .tables import anchor_pattern


def detect_template(flat: Flat) -> tuple[Template | None, dict[str, int]]:
    """The template whose marker labels the document prints most; None when neither or a tie."""
    scores = {t.id: sum(1 for m in t.markers if compact(m) in flat.compact) for t in all_templates()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] == 0:
        return None, scores
    if list(scores.values()).count(scores[best]) > 1:
        return None, scores
    return next(t for t in all_templates() if t.id == best), scores


def detect_form(state: State) -> None:
    """Set the template; without table 二's labels, tables 三 and 四 (the same in both forms)
    are read as the 2021 form if table 三 or table 四 is there at all (a picture of table 四
    alone), else nothing is read."""
    template, _ = detect_template(state.flat)
    if template is None:
        newest = all_templates()[0]
        if all(anchor_pattern(newest.table(t)).search(state.flat.compact) is None for t in ("requests", "appeals")):
            state.done = True
            return
        template = newest
        state.findings.append(finding("template", assumed=template.id))
    state.template = template

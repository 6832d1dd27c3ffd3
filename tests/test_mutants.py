"""Small tests aimed at mutants that survived bench/mutate.py (see bench/MUTATION.md).

Every expected value is worked out by hand from the constructed input, not read from the
program's output.
"""
from __future__ import annotations

from gipextract.model import Fragment, Provenance
from gipextract.reconstruct import Flat, detect_template
from gipextract.solve import FORCED, enumerate_row
from gipextract.templates import all_templates
from gipextract.tokens import Token, tokenize
from gipextract.values import Number

_P = Provenance(line=1)


def _num(text: str) -> Token:
    return Token(Number(text), text, _P, False)


def test_blank_first_cell_is_filled_by_the_row_identity() -> None:
    # Row `- 3 7` on cells a, b, total with a + b = total: the printed blank in the FIRST
    # cell is the only free cell, so the identity forces a = 7 - 3 = 4. (Kills the mutant
    # that treats only tokens after the first as blanks in solve._force.)
    tokens = [Token(None, "-", _P, False), _num("3"), _num("7")]
    local = [[(0, 1), (1, 1), (2, -1)]]
    out = enumerate_row(tokens, ["count", "count", "count"], local)
    # The shifted readings of `3 7` (a blank dropped somewhere) all break 3 + 0 = 7 etc.,
    # so the forced reading is the only one.
    assert [p.values for p in out] == [(4, 3, 7)]
    assert out[0].origin == (FORCED, 1, 2)


def test_a_tie_between_the_two_forms_detects_neither() -> None:
    # One marker label of each form printed: a tie, so no form is chosen here (the caller
    # then falls back to the 2021 form and says so).
    one_each = [all_templates()[0].markers[0], all_templates()[1].markers[0]]
    flat = Flat([Fragment(text, Provenance(line=k + 1)) for k, text in enumerate(one_each)])
    template, scores = detect_template(flat)
    assert template is None
    assert sorted(scores.values()) == [1, 1]


def test_a_single_marker_picks_its_form() -> None:
    for t in all_templates():
        flat = Flat([Fragment(t.markers[0], Provenance(line=1))])
        template, _ = detect_template(flat)
        assert template is not None and template.id == t.id


def test_a_dash_is_a_blank_only_with_space_on_both_sides() -> None:
    # `3 -。`: the dash touches prose punctuation on its right, so it is not a blank cell;
    # `3 - 5` has a dash standing alone between spaces: a blank.
    for text, expected in (("3 -。", ["3"]), ("3 \u65e0。", ["3"]), ("3 - 5", ["3", "-", "5"])):
        toks, _ = tokenize(text, 0, [0], [text], [_P])
        assert [t.text for _, t in toks] == expected, text

"""Real documents read in place from ../shared/peer-samples (skipped when it is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from gipextract import parse
from conftest import CORPUS, flat_cells, load_expected, same_value, shared_path

PINGTAN = sorted((CORPUS / "peer").glob("pingtan-*.expected.json"))


@pytest.mark.parametrize("expected_path", PINGTAN, ids=lambda p: p.stem.split(".")[0])
def test_pingtan_every_cell_right_or_flagged(expected_path: Path) -> None:
    expected = load_expected(expected_path)
    src = shared_path("peer-samples", *expected["source"].split("/"))
    out = parse(src).to_dict()
    assert out["template"] == expected["template"]
    for key in ("unit", "year", "title", "published"):
        assert out["report"][key] == expected["report"][key], key
    truth = flat_cells(expected["tables"])
    undetermined = expected["undetermined"]
    cells = {f"{c['table']}.{c['row']}.{c['column']}": c for c in out["cells"]}
    assert set(cells) == set(truth)
    for ref, cell in cells.items():
        want = truth[ref]
        if ref in undetermined:
            # The table text alone cannot fix it: it must be flagged, with the truth among the candidates.
            assert cell["status"] == "ambiguous", ref
            if want is not None:
                assert any(same_value(want, c) for c in cell["candidates"]), ref
            for c in undetermined[ref]:
                assert any(same_value(c, x) for x in cell["candidates"]), (ref, c)
        else:
            assert cell["status"] in ("ok", "empty", "inferred"), ref
            assert same_value(want, cell["value"]), (ref, want, cell["value"])


def test_pingtan_2020_source_error_is_reported_not_corrected() -> None:
    src = shared_path("peer-samples", "pingtan-gov-zwgk-archive",
                      "80595_平潭综合实验区2020年度政府信息公开工作年度报告", "page.txt")
    report = parse(src)
    failing = [f for f in report.findings if f.code == "identity"]
    assert any("requests.total.natural_person" in f.cells for f in failing)
    assert report.cell("requests", "total", "natural_person").value == 20  # as printed

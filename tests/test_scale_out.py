"""docs/scale-out.md's Dask recipe on a 2-worker local cluster over a folder with a corrupt file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli_helpers import SEED1, SEED3


def test_dask_recipe_accounts_for_every_input(tmp_path: Path) -> None:
    db = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    from gipextract import parse_one
    from gipextract.batch import expand

    shutil.copy(SEED1, tmp_path / "a.txt")
    shutil.copy(SEED3, tmp_path / "b.txt")
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 64)  # a corrupt DOCX
    (tmp_path / "d.txt").write_text("not a report", encoding="utf-8")
    paths = expand([tmp_path])
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster, distributed.Client(cluster):
        results = db.from_sequence(paths, npartitions=4).map(parse_one).compute()
    assert [r.path for r in results] == paths
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["a.txt"].report.info.unit == "锦屏街道" and by_name["b.txt"].report.template == "2019"
    assert by_name["c.docx"].error_type == "UnreadableInputError"
    assert by_name["d.txt"].error_type == "NoReportFoundError"

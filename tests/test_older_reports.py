"""A 2008–2018 report (before the national tables) is refused as such."""
from __future__ import annotations

import pytest

from gipextract import parse
from gipextract.errors import NoReportFoundError

OLD = """某某县人民政府2015年政府信息公开工作年度报告

本报告根据《中华人民共和国政府信息公开条例》要求编制。
一、概述
二、主动公开政府信息情况
全年主动公开政府信息1234条。
三、依申请公开政府信息情况
全年共受理申请12件，均已按时答复。
"""


def test_pre_2019_report_is_named_as_such() -> None:
    with pytest.raises(NoReportFoundError) as e:
        parse(OLD.encode("utf-8"), name="old.txt")
    assert "2015" in str(e.value) and "2019" in str(e.value)


def test_later_text_without_tables_keeps_the_plain_message() -> None:
    with pytest.raises(NoReportFoundError) as e:
        parse(OLD.replace("2015", "2022").encode("utf-8"), name="new.txt")
    assert "2022" not in str(e.value)

"""Who reports, where no title names the body: the signature, the 来源： line, the sentence that
opens the report (``2024年，平潭综合实验区坚持…``) or says who compiled it, the page's publisher."""
from __future__ import annotations

from ..read.normalize import HAN, LazyPattern
from ..report import Evidence
from .lines import Line, signature_lines

_BODY_END = (r"(?:人民政府办公室|人民政府办公厅|人民政府|街道办事处|办事处|管理委员会|管委会|委员会|办公室|办公厅|局|委|厅|"
             r"中心|署|院|街道|镇|乡|政府)")
_SIGNATURE = LazyPattern(rf"^(?P<unit>[{HAN}()（）]{{2,30}}{_BODY_END})$")
_SIGNATURE_AT_END = LazyPattern(rf"(?P<unit>[{HAN}()（）]{{2,30}}{_BODY_END})\s+20\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
                                r"\s*$")
_SOURCE = LazyPattern(rf"(?:^|\s)来源\s*[:：]\s*(?P<unit>[{HAN}()（）]{{2,30}}?{_BODY_END})(?=\s|$|[|｜]|时间|发布|日期)")
_OPENING = LazyPattern(rf"(?:^|[\s。.])20\d{{2}}\s*年度?\s*[,，]?\s*(?P<unit>[{HAN}()（）]{{2,30}}?{_BODY_END})"
                       r"(?:坚持|认真|深入|按照|紧紧|全面|严格|持续|进一步|紧扣|围绕|高度|深化|扎实|切实|继续|以|在|聚焦|立足)")
_COMPILED = LazyPattern(rf"(?:^|[,:;\s])(?P<unit>[{HAN}()（）]{{2,30}}?)(?:编制|编写)了?本(?:年度)?报告")
_NOT_A_BODY = ("本", "我", "该", "各")


def signature_unit(back: list[Line]) -> tuple[str, Evidence] | None:
    """The body's name in the signature: a name standing alone among the last lines, or before
    the date at the very end."""
    for line in signature_lines(back)[:4]:
        m = _SIGNATURE.match(line.text) or _SIGNATURE_AT_END.search(line.text[-80:])
        if m is not None and not m["unit"].startswith(_NOT_A_BODY):
            return m["unit"], Evidence(line.text[-60:].strip(), line.prov, "signature")
    return None


def source_unit(front: list[Line]) -> tuple[str, Evidence] | None:
    """The 来源： field of the page's information bar."""
    for line in front:
        m = _SOURCE.search(line.text)
        if m is not None and not m["unit"].startswith(_NOT_A_BODY):
            return m["unit"], Evidence(m.group(0).strip(), line.prov, "source_line")
    return None


def opening_unit(text: str) -> tuple[str, Evidence] | None:
    """The body named by the report's opening sentence or by the sentence that says who
    compiled it."""
    head = text[:3000]
    for rx, origin in ((_OPENING, "opening"), (_COMPILED, "opening")):
        m = rx.search(head)
        if m is not None and not m["unit"].startswith(_NOT_A_BODY):
            return m["unit"], Evidence(m.group(0).strip()[:80], None, origin)
    return None

"""Build corpus/metadata/: real-looking variants of corpus reports for what is said *about* a
report (its unit, year, publication date) and the accusations that must (not) be raised.

Each variant is a corpus document with exact replacements (the script stops where one does
not match): a page clock, a crawl stamp, a copyright footer, digits spaced from Han as
LibreOffice and browsers print them, a part heading as a table caption or wrapped over two
lines, a renamed part, a title after long site navigation, full-width digits, a crawler's
one-line page. ``MANIFEST.json`` holds, per variant, the change, the facts and the
accusations expected, written by hand from the change and the base document, with the reason;
``conversions`` lists the outputs of common tools made from it, with the same expectations (a
tool changes how the report looks, not what is true of it) except where a tool drops the text
that a fact rests on: trafilatura drops a page's information bar, so those outputs print no
publication date (checked by reading each output) and a late publication cannot be seen there.

    python corpus/tools/make_metadata_variants.py            # the variants
    python corpus/tools/make_metadata_variants.py --tools    # and their tool outputs

The tools (only here, never in the tests): pandoc 2.17.1.1, poppler 22.12.0 (pdftotext),
Chromium 156 (headless print to PDF), LibreOffice 7.4 (``soffice --convert-to pdf``),
markitdown 0.1.9, html2text 2025.4.15, trafilatura 2.3.1.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
OUT = CORPUS / "metadata"

NAV = "".join(f'<li><a href="/lm{k:02d}/">栏目{k:02d}：{name}</a></li>\n' for k, name in enumerate(
    ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "机构职能", "政策文件", "政策解读",
     "规划计划", "财政信息", "重大项目", "公共资源配置", "社会公益事业", "人事信息", "统计信息", "应急管理", "建议提案",
     "行政执法", "权责清单", "公共服务", "政务服务", "互动交流", "领导信箱", "在线访谈", "征集调查", "常见问题",
     "走进綦江", "綦江概况", "历史文化", "旅游资源", "投资环境", "新闻中心", "綦江要闻", "部门动态", "镇街动态",
     "图片新闻", "视频新闻", "通知公告", "专题专栏", "营商环境", "乡村振兴", "生态环境", "文明创建", "安全生产",
     "食品安全", "双随机一公开", "政务公开", "政府网站年报", "政务新媒体", "网站地图", "无障碍浏览", "English",
     "繁体版", "长者模式", "智能问答", "办事指南", "个人办事", "法人办事", "部门服务", "便民服务", "数据开放",
     "政府文件", "区政府文件", "区政府办公室文件", "部门文件", "规范性文件", "政策法规", "法律法规", "地方性法规",
     "政府规章", "政策问答", "热点回应", "新闻发布会", "政府会议", "常务会议", "人大代表建议", "政协委员提案",
     "重点领域", "财政预决算", "政府采购", "招标投标"]))
CLOCK = '<div class="top-date">今天是：2025年12月30日 星期二　农历乙巳年冬月十一</div>\n'

VARIANTS: list[dict] = [
    {"file": "01_page_clock.html", "base": "html/08_table2_cell_dropped_ambiguous.html",
     "ops": [("<body>\n", "<body>\n" + CLOCK, 1)],
     "change": "a page clock '今天是：2025年12月30日 星期二' above the site's header",
     "report": {"unit": "安宁区卫生健康委员会", "year": 2023, "published": "2024-01-25"}, "expect": [],
     "why": "the page's own 发布日期/发布时间 2024-01-25 is on time for a department (2024-01-31); the clock is no date of the report",
     "dropped": {"trafilatura": {"published": None}}},
    {"file": "02_clock_and_signature.html", "base": "html/08_table2_cell_dropped_ambiguous.html",
     "ops": [("<body>\n", "<body>\n" + CLOCK, 1),
             ('<meta name="PubDate" content="2024-01-25 09:30">\n', "", 1),
             ("<li><span>成文日期：</span>2024-01-22</li>\n", "", 1),
             ("<li><span>发布日期：</span>2024-01-25</li>\n", "", 1),
             ("<span>发布时间：2024-01-25 09:30</span>", "", 1),
             ('<p style="text-indent:2em;">如对本报告有任何疑问，请与安宁区卫生健康委员会办公室联系。</p>\n',
              '<p style="text-indent:2em;">如对本报告有任何疑问，请与安宁区卫生健康委员会办公室联系。</p>\n'
              '<p style="text-align:right;">安宁区卫生健康委员会</p>\n<p style="text-align:right;">2024年1月17日</p>\n', 1)],
     "change": "no date field or meta tag left; a signature '安宁区卫生健康委员会 / 2024年1月17日' after part 六; the page clock",
     "report": {"unit": "安宁区卫生健康委员会", "year": 2023, "published": "2024-01-17"}, "expect": [],
     "why": "the signature's date 2024-01-17 is the only date of the report: on time; the related links' dates (2023-01-18 …) and the clock are not"},
    {"file": "03_late_behind_a_clock.html", "base": "html/08_table2_cell_dropped_ambiguous.html",
     "ops": [("<body>\n", "<body>\n" + CLOCK, 1),
             ('<meta name="PubDate" content="2024-01-25 09:30">', '<meta name="PubDate" content="2024-02-20 09:30">', 1),
             ("<li><span>发布日期：</span>2024-01-25</li>", "<li><span>发布日期：</span>2024-02-20</li>", 1),
             ("<span>发布时间：2024-01-25 09:30</span>", "<span>发布时间：2024-02-20 09:30</span>", 1)],
     "change": "published 2024-02-20 (meta tag and fields), with the page clock",
     "report": {"unit": "安宁区卫生健康委员会", "year": 2023, "published": "2024-02-20"},
     "expect": ["error late_publication"],
     "why": "a department's report is due 2024-01-31; the page itself says 2024-02-20 (the control of 01: still caught)",
     "dropped": {"trafilatura": {"published": None, "expect": []}}},
    {"file": "04_crawl_stamp.txt", "base": "seeds/001_91b930a4292c284b.txt",
     "ops": [("锦屏街道2022年政府信息公开年度报告\n",
              "采集时间：2025-12-30 10:22:05\n保存时间：2025-12-30 10:22\n来源网址：http://www.example.gov.cn/zwgk/nb/t20230117.html\n"
              "锦屏街道2022年政府信息公开年度报告\n", 1)],
     "append": "\n锦屏街道办事处\n2023年1月17日\n",
     "change": "a crawler's 采集时间/保存时间 lines before the title; a signature at the end",
     "report": {"unit": "锦屏街道", "year": 2022, "published": "2023-01-17"}, "expect": [],
     "why": "published 2023-01-17 (signature), on time; the crawl and save stamps are no dates of the report"},
    {"file": "05_copyright_footer.html", "base": "html/01_seed000_chrome_utf8_blanks.html",
     "ops": [('<div class="footer">\n', '<div class="footer">\n<p>版权所有：某某区人民政府办公室 Copyright © 2025 All Rights Reserved '
                                      '2025年12月30日更新</p>\n', 1)],
     "change": "a copyright line with another body and a 2025 date in the footer",
     "report": {"unit": "通惠街道", "year": 2022, "published": "2023-01-16"}, "expect": [],
     "why": "the footer names the site's owner and its update date; the report's facts are its own",
     "dropped": {"trafilatura": {"published": None}}},
    {"file": "06_spaced_digits.txt", "base": "seeds/000_c5799cdcd1c8417a.txt",
     "ops": [("所列数据统计期限为2022年1月1日起至2022年12月31日止", "所列数据统计期限为 2022 年 1 月 1 日起至 2022 年 12 月 31 日止", 1),
             ("现特向社会公布通惠街道2022年信息公开年度报告", "现特向社会公布通惠街道 2022 年信息公开年度报告", 1)],
     "change": "digits spaced from Han as LibreOffice and browser PDFs print them ('2022 年', '1 月 1 日')",
     "report": {"unit": "通惠街道", "year": 2022}, "expect": [],
     "why": "the year (2022) and the period are stated; spaces change nothing"},
    {"file": "07_caption_heading.html", "base": "html/03_seed002_chrome_dropped_cells.html",
     "ops": [('<p style="text-indent:2em;"><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>\n'
              '<table border="1" cellspacing="0" cellpadding="0" align="center" style="border-collapse:collapse;width:100%;">\n',
              '<table border="1" cellspacing="0" cellpadding="0" align="center" style="border-collapse:collapse;width:100%;">\n'
              '<caption>四、政府信息公开行政复议、行政诉讼情况</caption>\n', 1)],
     "change": "part 四's heading printed as the caption of table 四",
     "report": {"unit": "重庆市綦江区人民政府", "year": 2022, "published": "2023-03-31"}, "expect": [],
     "why": "part 四 is there, headed in the table's caption",
     "dropped": {"trafilatura": {"published": None}}},
    {"file": "08_renamed_part5.txt", "base": "seeds/000_c5799cdcd1c8417a.txt",
     "ops": [("五、存在的主要问题及改进情况\n", "五、存在的主要问题及明年工作计划\n", 1)],
     "change": "part 五 headed '五、存在的主要问题及明年工作计划'",
     "report": {"unit": "通惠街道", "year": 2022}, "expect": ["warning section_renamed"],
     "why": "the part is there under another title: renamed, not missing (true of the document)"},
    {"file": "09_wrapped_headings.txt", "base": "seeds/000_c5799cdcd1c8417a.txt",
     "ops": [("四、政府信息公开行政复议、行政诉讼情况\n", "四、政府信息公开行政复议、行政诉\n讼情况\n", 1),
             ("五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进\n情况\n", 1)],
     "change": "the headings of parts 四 and 五 wrapped over two lines, as a narrow PDF column prints them",
     "report": {"unit": "通惠街道", "year": 2022}, "expect": [],
     "why": "every part is there"},
    {"file": "10_long_navigation.html", "base": "html/03_seed002_chrome_dropped_cells.html",
     "ops": [('<ul class="nav sub-nav">\n', '<ul class="nav sub-nav">\n' + NAV, 1),
             ("<title>重庆市綦江区2022年政府信息公开工作年度报告 - 重庆市綦江区人民政府网</title>", "<title>重庆市綦江区人民政府网</title>", 1),
             ('<meta name="ArticleTitle" content="重庆市綦江区2022年政府信息公开工作年度报告">\n', "", 1),
             ('<meta name="PubDate" content="2023-03-31 09:30">\n', "", 1),
             ("<li><span>成文日期：</span>2023-03-28</li>\n", "", 1),
             ("<li><span>名　　称：</span>重庆市綦江区2022年政府信息公开工作年度报告</li>\n", "", 1),
             ("<li><span>发布日期：</span>2023-03-31</li>\n", "", 1),
             ('<div class="article-info"><span>发布时间：2023-03-31 09:30</span><span>来源：重庆市綦江区人民政府</span>',
              '<div class="article-info">', 1),
             ('<h1 class="article-title" style="text-align:center;">重庆市綦江区2022年政府信息公开工作年度报告</h1>\n',
              '<h1 class="article-title" style="text-align:center;">重庆市綦江区2022年政府信息公开工作年度报告</h1>\n'
              '<p class="info">来源：重庆市綦江区人民政府办公室　时间：2023-03-10 15:35</p>\n', 1)],
     "change": "80 lines of site navigation before the title; no title or date in the page's metadata; "
               "'来源：…办公室 时间：2023-03-10 15:35' under the title",
     "report": {"unit": "重庆市綦江区人民政府", "year": 2022, "published": "2023-03-10"}, "expect": [],
     "why": "title after the navigation; published 2023-03-10 (the information bar under the title), on time for the government (2023-03-31)"},
    {"file": "11_fullwidth_title.html", "base": "html/08_table2_cell_dropped_ambiguous.html",
     "ops": [('<h1 class="article-title" style="text-align:center;">安宁区卫生健康委员会2023年政府信息公开工作年度报告</h1>',
              '<h1 class="article-title" style="text-align:center;">安宁区卫生健康委员会２０２３年度<br>政府信息公开工作年度报告</h1>', 1),
             ("<title>安宁区卫生健康委员会2023年政府信息公开工作年度报告 - 安宁区人民政府网</title>", "<title>安宁区人民政府网</title>", 1),
             ('<meta name="ArticleTitle" content="安宁区卫生健康委员会2023年政府信息公开工作年度报告">\n', "", 1),
             ("<li><span>名　　称：</span>安宁区卫生健康委员会2023年政府信息公开工作年度报告</li>\n", "", 1)],
     "change": "the title with full-width digits, broken over two lines; no title in the page's metadata",
     "report": {"unit": "安宁区卫生健康委员会", "year": 2023, "published": "2024-01-25"}, "expect": [],
     "why": "the title names the body and 2023",
     "dropped": {"trafilatura": {"published": None}}},
]


def _build(v: dict) -> str:
    text = (CORPUS / v["base"]).read_text(encoding="utf-8")
    for old, new, count in v["ops"]:
        found = text.count(old)
        if found != count:
            raise SystemExit(f"{v['file']}: {old[:60]!r} occurs {found} times in {v['base']}, not {count}")
        text = text.replace(old, new)
    return text + v.get("append", "")


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, capture_output=True, timeout=300, **kw)  # type: ignore[call-overload]


def _convert(src: Path) -> dict[str, str]:  # noqa: C901 - one branch per tool
    """The tool outputs of one variant: ``{folder/name: tool}``."""
    out: dict[str, str] = {}
    stem = src.stem
    html = src.suffix == ".html"

    def save(tool: str, name: str, data: str | bytes) -> None:
        target = OUT / tool / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        out[f"{tool}/{name}"] = tool

    if html:
        page = src.read_text(encoding="utf-8")
        import html2text
        import trafilatura
        from markitdown import MarkItDown

        save("html2text", f"{stem}.md", html2text.html2text(page))
        save("markitdown", f"{stem}.md", MarkItDown().convert(str(src)).text_content)
        save("trafilatura", f"{stem}.md", trafilatura.extract(page, output_format="markdown", include_tables=True) or "")
        save("pandoc-gfm", f"{stem}.md", _run(["pandoc", "-f", "html", "-t", "gfm", str(src)]).stdout)
        save("pandoc-plain", f"{stem}.txt", _run(["pandoc", "-f", "html", "-t", "plain", str(src)]).stdout)
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / f"{stem}.pdf"
            _run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}", src.resolve().as_uri()])
            save("chromium-pdf", f"{stem}.pdf", pdf.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        # LibreOffice prints digits apart from Han ('2022 年'), as the PDFs do.
        _run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
              "--outdir", tmp, str(src)])
        pdf = Path(tmp) / f"{stem}.pdf"
        save("libreoffice-pdf", f"{stem}.pdf", pdf.read_bytes())
        save("pdftotext-layout", f"{stem}.txt", _run(["pdftotext", "-layout", str(pdf), "-"]).stdout)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tools", action="store_true", help="also run the conversion tools on every variant")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    manifest = {"about": __doc__.split("\n\n")[0].replace("\n", " "), "variants": []}
    previous = json.loads((OUT / "MANIFEST.json").read_text(encoding="utf-8")) if (OUT / "MANIFEST.json").exists() else {}
    conversions = {v["file"]: v.get("conversions", []) for v in previous.get("variants", [])}
    for v in VARIANTS:
        path = OUT / v["file"]
        path.write_text(_build(v), encoding="utf-8")
        if args.tools:
            conversions[v["file"]] = [{"file": name} for name in sorted(_convert(path))]
        entry = {k: v[k] for k in ("file", "base", "change", "report", "expect", "why")}
        entry["conversions"] = []
        for conv in conversions.get(v["file"], []):
            dropped = v.get("dropped", {}).get(conv["file"].split("/")[0])
            entry["conversions"].append({"file": conv["file"], **({"dropped": dropped} if dropped else {})})
        manifest["variants"].append(entry)
    (OUT / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.tools and shutil.which("soffice") is None:
        print("LibreOffice is not installed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The report's workbook as Excel reads it (openpyxl): on the 行动 sheet the target's value
and year are numbers, not text to retype, and the rows come by urgency — the targets behind
first, then the other graded ones, the targets without data (数据不足) and the qualitative
ones last.

Needs openpyxl and pytest (`.ci/run` installs them) and the plansim binary ($PLANSIM_BIN,
else target/release/plansim). Run: pytest tests/excel
"""

import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import openpyxl
import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]

# the official order of the grades: behind first (docs/grading.md)
BEHIND = {"未实现", "滞后于预期"}
GRADED = {"提前实现", "已实现", "快于预期", "基本符合预期"}
LAST = {"数据不足", "定性"}


def binary():
    path = pathlib.Path(os.environ.get("PLANSIM_BIN", REPO / "target/release/plansim"))
    assert path.is_file(), f"{path}: no plansim binary (cargo build --release, or set PLANSIM_BIN)"
    return path


@pytest.fixture(scope="module")
def actions():
    """The 行动 sheet of a Chinese report of the national plan and the county's hypothetical
    outturns: (header, rows)."""
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="plansim-xlsx-"))
    out = tmp / "out"
    run = subprocess.run(
        [str(binary()), "report", "scenarios/horqin-outturn.toml", "scenarios/national-14th.toml",
         "--no-charts", "--draws", "200", "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "LC_ALL": "zh_CN.UTF-8"},
    )
    assert run.returncode == 0, run.stderr
    wb = openpyxl.load_workbook(out / "plansim.xlsx", read_only=True)
    rows = [list(r) for r in wb["行动"].iter_rows(values_only=True)]
    wb.close()
    # how many targets each scenario's page counts behind (missed or lagging)
    behind = 0
    for name in ("horqin-outturn", "national-14th"):
        counts = json.loads((out / name / "summary.json").read_text())["counts"]
        behind += counts["missed"] + counts["lagging"]
    shutil.rmtree(tmp, ignore_errors=True)
    return rows[0], rows[1:], behind


def test_target_values_are_numbers(actions):
    header, rows, _ = actions
    value, year, printed = (header.index(h) for h in ("目标值", "目标年份", "目标（原文）"))
    plain = re.compile(r"^[＞＜><]?(\d+(?:\.\d+)?)$")
    checked = 0
    for r in rows:
        assert isinstance(r[year], int), r
        assert r[value] is None or isinstance(r[value], (int, float)), r
        # a target printed as a plain number or bound (`65`, `＞6.5`) is that number; a
        # period total (`〔1〕` years of life expectancy, 77.3 + 1) is read otherwise
        m = plain.match(str(r[printed]).strip())
        if m:
            assert isinstance(r[value], (int, float)), r
            assert abs(r[value] - float(m.group(1))) < 1e-9, r
            checked += 1
    # the national plan alone prints 10 such targets
    assert checked >= 10, checked
    # and a number is what Excel computes with: 全国's 常住人口城镇化率, 65
    urban = [r for r in rows if r[header.index("指标")] == "常住人口城镇化率" and r[header.index("地区")] == "全国"]
    assert urban and urban[0][value] == 65, urban


def test_actions_are_sorted_by_urgency(actions):
    header, rows, behind = actions
    grades = [r[header.index("评估等级")] for r in rows]
    assert set(grades) <= BEHIND | GRADED | LAST, set(grades)
    # the national plan's two missed targets and the county's lagging ones, first: as many as
    # the scenarios' pages count
    assert behind >= 3 and set(grades[:behind]) <= BEHIND, grades[:6]
    assert len([g for g in grades if g in BEHIND]) == behind, grades[:6]
    rank = [0 if g in BEHIND else 1 if g in GRADED else 2 for g in grades]
    assert rank == sorted(rank), grades
    assert grades[-1] in LAST and "数据不足" in grades
    # within the behind, 未实现 before 滞后于预期
    behind = [g for g in grades if g in BEHIND]
    assert behind == sorted(behind, key=lambda g: g != "未实现"), behind


def test_numbers_show_their_digits():
    """A level shows the digits it was written with (a 2020 level of 305.8 and its 2021 value
    305.8 × 1.07 = 327.206, not 327.21), a share as a percentage, a year as a whole number."""
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="plansim-xlsx-"))
    out = tmp / "out"
    run = subprocess.run(
        [str(binary()), "report", "scenarios/baseline.toml", "--no-charts", "--draws", "200",
         "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, env={**os.environ, "LC_ALL": "zh_CN.UTF-8"},
    )
    assert run.returncode == 0, run.stderr
    wb = openpyxl.load_workbook(out / "plansim.xlsx")
    sheet = wb["预测"]
    head = [c.value for c in sheet[1]]
    col = {h: i for i, h in enumerate(head)}
    cell = next(r for r in sheet.iter_rows(min_row=2)
                if r[col["地区"]].value == "科尔沁区" and r[col["指标"]].value == "地区生产总值增长率"
                and r[col["年份"]].value == 2021)
    value = cell[col["数值"]]
    assert abs(value.value - 327.206) < 1e-9
    # two decimals at least, four at most: Excel shows 327.206
    assert value.number_format == "0.00##", value.number_format
    assert cell[col["年份"]].number_format == "0"
    wb.close()
    shutil.rmtree(tmp, ignore_errors=True)

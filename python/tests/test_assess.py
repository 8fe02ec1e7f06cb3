"""read_table, assess and DataFrame inputs, with numbers worked out by hand or published."""

from pathlib import Path

import pandas as pd
import pytest

import plansim

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
NATIONAL = SCENARIOS / "national-14th.toml"


def _row(grades: pd.DataFrame, indicator: str) -> pd.Series:
    hit = grades[grades.indicator == indicator]
    assert len(hit) == 1, list(grades.indicator)
    return hit.iloc[0]


def test_national_14th_as_of_2022_as_the_communiques_give_it():
    g = plansim.assess(NATIONAL, as_of=2022)
    assert {"region", "plan", "indicator", "target_year", "target", "status", "grade_zh",
            "latest_year", "latest_value", "current_pace", "required_rate", "p_meet",
            "reason"} <= set(g.columns)
    # one row per target of the outline's 专栏1: 20 indicators with a 2025 target
    assert len(g) == 20
    # 常住人口城镇化率: 65.22 in 2022 (communiqué 2022) already past the 2025 target 65
    urban = _row(g, "常住人口城镇化率")
    assert (urban.status, urban.grade_zh) == ("ahead", "提前实现")
    assert urban.latest_year == 2022
    assert urban.latest_value == pytest.approx(65.22)
    assert urban.region == "全国"
    # 单位GDP能源消耗降低 〔13.5〕: down 2.7 % in 2021 and 0.1 % in 2022,
    # 1 − 0.973·0.999 = 2.7973 % of the 13.5 % → 0.2072 of the way; the plan's even yearly
    # factor 0.865^(1/5) = 0.97140 expects 1 − 0.97140² = 5.638 % → 0.4176: r = 0.496 < 0.8
    energy = _row(g, "单位GDP能源消耗降低")
    assert (energy.status, energy.grade_zh) == ("lagging", "滞后于预期")
    assert energy.latest_value == pytest.approx(-2.7973, abs=1e-4)
    assert energy.progress == pytest.approx(0.027973 / 0.135, abs=1e-4)
    assert energy.expected_progress == pytest.approx((1 - 0.865 ** 0.4) / 0.135, abs=1e-4)
    # 国内生产总值增长 保持在合理区间: words, no number
    assert _row(g, "国内生产总值（GDP）增长").status == "qualitative"


def test_national_14th_at_its_end():
    g = plansim.assess(NATIONAL)
    urban = _row(g, "常住人口城镇化率")
    # 67.89 in 2025 meets 65
    assert (urban.grade_zh, urban.latest_year) == ("已实现", 2025)
    assert urban.latest_value == pytest.approx(67.89)
    # 全社会研发经费投入增长 >7: the mean of 14.2, 10.4, 8.1, 8.3, 8.1 is 49.1 / 5 = 9.82
    rd = _row(g, "全社会研发经费投入增长")
    assert rd.grade_zh == "已实现"
    assert rd["mean"] == pytest.approx(9.82)


def _share_table() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "region": ["测试区"],
            "indicator": ["森林覆盖率"],
            "unit": ["%"],
            "base_year": [2020],
            "base": ["20"],
            "target_year": [2025],
            "target": ["21"],
            "attribute": ["约束性"],
        }
    )
    df.attrs["name"] = "forest.csv"
    return df


def _share_outturns() -> pd.DataFrame:
    return pd.DataFrame(
        {"region": ["测试区", "测试区"], "indicator": ["森林覆盖率", "森林覆盖率"],
         "year": [2021, 2022], "value": ["20.5", "21.2"]}
    )


def test_assess_reads_dataframes_for_the_table_and_the_outturns():
    table, outturns = _share_table(), _share_outturns()
    # as of 2021: 0.5 of the 1 point to go, where the straight line in points expects 1/5 = 0.2
    # by then: r = 0.5 / 0.2 = 2.5 ≥ 1.2, faster than planned
    early = _row(plansim.assess(table, actuals=outturns, as_of=2021), "森林覆盖率")
    assert (early.status, early.grade_zh) == ("faster", "快于预期")
    assert early.progress == pytest.approx(0.5)
    assert early.expected_progress == pytest.approx(0.2)
    assert (early.latest_year, early.latest_value) == (2021, pytest.approx(20.5))
    # 2022's 21.2 passes 21 three years early
    late = _row(plansim.assess(table, actuals=outturns), "森林覆盖率")
    assert (late.status, late.grade_zh) == ("ahead", "提前实现")
    assert late.latest_value == pytest.approx(21.2)


def test_assess_without_outturns_says_so():
    g = plansim.assess(_share_table())
    row = _row(g, "森林覆盖率")
    assert (row.status, row.grade_zh) == ("insufficient-data", "数据不足")


def test_a_bad_outturn_cell_raises_with_file_row_and_column():
    outturns = _share_outturns()
    outturns.loc[1, "value"] = "abc"
    outturns.attrs["name"] = "my-outturns.csv"
    with pytest.raises(plansim.PlansimError) as e:
        plansim.assess(_share_table(), actuals=outturns)
    # the header is row 1, so the second outturn is row 3; value is the 4th column
    assert (e.value.file, e.value.row, e.value.column) == ("my-outturns.csv", 3, 4)
    assert e.value.cells[0].text == "abc"


def test_an_outturn_name_that_matches_nothing_raises_with_the_nearest():
    outturns = _share_outturns()
    outturns["indicator"] = ["森林覆盖", "森林覆盖"]
    with pytest.raises(plansim.PlansimError, match="森林覆盖率"):
        plansim.assess(_share_table(), actuals=outturns)


def test_read_table_gives_each_row_with_its_meaning():
    t = plansim.read_table(SCENARIOS / "tables" / "national-14th.csv", region="全国")
    urban = t[t.indicator == "常住人口城镇化率"].iloc[0]
    # `60.6*` in the 2020 column: 60.6, its year 2019 by the note 带*的为2019年数据
    assert urban.base_value == pytest.approx(60.6)
    assert urban.base_year == 2019
    assert urban.target_low == pytest.approx(65) and urban.target_high == pytest.approx(65)
    assert urban.unit == "%" and urban.attribute == "expected"
    energy = t[t.indicator == "单位GDP能源消耗降低"].iloc[0]
    assert energy.attribute == "binding"
    assert energy.rate == "〔13.5〕"


def test_read_table_takes_a_dataframe_and_refuses_bad_cells():
    t = plansim.read_table(_share_table())
    assert list(t.indicator) == ["森林覆盖率"]
    assert t.iloc[0].target_low == pytest.approx(21)
    bad = _share_table()
    bad.loc[0, "target"] = "x21y"
    with pytest.raises(plansim.PlansimError) as e:
        plansim.read_table(bad)
    assert (e.value.file, e.value.row) == ("forest.csv", 2)
    assert e.value.cells[0].header == "target"


def test_project_takes_a_dataframe_table_and_dataframe_outturns():
    df = pd.DataFrame(
        {"region": ["测试区"], "indicator": ["地区生产总值"], "unit": ["亿元"],
         "base_year": [2020], "base": ["100"], "target_year": [2025], "target": [""],
         "rate": ["5"]}
    )
    p = plansim.project(df, horizon=2025)
    gdp = p.set_index("year").value
    # 100 at the stated 5 % a year: 100·1.05⁵ = 127.62815625, to six significant digits
    assert gdp[2025] == 127.628
    outturns = pd.DataFrame({"region": ["测试区"], "indicator": ["地区生产总值"],
                             "year": [2021], "value": ["104"]})
    p = plansim.project(df, horizon=2025, actuals=outturns).set_index("year").value
    # 2021's outturn replaces the projection, and the stated rate goes on from it: 104·1.05⁴
    # = 126.41265 → 126.413
    assert p[2021] == 104
    assert p[2025] == 126.413


def test_numbers_as_published_and_years_as_integers():
    g = plansim.assess(NATIONAL, as_of=2022)
    # years are integers, a missing one <NA>, never 2022.0
    assert str(g.latest_year.dtype) == "Int64" and str(g.target_year.dtype) == "Int64"
    energy = _row(g, "单位GDP能源消耗降低")
    assert energy.latest_year == 2022
    # 1 − 0.973·0.999 = 0.027973: down 2.7973 %, exactly that decimal (the arithmetic gives
    # −2.797300000000007)
    assert energy.latest_value == -2.7973
    assert repr(float(energy.latest_value)) == "-2.7973"
    # no column of any result carries more than six significant digits
    frames = [g, plansim.project(SCENARIOS / "baseline.toml"),
              *plansim.simulate(SCENARIOS / "baseline.toml", draws=500),
              plansim.read_table(SCENARIOS / "tables" / "horqin.csv")]
    for f in frames:
        for c in f.select_dtypes("float").columns:
            for v in f[c].dropna():
                digits = repr(float(v)).lstrip("-").replace(".", "").lstrip("0").split("e")[0]
                assert len(digits.rstrip("0")) <= 6, (c, v)



def test_a_table_without_a_region_column_takes_region(tmp_path):
    """The 科尔沁区 table without its region column is named by its file: its outturns reach
    nothing (a UserWarning names the region to pass) until ``region=`` names the county."""
    table = pd.read_csv(SCENARIOS / "tables" / "horqin.csv", dtype=str, keep_default_na=False)
    path = tmp_path / "mycounty.csv"
    table.drop(columns=["region"]).to_csv(path, index=False)
    outturns = SCENARIOS / "actuals" / "horqin-hypothetical.csv"
    with pytest.warns(UserWarning, match="region=科尔沁区"):
        plansim.assess(path, actuals=outturns)
    with pytest.warns(UserWarning, match="region=科尔沁区"):
        plansim.project(path, actuals=outturns)
    graded = plansim.assess(path, actuals=outturns, region="科尔沁区")
    assert set(graded["region"]) == {"科尔沁区"}
    assert graded["latest_year"].notna().any()
    long = plansim.project(path, actuals=outturns, region="科尔沁区")
    assert set(long["region"]) == {"科尔沁区"}

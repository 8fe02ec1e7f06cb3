"""The Python package on the bundled data, with numbers worked out by hand."""

from pathlib import Path

import pandas as pd
import pytest

import plansim

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
HORQIN = SCENARIOS / "tables" / "horqin.csv"


def test_project_gives_the_long_columns_and_the_compound_path():
    p = plansim.project(SCENARIOS / "baseline.toml")
    assert list(p.columns) == ["region", "plan", "scenario", "indicator", "unit", "year", "value"]
    gdp = p[(p.region == "科尔沁区") & (p.indicator == "地区生产总值增长率")].set_index("year")
    # 305.8 亿 at the stated 7 % a year: 305.8·1.07⁵ = 428.90032…, written to six significant
    # digits: 428.900
    assert gdp.loc[2025, "value"] == 428.9
    assert gdp.loc[2020, "value"] == pytest.approx(305.8)
    assert p.year.dtype.kind == "i"


def test_to_iamc_has_pyams_columns():
    wide = plansim.to_iamc(plansim.project(SCENARIOS / "baseline.toml"))
    assert list(wide.columns[:5]) == ["model", "scenario", "region", "variable", "unit"]
    row = wide[(wide.region == "科尔沁区") & (wide.variable == "地区生产总值增长率")].iloc[0]
    assert row[2025] == pytest.approx(305.8 * 1.07**5)


def test_check_reads_a_dataframe():
    # 100 → 130 in five years needs (1.3)^(1/5) − 1 = 5.39 % a year, not the stated 3 %
    df = pd.DataFrame(
        {
            "region": ["测试区", "测试区"],
            "indicator": ["地区生产总值", "森林覆盖率"],
            "unit": ["亿元", "%"],
            "base_year": [2020, 2020],
            "base": ["100", "20"],
            "target_year": [2025, 2025],
            "target": ["130", "21"],
            "rate": ["3", ""],
        }
    )
    f = plansim.check(df)
    hit = f[f.code == "rate-mismatch"]
    assert list(hit.indicator) == ["地区生产总值"]
    assert hit.iloc[0].severity == "error"
    # (1.3^(1/5) − 1)·100 = 5.3873952…, written to six significant digits
    assert hit.iloc[0].implied_rate == 5.3874


def test_check_finds_the_unit_mismatch_of_horqin_row_1():
    f = plansim.check(HORQIN)
    errors = f[(f.severity == "error") & (f.code == "unit-mismatch")]
    assert "地区生产总值增长率" in set(errors.indicator)


def test_simulate_returns_bands_and_probabilities():
    sim, probs = plansim.simulate(SCENARIOS / "baseline.toml", draws=2000, seed=7)
    assert {"p5", "p25", "p50", "p75", "p95"} <= set(sim.columns)
    # bands only where evidence gives a σ (outturns, or one set by hand); none elsewhere
    banded = sim.dropna(subset=["p5"])
    assert 0 < len(banded) < len(sim)
    assert ((banded.p5 <= banded.p50) & (banded.p50 <= banded.p95)).all()
    chances = probs.probability.dropna()
    assert 0 < len(chances) < len(probs)
    assert chances.between(0, 1).all()
    again, _ = plansim.simulate(SCENARIOS / "baseline.toml", draws=2000, seed=7)
    pd.testing.assert_frame_equal(sim, again)


def test_bad_cells_raise_with_file_row_and_column():
    df = pd.DataFrame(
        {
            "indicator": ["甲", "乙"],
            "unit": ["%", "%"],
            "base_year": [2020, 2020],
            "base": ["1e400", "5"],
            "target_year": [2025, 2025],
            "target": ["6", "abc7def"],
        }
    )
    df.attrs["name"] = "mine.csv"
    with pytest.raises(plansim.PlansimError) as e:
        plansim.check(df)
    cells = e.value.cells
    assert [(c.file, c.row, c.column) for c in cells] == [("mine.csv", 2, 4), ("mine.csv", 3, 6)]
    assert (e.value.file, e.value.row, e.value.column) == ("mine.csv", 2, 4)
    assert "mine.csv" in str(e.value)


def test_missing_files_raise():
    with pytest.raises(plansim.PlansimError, match="no-such.toml"):
        plansim.project(SCENARIOS / "no-such.toml")


def test_the_meaning_of_each_row_is_the_one_the_commands_use():
    """The fixture of tests/meaning_everywhere.rs: each target in the row's terms, by hand."""
    every = ROOT / "tests" / "fixtures" / "meaning" / "every-case.csv"
    rows = plansim.read_table(every).set_index("indicator")
    # 77.1 岁 + 1; 40 + 6 points; a 13.5 % fall ends the index at 86.5; 保有量 is a floor
    assert rows.loc["人均预期寿命", "goal_value"] == pytest.approx(78.1)
    assert rows.loc["入托率提高", "goal_value"] == pytest.approx(46.0)
    assert rows.loc["单位GDP能耗降低", "goal_value"] == pytest.approx(86.5)
    assert rows.loc["耕地保有量", "goal_kind"] == "at-least"
    p = plansim.project(ROOT / "tests" / "fixtures" / "meaning" / "every-case.toml")
    life = p[(p.region == "某县") & (p.indicator == "人均预期寿命")].set_index("year")
    # a straight path of (78.1 − 77.1) / 5 = 0.2 岁 a year, on from the 2022 outturn 77.6:
    # 77.6 + 3 × 0.2 = 78.2
    assert life.loc[2025, "value"] == pytest.approx(78.2)

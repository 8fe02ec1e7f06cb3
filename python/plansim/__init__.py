"""plansim: the indicator tables of Chinese development plans, as pandas DataFrames.

Every function takes file paths (tables as CSV or XLSX, scenarios as TOML) and, for tables
and outturns, also pandas DataFrames in the canonical columns (tables: ``region, plan, seq,
category, indicator, indicator_en, unit, base_year, base, target_year, target, rate, attribute,
source``; outturns: ``region, indicator, year, value`` and optionally ``note, source, basis``).
Results are DataFrames with exactly the columns of the files the ``plansim`` command writes.

Errors raise :class:`PlansimError`, whose ``cells`` name every unreadable cell by file, row and
column.
"""

from __future__ import annotations

import io
import os
from typing import Iterable, Union

import pandas as pd

from . import _plansim
from ._errors import CellProblem, PlansimError

__all__ = [
    "read_table", "check", "assess", "project", "simulate", "to_iamc", "PlansimError", "CellProblem",
]

PathLike = Union[str, "os.PathLike[str]"]
TableLike = Union[PathLike, pd.DataFrame]

# text columns stay text (a region called "NA" is not a missing value)
_TEXT = [
    "region", "plan", "scenario", "category", "indicator", "indicator_en", "unit", "target",
    "seq", "code", "severity", "message", "file", "cells", "base", "rate", "attribute", "source",
    "value_unit", "base_kind", "target_kind", "rate_kind", "rate_reading", "direction", "notes",
    "rule", "status", "grade_zh", "pace_unit", "sigma_source", "reason",
    "quantity", "target_rule", "goal_kind", "base_note",
]


# whole-number columns stay integers where a value may be missing (2022, not 2022.0; <NA>)
_WHOLE = ["year", "base_year", "target_year", "latest_year", "crossing_year", "actual_year",
          "from", "row"]


# the numbers arrive rounded as published (plansim_core::format): each is read as the very
# float its text names, never one a unit off (65.22, not 65.22000000000001) — pandas 3 does so
# by default, earlier versions when asked
_PRECISE = {} if int(pd.__version__.split(".")[0]) >= 3 else {"float_precision": "round_trip"}


def _frame(data: bytes) -> pd.DataFrame:
    if not data.strip():
        return pd.DataFrame()
    header = pd.read_csv(io.BytesIO(data), nrows=0).columns
    dtype = {c: str for c in header if c in _TEXT}
    dtype.update({c: "Int64" for c in header if c in _WHOLE})
    return pd.read_csv(io.BytesIO(data), dtype=dtype, keep_default_na=False, na_values=[""],
                       **_PRECISE)


def _source(item, k: int, what: str):
    """A path as a path; a DataFrame as CSV bytes named for errors."""
    if isinstance(item, pd.DataFrame):
        name = item.attrs.get("name") or f"<{what} DataFrame {k}>.csv"
        return (str(name), item.to_csv(index=False).encode("utf-8"))
    return os.fspath(item)


def _sources(items, what: str = "table") -> list:
    if isinstance(items, (str, os.PathLike, pd.DataFrame)):
        items = [items]
    return [_source(t, k, what) for k, t in enumerate(items)]


def read_table(table: TableLike, sheet: str | None = None,
               region: str | None = None) -> pd.DataFrame:
    """A table's rows as read, one per row (as ``plansim tables --format csv``): each cell as
    printed beside its meaning (``base_value``, ``target_low``, ``target_high``, ``rate_value``,
    ``attribute``, ``direction``, ``notes`` …), and the target every command uses
    (``goal_value``, ``goal_kind``, ``target_rule``, ``meaning_base``; see docs/table-meaning.md).
    A table with an unreadable cell raises
    :class:`PlansimError` naming every such cell."""
    return _frame(_plansim.read_table(_source(table, 0, "table"), sheet, region))


def check(tables: Union[TableLike, Iterable[TableLike]],
          actuals: Union[TableLike, Iterable[TableLike]] = (),
          horizon: int | None = None, lang: str = "en",
          region: str | None = None) -> pd.DataFrame:
    """The consistency audit: one row per finding (as ``plansim check --format csv``).
    ``tables`` are tables (paths or DataFrames) or scenario files; ``actuals`` outturn files or
    DataFrames (``region, indicator, year, value``) for ``target-unreachable``; ``region`` the
    region of tables without a region column (else their file name)."""
    data = _plansim.check(_sources(tables), _sources(actuals, "actuals"), horizon, lang, region)
    return _frame(data)


def assess(inputs: Union[TableLike, Iterable[TableLike]],
           actuals: Union[TableLike, Iterable[TableLike]] = (),
           as_of: int | None = None, lang: str = "en",
           region: str | None = None) -> pd.DataFrame:
    """Every target graded from its outturns, one row per target (as ``plansim assess
    --format csv``): ``region, plan, indicator, target_year, target, rule, status, grade_zh,
    latest_year, latest_value, progress, expected_progress, pace_unit, current_pace,
    planned_pace, required_rate, …, p_meet, sigma, sigma_source, reason …``.

    ``inputs`` are tables (paths or DataFrames) or scenario files, whose own outturns count;
    ``actuals`` adds outturn files or DataFrames; ``as_of`` ignores outturns after that year.
    ``lang`` is the language of ``reason`` and ``notes`` (``grade_zh`` is always Chinese).
    ``region`` names the region of tables without a region column (else their file name); when
    outturns are given and none matches a row, a ``UserWarning`` says which region to pass."""
    data = _plansim.assess(_sources(inputs), _sources(actuals, "actuals"), as_of, lang, region)
    return _frame(data)


def project(scenario: TableLike, horizon: int | None = None,
            actuals: Union[TableLike, Iterable[TableLike]] = (),
            region: str | None = None) -> pd.DataFrame:
    """Every indicator year by year, in the long columns
    ``region, plan, scenario, indicator, unit, year, value``. ``scenario`` is a scenario file,
    or a table (path or DataFrame) run as its own baseline; ``actuals`` adds outturns;
    ``region`` names the region of tables without a region column, as in :func:`assess`."""
    data = _plansim.project(_source(scenario, 0, "table"), horizon,
                            _sources(actuals, "actuals"), region)
    return _frame(data)


def simulate(scenario: TableLike, draws: int | None = None, seed: int | None = None,
             sigma: float | None = None,
             actuals: Union[TableLike, Iterable[TableLike]] = (),
             region: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Monte Carlo bands and probabilities: ``(simulation, probabilities)``, as the files
    ``simulation.csv`` (the projection's columns plus ``p5 … p95``) and ``probabilities.csv``.
    ``sigma`` is in points, as in scenario files and ``plansim simulate --sigma``: 2 = 2 points
    a year. ``region`` names the region of tables without a region column, as in
    :func:`assess`."""
    sim, probs = _plansim.simulate(_source(scenario, 0, "table"), draws, seed, sigma,
                                   _sources(actuals, "actuals"), region)
    return _frame(sim), _frame(probs)


def to_iamc(long: pd.DataFrame) -> pd.DataFrame:
    """A long projection in pyam's IAMC columns: ``model, scenario, region, variable, unit`` and
    one column per year. ``model`` is the plan; ``variable`` is the indicator."""
    wide = long.pivot_table(
        index=["plan", "scenario", "region", "indicator", "unit"],
        columns="year", values="value", aggfunc="first", sort=False,
    ).reset_index()
    wide = wide.rename(columns={"plan": "model", "indicator": "variable"})
    wide.columns = [c if isinstance(c, str) else int(c) for c in wide.columns]
    return wide

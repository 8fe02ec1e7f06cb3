"""plansim: the indicator tables of Chinese development plans, as pandas DataFrames.

Every function takes file paths (tables as CSV or XLSX, scenarios as TOML) and, for tables,
also pandas DataFrames in the canonical columns (``region, plan, seq, category, indicator,
indicator_en, unit, base_year, base, target_year, target, rate, attribute, source``). Results are
DataFrames with exactly the columns of the files the ``plansim`` command writes.

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

__all__ = ["check", "project", "simulate", "to_iamc", "PlansimError", "CellProblem"]

PathLike = Union[str, "os.PathLike[str]"]
TableLike = Union[PathLike, pd.DataFrame]

# text columns stay text (a region called "NA" is not a missing value)
_TEXT = [
    "region", "plan", "scenario", "category", "indicator", "indicator_en", "unit", "target",
    "seq", "code", "severity", "message", "file", "cells", "base", "rate", "attribute", "source",
]


def _frame(data: bytes) -> pd.DataFrame:
    if not data.strip():
        return pd.DataFrame()
    header = pd.read_csv(io.BytesIO(data), nrows=0).columns
    dtype = {c: str for c in header if c in _TEXT}
    return pd.read_csv(io.BytesIO(data), dtype=dtype, keep_default_na=False, na_values=[""])


def _source(table: TableLike, k: int):
    """A path as a path; a DataFrame as CSV bytes named for errors."""
    if isinstance(table, pd.DataFrame):
        name = table.attrs.get("name") or f"<DataFrame {k}>.csv"
        return (str(name), table.to_csv(index=False).encode("utf-8"))
    return os.fspath(table)


def _sources(tables) -> list:
    if isinstance(tables, (str, os.PathLike, pd.DataFrame)):
        tables = [tables]
    return [_source(t, k) for k, t in enumerate(tables)]


def check(tables: Union[TableLike, Iterable[TableLike]], actuals: Iterable[PathLike] = (),
          horizon: int | None = None) -> pd.DataFrame:
    """The consistency audit: one row per finding (as ``plansim check --format csv``)."""
    data = _plansim.check(_sources(tables), [os.fspath(a) for a in actuals], horizon)
    return _frame(data)


def project(scenario: PathLike, horizon: int | None = None) -> pd.DataFrame:
    """Every indicator year by year, in the long columns
    ``region, plan, scenario, indicator, unit, year, value``."""
    return _frame(_plansim.project(os.fspath(scenario), horizon))


def simulate(scenario: PathLike, draws: int | None = None, seed: int | None = None,
             sigma: float | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Monte Carlo bands and probabilities: ``(simulation, probabilities)``, as the files
    ``simulation.csv`` (the projection's columns plus ``p5 … p95``) and ``probabilities.csv``.
    ``sigma`` is in points, as in scenario files and ``plansim simulate --sigma``: 2 = 2 points
    a year."""
    sim, probs = _plansim.simulate(os.fspath(scenario), draws, seed, sigma)
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

"""The exception plansim raises: its message names the file, and ``cells`` every unreadable cell."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CellProblem:
    """One cell plansim could not read."""

    file: str
    row: int
    column: int
    header: str
    text: str
    expected: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column} ({self.header}): `{self.text}`: {self.expected}"


class PlansimError(ValueError):
    """An input plansim cannot use: a table, outturns or a scenario.

    ``cells`` lists every unreadable cell (file, row, column, header, text, expected); ``file``,
    ``row`` and ``column`` are those of the first one, or ``None`` when the problem is not a cell.
    """

    def __init__(self, message: str, cells=()):
        super().__init__(message)
        self.message = message
        self.cells = [CellProblem(*c) for c in cells]
        first = self.cells[0] if self.cells else None
        self.file = first.file if first else None
        self.row = first.row if first else None
        self.column = first.column if first else None

    def __str__(self) -> str:
        return self.message

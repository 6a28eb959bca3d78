"""Grid tables in a PDF page's text: a heading row of short cells and the rows aligned under it.

A PDF has no table structure, only text placed on the page. A plan table ("Action | Who | By
when") comes out of the text layer as one paragraph per cell; this finds the cells that share a
heading row's columns, so the plan reader can take each row as one action with its owner and
date, as it does for Word tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class Line(Protocol):
    text: str
    x0: float
    x1: float
    top: float


@dataclass(frozen=True)
class Cell:
    """Where a paragraph sits in a table: its table on the page (from 0), row (the heading row is
    0) and column (from 1), and its column's heading."""

    table: int
    row: int
    column: int
    heading: str


_ROW_TOLERANCE = 3.0  # points: cells of one row start within this of each other
_COLUMN_TOLERANCE = 8.0  # points: a cell starts within this of its column's heading


def _rows(paras: Sequence[tuple[Sequence[Line], bool]]) -> list[list[int]]:
    """Paragraph indexes grouped into rows by the top of their first line, top to bottom."""
    order = sorted(range(len(paras)), key=lambda i: (paras[i][0][0].top, paras[i][0][0].x0))
    rows: list[list[int]] = []
    for index in order:
        top = paras[index][0][0].top
        if rows and abs(paras[rows[-1][0]][0][0].top - top) <= _ROW_TOLERANCE:
            rows[-1].append(index)
        else:
            rows.append([index])
    return [sorted(row, key=lambda i: paras[i][0][0].x0) for row in rows]


def _is_heading_row(paras: Sequence[tuple[Sequence[Line], bool]], row: list[int]) -> bool:
    cells = [paras[i][0] for i in row]
    return len(cells) >= 3 and all(
        len(lines) == 1 and len(lines[0].text.split()) <= 6 and not lines[0].text.rstrip().endswith(".")
        for lines in cells
    )


def find_tables(paras: Sequence[tuple[Sequence[Line], bool]]) -> dict[int, Cell]:
    """The paragraphs of ``paras`` (lines, is-heading) that are table cells, by index."""
    cells: dict[int, Cell] = {}
    rows = _rows(paras)
    table = 0
    index = 0
    while index < len(rows):
        head = rows[index]
        if not _is_heading_row(paras, head):
            index += 1
            continue
        columns = [paras[i][0][0].x0 for i in head]
        headings = [paras[i][0][0].text.strip() for i in head]
        body: list[list[int]] = []
        for row in rows[index + 1 :]:
            if not _fits(paras, row, columns):
                break
            body.append(row)
        if not body:
            index += 1
            continue
        for column, i in enumerate(head, start=1):
            cells[i] = Cell(table, 0, column, headings[column - 1])
        for number, row in enumerate(body, start=1):
            for i in row:
                column = _column_of(paras[i][0][0].x0, columns)
                cells[i] = Cell(table, number, column + 1, headings[column])
        table += 1
        index += 1 + len(body)
    return cells


def _column_of(x0: float, columns: list[float]) -> int:
    return min(range(len(columns)), key=lambda c: abs(columns[c] - x0))


def _fits(paras: Sequence[tuple[Sequence[Line], bool]], row: list[int], columns: list[float]) -> bool:
    """Every paragraph of the row starts at a column, and none is a heading or a paragraph
    running across the columns (the prose after the table)."""
    for i in row:
        lines, heading = paras[i]
        if heading:
            return False
        x0 = lines[0].x0
        column = _column_of(x0, columns)
        if abs(columns[column] - x0) > _COLUMN_TOLERANCE:
            return False
        right = max(line.x1 for line in lines)
        spans = column + 1 < len(columns) and right > columns[column + 1] + 2 * _COLUMN_TOLERANCE
        if spans and len(row) == 1:
            return False
    return True

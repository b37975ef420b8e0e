"""The figures table: ours and Pagefind side by side, with ratios ours/Pagefind."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    label: str
    ours: float | None
    pagefind: float | None = None
    unit: str = ""
    note: str = ""


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit in ("files", "", "results"):
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"


def ratio(ours: float | None, other: float | None) -> float | None:
    if ours is None or not other:
        return None
    return ours / other


def table(title: str, rows: list[Row]) -> str:
    head = ("figure", "ours", "Pagefind", "ours/PF", "")
    body = []
    for r in rows:
        label = f"{r.label} ({r.unit})" if r.unit else r.label
        rr = ratio(r.ours, r.pagefind)
        body.append((label, _fmt(r.ours, r.unit),
                     "" if r.pagefind is None else _fmt(r.pagefind, r.unit),
                     "" if rr is None else f"{rr:.2f}", r.note))
    return aligned(title, head, body)


def aligned(title: str, head: tuple, body: list[tuple]) -> str:
    """A plain-text table: first and last column left-aligned, the others right-aligned."""
    widths = [max(_width(x) for x in col) for col in zip(head, *body)]
    lines = [title, _line(head, widths), _line(tuple("-" * w for w in widths), widths)]
    lines += [_line(b, widths) for b in body]
    return "\n".join(lines)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _line(cells, widths) -> str:
    out = []
    for i, (cell, w) in enumerate(zip(cells, widths)):
        pad = " " * (w - _width(cell))
        out.append(cell + pad if i in (0, len(cells) - 1) else pad + cell)
    return "  ".join(out).rstrip()

"""Trees of divisions: a place and every place above it, each made once, children in the
order they were first reached. The browse pages and the timeline each grow one."""
from __future__ import annotations

from typing import Callable, TypeVar

from .table import Division, Gazetteer

Node = TypeVar("Node")


def grow(tree: dict[str, Node], code: str, gazetteer: Gazetteer,
         make: Callable[[Division, Node | None], Node]) -> Node | None:
    """The node of `code` in `tree` (code → node); it and its missing ancestors are made with
    `make(division, parent_node)` and each new node is added to its parent's `children`."""
    parent = None
    for division in gazetteer.ancestors(code):
        node = tree.get(division.code)
        if node is None:
            node = tree[division.code] = make(division, parent)
            if parent is not None:
                parent.children.append(node)
        parent = node
    return parent

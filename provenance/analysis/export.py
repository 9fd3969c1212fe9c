"""Pictures as networkx graphs and GraphML, so that other graph tools (Gephi, yEd, networkx) can open them.

The reports build pictures without networkx (:mod:`provenance.reports.picture`); this is the one
place where a picture becomes a networkx graph, because only the analysis package imports networkx.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx


def picture_graph(data: dict[str, Any]) -> nx.DiGraph:
    """A picture's plain data (``Picture.as_data()``) as a DiGraph; lists become ``"; "``-joined text.

    GraphML holds only strings, numbers and booleans, so missing values are left out and lists joined.

    >>> graph = picture_graph({"title": "t", "nodes": [{"id": "a", "name": "Tass", "articles": ["x", "y"],
    ...                        "reliability": None}], "edges": []})
    >>> graph.nodes["a"]
    {'name': 'Tass', 'articles': 'x; y'}
    """
    graph = nx.DiGraph(title=data.get("title", ""))
    for node in data["nodes"]:
        graph.add_node(node["id"], **_plain({key: value for key, value in node.items() if key != "id"}))
    for edge in data["edges"]:
        graph.add_edge(edge["tail"], edge["head"],
                       **_plain({key: value for key, value in edge.items() if key not in ("tail", "head")}))
    return graph


def graphml_bytes(data: dict[str, Any]) -> bytes:
    """A picture's plain data as a UTF-8 GraphML document."""
    buffer = io.BytesIO()
    nx.write_graphml(picture_graph(data), buffer, encoding="utf-8")
    return buffer.getvalue()


def _plain(attributes: dict[str, Any]) -> dict[str, Any]:
    plain = {}
    for key, value in attributes.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            value = "; ".join(str(item) for item in value)
        plain[key] = value
    return plain

"""Circular reporting: outlets and sources that cite each other in a circle.

A circle lives inside one strongly connected component of a flow graph, so components are found
first (linear time) and simple cycles are enumerated only inside each component with more than one
node, with a bounded length and a bounded number per component: unbounded enumeration never ends on
graphs where a few agents are cited by everyone.
"""

from __future__ import annotations

import itertools

import networkx as nx

MAX_LENGTH = 6
MAX_PER_COMPONENT = 10


def circular_reporting(graph: nx.DiGraph, *, max_length: int = MAX_LENGTH,
                       max_per_component: int = MAX_PER_COMPONENT) -> list[list[str]]:
    """Cycles of the flow graph, each as its nodes in flow order, starting at its smallest node.

    A cycle ``[a, c, b]`` means a's report reached c, c's reached b, and b's reached a again.

    >>> graph = nx.DiGraph([("spiegel", "bild"), ("bild", "focus"), ("focus", "spiegel"), ("tass", "bild")])
    >>> circular_reporting(graph)
    [['bild', 'focus', 'spiegel']]

    Parameters
    ----------
    graph : a flow graph (:func:`provenance.analysis.flow.flow_graph` or a cluster's own).
    max_length : the longest cycle looked for, in nodes.
    max_per_component : at most this many cycles are listed per strongly connected component.

    Returns
    -------
    list of cycles, shortest first; self-loops are not circles and are ignored.
    """
    found: list[list[str]] = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        subgraph = graph.subgraph(component)
        cycles = nx.simple_cycles(subgraph, length_bound=max_length)
        for cycle in itertools.islice((c for c in cycles if len(c) > 1), max_per_component):
            start = cycle.index(min(cycle))
            found.append(cycle[start:] + cycle[:start])
    found.sort(key=lambda cycle: (len(cycle), cycle))
    return found

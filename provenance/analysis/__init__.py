"""Hearsay analysis: claim records in, plain findings out (the only package that imports networkx).

One topic per module: :mod:`.flow` (the graph a claim flows along), :mod:`.depth` (hops and origins),
:mod:`.sources` (who originated, relayed and is relied on), :mod:`.clusters` (the same claim across
articles and its independent sources), :mod:`.dominators` (single points of failure), :mod:`.cycles`
(circular reporting), :mod:`.credibility` (how far a claim can be believed) and :mod:`.corpus`, which
runs them all over a corpus.
"""

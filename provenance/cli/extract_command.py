"""``provenance extract``: find attributed claims in article text (being written)."""

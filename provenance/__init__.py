"""claim-provenance: who said it first, and through whose hands did it pass?

Statements in news articles become nodes linked to their chains of attribution, stored as RDF and
analysed as graphs. See README.md for the tour and shared/DESIGN.md for the architecture.
"""

__version__ = "0.1.0"

"""The project's RDF files, shipped inside the package as ``provenance.graphs``.

ontology.ttl (own vocabulary, the Admiralty SKOS scheme), shapes.ttl (SHACL shapes every export
conforms to), sources.ttl (registry of well-known outlets and agencies: facts, no judgements).
They live at the top of the repository (graphs/) and are read with ``importlib.resources``.
"""

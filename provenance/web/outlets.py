"""The outlet an article page belongs to, by the name of the outlet registry (graphs/sources.ttl) where it is known.

A page says its publisher in its own words ("tagesschau.de", "REUTERS", "Der Spiegel GmbH & Co. KG");
extraction names the same outlet by the registry's name when an article cites it ("ARD", "Reuters").
The chain's last hop and the article's publisher are the same node only if both use one name,
so a publisher is matched to the registry by name or alias, by its web address, and by the
address of the page itself.
"""

from __future__ import annotations


def outlet_name(publisher: str | None, *addresses: str | None) -> str | None:
    """The registry's name for ``publisher`` or the outlet at one of ``addresses``; else ``publisher`` as given.

    >>> outlet_name("tagesschau.de"), outlet_name("REUTERS"), outlet_name(None, "https://www.spiegel.de/politik/a-1.html")
    ('ARD', 'Reuters', 'Der Spiegel')
    >>> outlet_name("Lokalblatt Nord", "http://127.0.0.1:8000/a.html"), outlet_name(None, "http://127.0.0.1/")
    ('Lokalblatt Nord', None)
    """
    from provenance.extract.registry import load_registry
    from provenance.rdf.ratings import registry_domains, web_domain

    registry = load_registry()
    domains = registry_domains()
    if publisher:
        outlet = registry.by_name(publisher)
        if outlet is None:
            folded = publisher.casefold()
            outlet = next((registry.by_name(alias) for alias in registry.aliases() if alias.casefold() == folded), None)
        if outlet is not None:
            return outlet.name
        if "." in publisher and " " not in publisher.strip():
            by_domain = _by_domain(domains, web_domain(publisher))
            if by_domain:
                return by_domain
    for address in addresses:
        if address:
            by_domain = _by_domain(domains, web_domain(address))
            if by_domain:
                return by_domain
    return publisher


def _by_domain(domains: dict[str, str], domain: str) -> str | None:
    """The outlet of ``domain`` or of a domain it is under (``edition.cnn.com`` -> ``cnn.com``)."""
    parts = domain.split(".")
    for start in range(len(parts) - 1):
        found = domains.get(".".join(parts[start:]))
        if found:
            return found
    return None

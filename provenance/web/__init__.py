"""Reading the news where it is: fetching article pages and feeds, and the metadata pages carry.

- :mod:`~provenance.web.fetch`: HTTP with timeouts, a size cap, a redirect cap and a User-Agent naming the tool.
- :mod:`~provenance.web.metadata`: headline, dates, publisher, author, language and canonical URL of a page.
- :mod:`~provenance.web.pages`: a fetched page -> the document extraction reads, and the page kept beside it.
- :mod:`~provenance.web.feeds`: RSS and Atom items.
- :mod:`~provenance.web.ingest`: storing the articles of URLs and feeds, and the rounds of ``watch``.
"""

#: Seconds to wait for a whole answer; a news page that takes longer is not worth holding a watch round for.
#: Here, not in fetch.py, so that the CLI can show it without importing requests at every start.
DEFAULT_TIMEOUT = 20.0

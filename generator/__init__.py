"""Policy briefings from news articles: actors, positions, claims and evidence, published with MkDocs."""

__version__ = "0.1.0"

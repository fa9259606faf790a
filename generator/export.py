"""The one place where briefings become JSON (and the JSON Schema that describes it)."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources

from generator import __version__
from generator.model import Actor, Article, Briefing, Claim, Evidence, Judgment, Position, Readability

SCHEMA_VERSION = 1


def to_dict(briefing: Briefing) -> dict:
    """A briefing as plain data, the shape `briefing.schema.json` describes."""
    article = dataclasses.asdict(briefing.article)
    article.pop("warnings", None)
    # Stripped boilerplate stays out of every output; only its amount is reported.
    article["removed"] = len(briefing.article.removed)
    data = {
        "schema": SCHEMA_VERSION,
        "generator": __version__,
        "article": article,
        "title": briefing.article.title,
        "bluf": briefing.bluf,
        "bluf_origin": briefing.bluf_origin,
        "topics": list(briefing.topics),
        "actors": [dataclasses.asdict(a) for a in briefing.actors],
        "claims": [dataclasses.asdict(c) for c in briefing.claims],
        "evidence": [dataclasses.asdict(e) for e in briefing.evidence],
        "positions": [dataclasses.asdict(p) for p in briefing.positions],
        "readability": dataclasses.asdict(briefing.readability) if briefing.readability else None,
        "judgments": [dataclasses.asdict(j) for j in briefing.judgments],
        "notes": list(briefing.notes),
    }
    return _lists(data)


def _lists(value):
    """Tuples become lists so the JSON and its schema agree."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def to_json(briefing: Briefing) -> str:
    """Stable, sorted, human-readable JSON."""
    return json.dumps(to_dict(briefing), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema() -> dict:
    """The JSON Schema of `to_dict`'s output."""
    text = (resources.files("generator") / "data" / "briefing.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def from_dict(data: dict, article: Article) -> Briefing:
    """Rebuild a briefing from `to_dict` output around a freshly read article (the cache's way back)."""
    readability = data.get("readability")
    return Briefing(
        article=article,
        actors=tuple(Actor(**_tuples(a)) for a in data["actors"]),
        claims=tuple(Claim(**_tuples(c)) for c in data["claims"]),
        evidence=tuple(Evidence(**_tuples(e)) for e in data["evidence"]),
        positions=tuple(Position(**_tuples(p)) for p in data["positions"]),
        bluf=data["bluf"],
        readability=Readability(**readability) if readability else None,
        topics=tuple(data.get("topics", ())),
        judgments=tuple(Judgment(**j) for j in data.get("judgments", ())),
        notes=tuple(data.get("notes", ())),
        bluf_origin=data.get("bluf_origin", "extracted"),
    )


def article_to_dict(article: Article) -> dict:
    """Everything read from an article's file, warnings included (the cache's way in)."""
    return _lists(dataclasses.asdict(article))


def article_from_dict(data: dict, slug: str) -> Article:
    """An article as `article_to_dict` kept it, under the page name this build gives it."""
    return Article(**{**_tuples(data), "slug": slug})


def _tuples(item: dict) -> dict:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in item.items()}

"""Every generated file of the site, from all briefings at once (gather, then write)."""

from __future__ import annotations

import hashlib
import json
import math
import traceback
from collections import defaultdict
from dataclasses import dataclass, field

from jinja2 import Environment, TemplateError
from markupsafe import Markup

from generator.analysis.stance import is_forward_looking
from generator.config import BuildConfig
from generator.errors import BriefingError
from generator.export import schema, to_json
from generator.model import Briefing, Story
from generator.render.environment import environment, templates_version
from generator.render.highlight import mark_sentences
from generator.render.svg import actor_map, monthly_bars
from generator.site.cache import Cache, entry_key
from generator.site.catalog import Catalog, Topic
from generator.site.model import SiteModel


def pages_of(items: list, per_page: int) -> list[list]:
    """Split a list into pages of at most `per_page` items (at least one page)."""
    if not items:
        return [[]]
    count = math.ceil(len(items) / per_page)
    return [items[i * per_page : (i + 1) * per_page] for i in range(count)]


def page_name(number: int) -> str:
    return "index.md" if number == 1 else f"page-{number}.md"


@dataclass(frozen=True)
class Entry:
    """A line in an index: a single briefing or a multi-source story."""

    slug: str
    title: str
    published: str | None
    outlet: str | None
    summary: str
    sides: tuple[str, ...]
    sources: int = 1


def entry_of(item: Briefing | Story) -> Entry:
    if isinstance(item, Story):
        outlets = ", ".join(dict.fromkeys(b.outlet for b in item.sources))
        sides = tuple(dict.fromkeys(p.side for b in item.sources for p in b.positions))
        summary = item.question or f"Compares {len(item.sources)} sources."
        return Entry(item.slug, item.title, item.published, outlets, summary, sides[:3], len(item.sources))
    article = item.article
    return Entry(
        article.slug,
        article.title,
        article.published,
        article.outlet,
        item.bluf,
        tuple(p.side for p in item.positions[:3]),
    )


def by_date(entries: list[Entry]) -> list[Entry]:
    dated = sorted((e for e in entries if e.published), key=lambda e: (e.published, e.slug), reverse=True)
    undated = sorted((e for e in entries if not e.published), key=lambda e: (e.title.casefold(), e.slug))
    return dated + undated


def render_site(model: SiteModel, config: BuildConfig, pages: Cache | None = None) -> dict[str, str]:
    """Path → content of every generated file.

    The page and JSON of a briefing are taken from `pages` when nothing they show has changed,
    and so are all the other pages when no briefing has: on a warm build of a large site,
    rendering them would cost more than the rest together.

    Raises:
        BriefingError: a template (most likely one a site overrides) fails; names it.
    """
    try:
        return _render_site(model, config, pages or Cache(None))
    except TemplateError as error:
        raise BriefingError(template_problem(error)) from None


def template_problem(error: TemplateError) -> str:
    """Which template failed, where, and why."""
    name, line = (
        getattr(error, "filename", None) or getattr(error, "name", None),
        getattr(error, "lineno", None),
    )
    if name is None:
        frames = traceback.extract_tb(error.__traceback__)
        for frame in reversed(frames):
            if frame.filename.endswith((".j2", ".css", ".html")):
                name, line = frame.filename, frame.lineno
                break
    where = f"{name}, line {line}" if name and line else name or "a template"
    return f"template error in {where}: {error}"


def _render_site(model: SiteModel, config: BuildConfig, pages: Cache) -> dict[str, str]:
    env = environment(config.templates)
    templates = templates_version(config.templates)
    ordered, stories, story_of = model.ordered, model.stories, model.story_of
    digests = {id(b): digest(b) for b in ordered}
    # Every page but a briefing's own is made from all the briefings: on a build where none
    # changed, all of them (and the links briefing pages take from them) come from one entry.
    shown = [
        (s.slug, s.title, s.path, s.question, s.bias, [digests.get(id(b)) or digest(b) for b in s.sources])
        for s in stories
    ]
    key = entry_key(
        "site", templates, config.site_name, config.per_page, [digests[id(b)] for b in ordered], shown
    )
    site = pages.get(key)
    if not _whole(site):
        site = render_catalog(env, model, config)
        pages.put(key, site)
    files: dict[str, str] = dict(site["files"])
    side_slug = site["sides"]
    for briefing in ordered:
        slug = briefing.article.slug
        links = site["actors"].get(slug, {})
        sides = {p.side: side_slug[p.side] for p in briefing.positions if p.side in side_slug}
        story = story_of.get(briefing.article.path)
        key = entry_key(
            "page", templates, config.site_name, _fingerprint(digests[id(briefing)], links, sides, story)
        )
        body = pages.get(key)
        if body is None or not isinstance(body.get("page"), str) or not isinstance(body.get("data"), str):
            body = {
                "page": render_briefing(env, briefing, config.site_name, links, sides, story),
                "data": to_json(briefing),
            }
            pages.put(key, body)
        files[f"briefings/{slug}.md"] = body["page"]
        files[f"briefings/{slug}.json"] = body["data"]
    files["schema/briefing.schema.json"] = json.dumps(schema(), indent=2, sort_keys=True) + "\n"
    files["assets/briefings.css"] = env.get_template("briefings.css").render()
    return files


def digest(briefing: Briefing) -> str:
    """A digest of everything a briefing holds."""
    return hashlib.sha256(repr(briefing).encode("utf-8", "surrogatepass")).hexdigest()


def _whole(site: dict | None) -> bool:
    """Whether a cache entry holds what `render_catalog` returns."""
    return (
        isinstance(site, dict)
        and isinstance(site.get("files"), dict)
        and all(isinstance(v, str) for v in site["files"].values())
        and isinstance(site.get("actors"), dict)
        and all(isinstance(v, dict) for v in site["actors"].values())
        and isinstance(site.get("sides"), dict)
    )


@dataclass
class _Writer:
    """Renders templates into the files of the site; `paged` splits a list over pages."""

    env: Environment
    per_page: int
    common: dict
    files: dict[str, str] = field(default_factory=dict)

    def page(self, path: str, template: str, **context) -> None:
        self.files[path] = self.env.get_template(template).render(**context, **self.common)

    def paged(self, folder: str, template: str, items: list, per_page: int | None = None, **extra) -> None:
        paged(self.files, self.env, folder, template, items, per_page or self.per_page, self.common, **extra)


def render_catalog(env: Environment, model: SiteModel, config: BuildConfig) -> dict:
    """The pages made from all briefings (indexes, actors, sides, topics, timeline, stories),
    with the links a briefing page takes from them: {"files", "actors": briefing slug → actor
    id → actor page, "sides": side → side page}."""
    catalog, ordered, stories, story_of = model.catalog, model.ordered, model.stories, model.story_of
    out = _Writer(env, config.per_page, {"site_name": config.site_name})
    side_slug = {side.name: side.slug for side in catalog.sides}
    actors: dict[str, dict[str, str]] = defaultdict(dict)
    for (slug, actor_id), actor_slug in catalog.actor_slug.items():
        actors[slug][actor_id] = actor_slug
    for story in stories:
        out.page(
            f"briefings/{story.slug}.md",
            "story.md.j2",
            story=story,
            cmp=model.comparisons[story.slug],
            side_link=side_slug,
        )
    entries = by_date(
        [entry_of(b) for b in ordered if b.article.path not in story_of] + [entry_of(s) for s in stories]
    )
    out.paged("briefings", "briefings_index.md.j2", entries, total=len(entries))
    _actor_pages(out, catalog, side_slug)
    _side_pages(out, catalog)
    entry_for = {b.article.slug: entry_of(story_of.get(b.article.path, b)) for b in ordered}
    topics = _topic_pages(out, catalog, entry_for)
    dated = [e for e in entries if e.published]
    out.paged("timeline", "timeline.md.j2", dated, total=len(dated), undated=len(entries) - len(dated))
    out.page(
        "index.md",
        "home.md.j2",
        latest=entries[:10],
        total=len(entries),
        sides=catalog.sides[:12],
        topics=topics[:12],
        actors=catalog.actors[:12],
    )
    return {"files": out.files, "actors": dict(actors), "sides": side_slug}


def _actor_pages(out: _Writer, catalog: Catalog, side_slug: dict[str, str]) -> None:
    """Every actor's pages, and the actors index grouped by side (actors of no side last)."""
    for actor in catalog.actors:
        actor_pages(out.files, out.env, actor, out.per_page, out.common, side_link=side_slug)
    by_side: dict[str, list] = {}
    for actor in catalog.actors:
        by_side.setdefault(actor.sides[0] if actor.sides else "", []).append(actor)
    groups = sorted(by_side.items(), key=lambda kv: (kv[0] == "", kv[0]))
    listed = [(side, actor) for side, actors in groups for actor in actors]
    out.paged(
        "actors",
        "actors_index.md.j2",
        listed,
        out.per_page * 4,
        total=len(catalog.actors),
        side_link=side_slug,
    )


def _side_pages(out: _Writer, catalog: Catalog) -> None:
    for side in catalog.sides:
        chart = monthly_bars(side.per_month, f"Claims by {side.name} per month")
        out.page(f"sides/{side.slug}.md", "side.md.j2", side=side, chart=chart, per_page=out.per_page)
    out.paged("sides", "sides_index.md.j2", list(catalog.sides), out.per_page * 4, total=len(catalog.sides))


def _topic_pages(
    out: _Writer, catalog: Catalog, entry_for: dict[str, Entry]
) -> list[tuple[Topic, list[Entry]]]:
    """Every topic's pages and the topics index; returns each topic with its entries."""
    topics = []
    for topic in catalog.topics:
        unique = {entry_for[b.article.slug].slug: entry_for[b.article.slug] for b in topic.briefings}
        items = by_date(list(unique.values()))
        topics.append((topic, items))
        out.paged(f"topics/{topic.slug}", "topic.md.j2", items, topic=topic, total=len(items))
    out.paged("topics", "topics_index.md.j2", topics, out.per_page * 4, total=len(topics))
    return topics


def paged(
    files: dict[str, str], env, folder: str, template: str, items: list, per_page: int, common: dict, **extra
) -> None:
    """Render a list over as many pages as it needs: folder/index.md, folder/page-2.md, …"""
    pages = pages_of(items, per_page)
    for number, page in enumerate(pages, start=1):
        files[f"{folder}/{page_name(number)}"] = env.get_template(template).render(
            items=page,
            number=number,
            pages=len(pages),
            page_name=page_name,
            first=(number - 1) * per_page,
            **common,
            **extra,
        )


def actor_pages(files: dict[str, str], env, actor, per_page: int, common: dict, **extra) -> None:
    """An actor's claims over as many pages as they need: actors/SLUG.md, then
    actors/SLUG/page-2.md, … (a slug has no slash, so these never meet another actor's page)."""
    pages = pages_of(list(actor.voices), per_page)

    def link_from(number: int):
        # Paths made here from a slug, so templates may write them as they are.
        def link(target: int) -> Markup:
            if number == 1:
                return Markup(f"{actor.slug}/page-{target}.md")
            return Markup(f"../{actor.slug}.md" if target == 1 else f"page-{target}.md")

        return link

    for number, voices in enumerate(pages, start=1):
        path = f"actors/{actor.slug}.md" if number == 1 else f"actors/{actor.slug}/page-{number}.md"
        files[path] = env.get_template("actor.md.j2").render(
            actor=actor,
            voices=voices,
            number=number,
            pages=len(pages),
            page_name=link_from(number),
            root=Markup("../" if number == 1 else "../../"),
            **common,
            **extra,
        )


def _fingerprint(briefing: str, links: dict, sides: dict, story: Story | None) -> str:
    """A digest of everything a briefing's page and JSON are made from, given the briefing's
    digest (with the templates and the code, which the page key adds). A story counts by its
    own fields and its sources' names."""
    shown = (
        (
            story.slug,
            story.title,
            story.path,
            story.question,
            story.bias,
            tuple(b.article.slug for b in story.sources),
        )
        if story
        else None
    )
    text = repr((briefing, sorted(links.items()), sorted(sides.items()), shown))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def render_briefing(
    env,
    briefing: Briefing,
    site_name: str,
    actor_link: dict | None = None,
    side_link: dict | None = None,
    story: Story | None = None,
) -> str:
    """The Markdown page of one briefing; links to actor and side pages where they exist."""
    context = briefing_context(briefing)
    return env.get_template("briefing.md.j2").render(
        b=briefing,
        site_name=site_name,
        actor_link=actor_link or {},
        side_link=side_link or {},
        story=story,
        **context,
    )


def briefing_context(briefing: Briefing) -> dict:
    """Lookups the briefing template needs: actors by id, claims grouped by speaker, the marked source."""
    actors = {a.id: a for a in briefing.actors}
    claims = {c.id: c for c in briefing.claims}
    groups: dict[str | None, list] = defaultdict(list)
    for claim in briefing.claims:
        groups[claim.speaker].append(claim)
    order = [a.id for a in briefing.actors if a.id in groups]
    by_speaker = [(actors[key], groups[key]) for key in order]
    unattributed = groups.get(None, [])
    watch = [c for c in briefing.claims if not c.optional and is_forward_looking(c.text, c.cue)]
    source, anchors = mark_sentences(briefing)
    return {
        "actors": actors,
        "claims": claims,
        "by_speaker": by_speaker,
        "unattributed": unattributed,
        "watch": watch,
        "diagram": actor_map(briefing),
        "source": source,
        "anchors": anchors,
    }

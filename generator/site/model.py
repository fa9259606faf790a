"""The cross-briefing model that the gather phase hands to rendering.

The catalog (actors, sides, topics across briefings) and the comparison of each story are
made from every briefing, so they are worked out once, on first use: a warm build whose
pages all come from the cache never needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator.model import Briefing, Story
from generator.site.catalog import Catalog, build_catalog, newest_first
from generator.site.compare import Comparison, compare


@dataclass(frozen=True)
class SiteModel:
    """Every briefing and story of a build, and the views made from all of them."""

    briefings: tuple[Briefing, ...]
    """Every briefing, each source of a multi-source story included."""
    stories: tuple[Story, ...] = ()

    @cached_property
    def ordered(self) -> tuple[Briefing, ...]:
        """The briefings newest first, undated ones last."""
        return tuple(newest_first(self.briefings))

    @cached_property
    def catalog(self) -> Catalog:
        return build_catalog(list(self.ordered))

    @cached_property
    def comparisons(self) -> dict[str, Comparison]:
        """Story slug → how its sources compare."""
        return {story.slug: compare(story) for story in self.stories}

    @cached_property
    def story_of(self) -> dict[str, Story]:
        """Article path → the story it is a source of."""
        return {b.article.path: story for story in self.stories for b in story.sources}

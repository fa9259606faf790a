"""Rendering briefings into the Markdown pages of the site through Jinja templates.

Every value from an article reaches a page through `escape`, so article text can never become
markup, a link, a Markdown extension directive or template code. Templates that a site puts in
its own folder override the defaults one file at a time.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from urllib.parse import quote

import jinja2
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.ingest.clean import strip_controls
from generator.text import place

# Characters that Markdown, its extensions or HTML give a meaning to. Each becomes a numeric
# character reference, which every Markdown engine passes through as the character itself.
_ACTIVE = set("\\`*_{}[]()#+-.!|~^=:<>&\"'$%@;/?")
_LINE_START = re.compile(r"^\s*(?:[-+*>#]|\d+[.)]|\|)")
_REFERENCES = str.maketrans({c: f"&#{ord(c)};" for c in _ACTIVE})
# Inert in the middle of a line: only what can open markup there is escaped.
_MID_LINE = str.maketrans({c: f"&#{ord(c)};" for c in _ACTIVE - set(".-+/%?;@")})


def escape(value: object) -> str:
    """Text as inert Markdown: one line, every active character as a character reference."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return " ".join(_plain(value).split()).translate(_REFERENCES)


def light_escape(value: object) -> str:
    """Escape only what can start markup in running text, to keep pages small.

    `.`, `-`, `+`, `/` and `%` are inert in the middle of a line, so they stay as they are
    unless they open the line. A leading space is kept (templates join values such as
    `" · "`) but written as a character reference, so that it cannot turn the `*` a template
    puts before a value into a list bullet.
    """
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    raw = _plain(value)
    text = " ".join(raw.split())
    if not text:
        return ""
    match = _LINE_START.match(text)
    opening = match.end() if match else 1
    lead = "&#32;" if raw[:1].isspace() else ""
    trail = " " if raw[-1:].isspace() else ""
    return lead + text[:opening].translate(_REFERENCES) + text[opening:].translate(_MID_LINE) + trail


def _plain(value: object) -> str:
    """The value as text without control characters: Python-Markdown uses STX and ETX as
    placeholders for stashed HTML, so they must never reach it from an article."""
    return strip_controls(str(value))


def _finalize(value: object) -> object:
    """Every `{{ … }}` is escaped unless a filter vouched for it with `Markup`."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return light_escape(value)


def theme_title(title: str) -> str:
    """A page title that stays text wherever a theme writes it.

    MkDocs takes a page's title from its first heading with the character references left in,
    and Material writes it into `<title>` through `striptags`, which decodes them: a headline
    `</title><script>` would turn back into markup there. A word joiner after every `<` leaves
    the title reading the same while no tag can start.
    """
    return re.sub(
        r"&(?:lt|#0*60|#x0*3c);", lambda match: match.group(0) + "\u2060", title, flags=re.IGNORECASE
    )


def attribute(value: object) -> Markup:
    """A value for an HTML attribute in a template."""
    return Markup(html.escape(" ".join(str(value or "").split()), quote=True))


def default_templates() -> Path:
    """The shipped templates: inside the installed package, or the repository's `templates/`."""
    packaged = Path(__file__).parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "templates"


def templates_version(user_templates: Path | None = None) -> str:
    """A digest of every template a build can use (the site's and the shipped ones) and of Jinja."""
    digest = hashlib.sha256(jinja2.__version__.encode())
    for folder in (user_templates, default_templates()):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(
                    path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape")
                    + b"\0"
                    + path.read_bytes()
                )
        digest.update(b"\1")
    return digest.hexdigest()[:16]


def environment(user_templates: Path | None = None) -> Environment:
    """The Jinja environment: the site's own templates first, then the defaults."""
    loaders = []
    if user_templates is not None:
        loaders.append(FileSystemLoader(str(user_templates)))
    loaders.append(FileSystemLoader(str(default_templates())))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=False,
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = lambda v: Markup(light_escape(v))
    env.filters["strict"] = lambda v: Markup(escape(v))
    env.filters["attr"] = attribute
    env.filters["url"] = safe_url
    env.filters["percent"] = lambda v: f"{round(float(v) * 100)}%"
    env.filters["words"] = _words
    env.filters["ease"] = reading_ease_label
    env.filters["place"] = place
    env.filters["actor_name"] = lambda actor_id, briefing: getattr(briefing.actor(actor_id), "name", actor_id)
    return env


def safe_url(value: object) -> Markup:
    """An http(s) URL made safe as a Markdown link target, or nothing for any other scheme."""
    url = str(value or "").strip()
    if not re.match(r"^https?://[^\s/]", url, re.IGNORECASE):
        return Markup("")
    safe = "".join(
        c if c.isascii() and (c.isalnum() or c in "-._~:/?#@!$&+,;=%") else quote(c, safe="") for c in url
    )
    return Markup(html.escape(safe, quote=True))


def _words(value: object, count: int = 30) -> str:
    words = str(value or "").split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def reading_ease_label(score: float) -> str:
    """Flesch's own bands."""
    for floor, label in (
        (90, "very easy"),
        (80, "easy"),
        (70, "fairly easy"),
        (60, "plain English"),
        (50, "fairly difficult"),
        (30, "difficult"),
    ):
        if score >= floor:
            return label
    return "very difficult"

"""Errors a user can fix, each naming the file and what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass


class BriefingError(Exception):
    """Base of every error the generator reports to a user instead of a traceback."""


class ArticleError(BriefingError):
    """An article cannot become a briefing; the rest of the build goes on."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{printable(path)}: {printable(problem)}")
        self.path = path
        self.problem = problem


class ConfigError(BriefingError):
    """A setting is missing or invalid; the message names the key."""


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, reported as a warning that names it."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{printable(self.path)}: {printable(self.message)}"


def printable(text: str) -> str:
    """Text for one log line: a newline or terminal escape in a file name is shown, not obeyed."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)

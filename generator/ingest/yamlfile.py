"""The one way the build reads YAML written by hand: front matter, `briefing.yml` and corrections.

PyYAML's safe loader still lets a file stop a build: a pipe named like the file blocks the read,
brackets nested thousands deep exhaust the stack, `2024-02-30` raises `ValueError`, a number of
5,000 digits exceeds Python's limit and `"\\udfff"` builds a string no file can hold. Here the
file must be a regular file inside its folder and under a size limit, nesting is bounded, a
timestamp that is no real date and an integer too long to convert stay the text they were, and
a lone surrogate becomes U+FFFD with a warning that names the line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import yaml

from generator.errors import BriefingError

MAX_BYTES = 1_000_000
"""A YAML file (or front matter block) is written by hand; anything larger is refused."""
MAX_DEPTH = 32
"""Lists and mappings nested deeper than this are refused (PyYAML's composer recurses)."""


class YamlError(BriefingError):
    """A YAML file cannot be used at all; `problem` says why, naming the line when known."""

    def __init__(self, problem: str, line: int | None = None):
        super().__init__(f"line {line}: {problem}" if line else problem)
        self.problem = problem
        self.line = line


class Mapping(dict):
    """A YAML mapping that remembers the line it starts on (1-based)."""

    line = 1


def kind(value: object) -> str:
    """The YAML kind of a value as a message names it ("dict", "list", "bool", …)."""
    return "dict" if isinstance(value, dict) else type(value).__name__


class Loader(yaml.SafeLoader):
    """Safe YAML with bounded nesting, values that are always usable, and line numbers."""

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self.depth = 0
        self.warnings: list[tuple[int, str]] = []
        """(line, message) for every value that was repaired."""

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", mark
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_scalar(self, node):
        value = super().construct_scalar(node)
        if isinstance(value, str) and any("\ud800" <= char <= "\udfff" for char in value):
            # Through UTF-16, an escaped pair becomes the character it stands for.
            fixed = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
            if fixed.count("\ufffd") > value.count("\ufffd"):
                line = node.start_mark.line + 1
                self.warnings.append((line, "a lone surrogate (an escape such as \\udfff) became U+FFFD"))
            value = fixed
        return value


def _timestamp(loader: Loader, node: yaml.ScalarNode):
    """A date that exists, else the text as written (so `2024-02-30` is a date that does not parse)."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


def _integer(loader: Loader, node: yaml.ScalarNode):
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _mapping(loader: Loader, node: yaml.MappingNode):
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    yield mapping
    mapping.update(loader.construct_mapping(node))


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
Loader.add_constructor("tag:yaml.org,2002:int", _integer)
Loader.add_constructor("tag:yaml.org,2002:map", _mapping)


def load(text: str, loader: type[Loader] = Loader, first_line: int = 1) -> tuple[object, list[str]]:
    """The data of a YAML document and a warning for each repaired value ("line N: …").

    `first_line` is where the text starts in its file (front matter starts on line 2).

    Raises:
        YamlError: the text is not YAML, or nested too deep; names the line.
    """
    if len(text) > MAX_BYTES:
        raise YamlError(f"is larger than {MAX_BYTES:,} characters")
    instance = None
    try:
        instance = loader(text)  # refuses a character YAML forbids (ESC, NUL) at once
        data = instance.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        line = mark.line + first_line if mark is not None else None
        raise YamlError(f"is not valid YAML ({problem})", line) from None
    except RecursionError:
        raise YamlError(f"is nested more than {MAX_DEPTH} levels deep") from None
    finally:
        if instance is not None:
            instance.dispose()
    return data, [f"line {line + first_line - 1}: {message}" for line, message in instance.warnings]


def read_plain(path: Path, root: Path, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of a regular file inside `root` (after following links), at most `max_bytes`.

    Opened without blocking and checked after opening, so a pipe or device put in the file's
    place can neither block the build nor be read.

    Raises:
        YamlError: a link out of `root`, not a regular file, too large, or not UTF-8.
    """
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise YamlError("cannot be read (a missing file or a broken link)") from None
    resolved_root = root.resolve()
    if resolved_root not in target.parents:
        raise YamlError("is a symbolic link to a place outside the briefings folder; not read")
    try:
        descriptor = os.open(target, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise YamlError(f"cannot be read ({error.strerror or error})") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise YamlError("is not a regular file (a pipe, socket or device); not read")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise YamlError(f"is larger than {max_bytes:,} bytes; not read")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlError(f"is not UTF-8 text (a bad byte at {error.start})") from None

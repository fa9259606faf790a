"""Writing generated files to a folder: atomically, only when changed, never outside it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path, PurePosixPath

from generator.errors import BriefingError


def safe_target(root: Path, relative: str) -> Path:
    """The path of a generated file inside `root`; anything that would leave it is refused."""
    pure = PurePosixPath(relative)
    if (
        pure.is_absolute()
        or any(part in ("..", "") for part in pure.parts)
        or "\\" in relative
        or "\x00" in relative
    ):
        raise BriefingError(f"refusing to write {relative!r}: the path leaves the output folder")
    target = root.joinpath(*pure.parts)
    resolved_root = root.resolve()
    if resolved_root not in target.resolve().parents:
        raise BriefingError(f"refusing to write {relative!r}: the path leaves the output folder")
    return target


def overlaps(first: Path, second: Path) -> bool:
    """Whether two folders are the same or one holds the other (after following links)."""
    a, b = first.resolve(), second.resolve()
    return a == b or a in b.parents or b in a.parents


def write_files(root: Path, files: tuple[tuple[str, str], ...], protect: Path | None = None) -> int:
    """Write each (path, content) under `root`; return how many files changed."""
    if protect is not None and overlaps(root, protect):
        raise BriefingError(f"refusing to write into {root}: it overlaps the briefings folder {protect}")
    root.mkdir(parents=True, exist_ok=True)
    changed = 0
    for relative, content in files:
        target = safe_target(root, relative)
        data = content.encode("utf-8")
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
        except OSError as error:
            raise BriefingError(f"cannot write {relative} in {root} ({error.strerror or error})") from None
        changed += 1
    return changed


def write_atomically(target: Path, data: bytes) -> None:
    """Write through a temporary file renamed into place: whoever reads the file, a killed
    build included, sees the old content or the new, never part of it."""
    # The file outlives the block that writes it: it is renamed into place.
    handle = tempfile.NamedTemporaryFile("wb", dir=target.parent, prefix=".tmp-", delete=False)  # noqa: SIM115
    try:
        with handle:
            handle.write(data)
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise

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


def unlink_links(root: Path) -> list[Path]:
    """Remove every symbolic link under `root` (never what it points to); the links removed.

    A build empties and rewrites its output folder; a link left in it would have the build
    write through it, into the articles for instance."""
    removed = []
    if root.is_symlink() or not root.is_dir():
        return removed
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            if path.is_symlink():
                try:
                    path.unlink()
                except OSError as error:
                    raise BriefingError(
                        f"cannot remove the link {path} ({error.strerror or error})"
                    ) from None
                removed.append(path)
    return removed


def check_writable(root: Path) -> None:
    """Refuse, in one line, an output folder that cannot be written (no permission, a file)."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=root, prefix=".tmp-") as handle:
            handle.write(b"x")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        raise BriefingError(f"cannot write into {root} ({error.strerror or error})") from None


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
    return changed + remove_stale(root, {relative for relative, _ in files})


MANIFEST = ".briefings-files"
"""The files the last `write_files` wrote into a folder, one a line: what the next one removes
when its briefing is gone (a page, its JSON, an actor's page), so nothing deleted stays published."""


def remove_stale(root: Path, written: set[str]) -> int:
    """Remove the files a previous write listed that this one did not write; how many went.

    Only files of the manifest are touched, never a link or a folder, never outside `root`."""
    manifest = root / MANIFEST
    try:
        previous = manifest.read_text(encoding="utf-8").splitlines() if manifest.is_file() else []
    except (OSError, UnicodeDecodeError):
        previous = []
    removed = 0
    for relative in sorted(set(previous) - written):
        try:
            target = safe_target(root, relative)
        except BriefingError:
            continue
        if target.is_file() and not target.is_symlink():
            target.unlink()
            removed += 1
    try:
        write_atomically(manifest, "".join(f"{path}\n" for path in sorted(written)).encode("utf-8"))
    except OSError as error:
        raise BriefingError(f"cannot write {MANIFEST} in {root} ({error.strerror or error})") from None
    return removed


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

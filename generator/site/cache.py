"""A content-addressed cache of what a build derives, safe against killed and concurrent builds.

Three kinds of entry share one folder: an article as read from its file (keyed by the file's
bytes and name), its extraction (by the bytes, the extraction settings and the language
model's version) and the rendered page of a briefing (by everything the page is made from).
Every key also holds the generator's own code. Entries are written to a temporary file and
renamed into place, and carry a checksum of their body as written, so a half-written or
altered entry is never trusted (and checking it costs a hash, not a second serialisation).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import asdict
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from generator.analysis.nlp import MODEL_PACKAGES
from generator.config import ExtractionSettings
from generator.ingest.read import article_format

FORMAT = 4
LIBRARIES = ("spacy", "trafilatura", "markdown", "pyyaml", "textstat", "lxml", "htmldate", "justext")
_HEAD = '{"sha256": "'
_BODY = '", "body": '
_ENTRY = re.compile(r"[0-9a-f]{64}\.json|\.tmp-\w+\.json")


@cache
def code_version() -> str:
    """Hash of the generator's code and data: any change to them invalidates every entry."""
    digest = hashlib.sha256()
    root = resources.files("generator")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.suffix in (".py", ".tsv", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(Path(str(root))).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def model_version() -> str:
    """The installed language model package and version, read without loading spaCy."""
    for name in MODEL_PACKAGES:
        try:
            return f"{name}-{metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "no-model"


@cache
def library_versions() -> tuple[str, ...]:
    """The installed versions of every library that shapes what is read and extracted."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}-{metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}-none")
    return tuple(versions)


class Cache:
    """Extraction results on disk, one JSON file an entry."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.started = time.time()
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self.failure: str | None = None
        """Why the first entry that could not be written was not (a full disk, no permission)."""

    def key(self, digest: str, settings: ExtractionSettings, name: str = "") -> str:
        """The entry of an article's extraction: of these bytes, read in the format that the
        file's name gives them, by these versions of the libraries that read and parse them."""
        fmt = article_format(name)
        return entry_key("extraction", digest, fmt, asdict(settings), model_version(), library_versions())

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        """The stored result, or None when absent, unreadable or damaged."""
        if self.folder is None:
            return None
        path = self._path(key)
        try:
            body = _unwrap(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.used.add(key)
        self.hits += 1
        try:
            os.utime(path)
        except OSError:
            pass
        return body

    def put(self, key: str, body: dict) -> None:
        """Store a result atomically; a failure to write only costs a later re-parse."""
        if self.folder is None:
            return
        self.used.add(key)
        path = self._path(key)
        envelope = _wrap(body)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = tempfile.NamedTemporaryFile(
                "w", dir=path.parent, prefix=".tmp-", suffix=".json", delete=False, encoding="utf-8"
            )
        except OSError as error:
            self.failure = self.failure or f"{error.strerror or error}"
            return
        try:
            with handle:
                handle.write(envelope)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(handle.name, path)
        except (OSError, ValueError) as error:
            # ValueError: text no file can hold (a lone surrogate); the entry is not kept.
            self.failure = self.failure or f"{getattr(error, 'strerror', None) or error}"
            _remove(Path(handle.name))

    def prune(self, older_than: float = 0.0) -> int:
        """Remove entries this build did not use, and stale temporary files; returns how many.

        Entries written or read after this build started are kept: another build running at
        the same time may need them. Only files named like entries are ever removed.
        """
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        now = time.time()
        for path in self.folder.glob("[0-9a-f][0-9a-f]/*.json"):
            name = path.name
            if not _ENTRY.fullmatch(name):
                continue
            try:
                modified = path.stat().st_mtime
            except OSError:  # renamed or removed by a build running at the same time
                continue
            if name.startswith(".tmp-"):
                stale = now - modified > 3600
            else:
                stale = path.stem not in self.used and modified < self.started - older_than
            if stale and _remove(path):
                removed += 1
        return removed


def entry_key(kind: str, *material) -> str:
    """The key of an entry of `kind` made from JSON-serialisable `material` and the code."""
    text = json.dumps([FORMAT, kind, code_version(), *material], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _remove(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:
        return False


def _wrap(body: dict) -> str:
    """An entry's file: a JSON object of the body's checksum and the body, the body last."""
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)
    return f"{_HEAD}{_checksum(text)}{_BODY}{text}}}"


def _unwrap(envelope: str) -> dict:
    """The body of an entry's file; ValueError when the file is not one `_wrap` wrote whole."""
    start = len(_HEAD) + 64 + len(_BODY)
    if not (envelope.startswith(_HEAD) and envelope.startswith(_BODY, start - len(_BODY)) and envelope.endswith("}")):
        raise ValueError("not a cache entry")
    text = envelope[start:-1]
    if _checksum(text) != envelope[len(_HEAD):len(_HEAD) + 64]:
        raise ValueError("damaged entry")
    body = json.loads(text)
    if not isinstance(body, dict):
        raise ValueError("damaged entry")
    return body


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

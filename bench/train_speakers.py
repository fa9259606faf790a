"""Learn how likely a speaker named by a pronoun or a description was resolved to the right
person, from the gold coreference of GUM, and write generator/data/speaker_confidence.tsv.

    python bench/train_speakers.py              # extract GUM, label, fit, write the weights
    python bench/train_speakers.py --dry-run    # fit and print, write nothing

Each GUM document (../shared/gum/dep, never its news, interview or reddit documents, which
are held out) is read as an article, one paragraph per `# newpar`, and run through the claim
extractors and the speaker resolver. Every claim whose speaker is "he", "she", "they" or a
description ("the minister") resolved to an actor the article named is one example: it is
right when a name the resolver joined to that actor, before the claim, is in the same gold
coreference chain as the speaker's words. The features are those of the resolution model
(`confidence.SPEAKER_FEATURES`: the rivals it might have meant, the distance, how its
antecedent was met: `generator.analysis.ambiguity`); a logistic
regression with an L2 penalty chosen by cross-validation over documents
(`train_calibration.fit`), its weights held at most 0. Its intercept (GUM's base rate) is
written but not used, and so is the average of the weighed features over GUM's examples
(`(average)`): only a choice harder than that average takes confidence off. GUM's
annotations are CC BY 4.0 (Zeldes 2017); no text of it is kept.
"""

from __future__ import annotations

import argparse
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_polnear import ROOT, SHARED
from train_calibration import FOLDS, PENALTIES, design, fit, log_loss, predict, weights_table, write_table

GUM = SHARED / "gum" / "dep"
HELD_OUT = re.compile(r"_(news|interview|reddit)_")
OUT = ROOT / "generator" / "data" / "speaker_confidence.tsv"
ENTITY = re.compile(r"\((\d+)-[^()]*?(\))?(?=\(|$)|(\d+)\)")
"""An entity opened ("(12-person-…", closed on the same token when it ends in ")"), or closed ("12)")."""

Chains = list[tuple[int, int, frozenset[int]]]
"""(start, end, gold entity ids) of every token of a paragraph, by character."""


def read_gum(path: Path) -> tuple[str, list[str], list[Chains]]:
    """The title, the paragraphs and the gold entities of every token of one document."""
    title, paragraphs, chains = path.stem, [], []
    text, tokens, open_ = "", [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), "# newpar"]:
        if line.startswith("# meta::title = "):
            title = line.split("= ", 1)[1]
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            if text.strip():
                paragraphs.append(text.rstrip())
                chains.append(tokens)
            text, tokens = "", []
            continue
        if not line or line.startswith("#"):
            text += " " if text and not text.endswith(" ") and not line else ""
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        found = re.search(r"Entity=([^|]*)", cols[9])
        closed = []
        for match in ENTITY.finditer(found.group(1) if found else ""):
            if match.group(1):
                open_.append(int(match.group(1)))
                if match.group(2):
                    closed.append(int(match.group(1)))
            else:
                closed.append(int(match.group(3)))
        tokens.append((len(text), len(text) + len(cols[1]), frozenset(open_)))
        text += cols[1] + ("" if "SpaceAfter=No" in cols[9] else " ")
        for key in closed:
            if key in open_:
                open_.remove(key)
    return title, paragraphs, chains


def _chains_at(tokens: Chains, char: int) -> frozenset[int]:
    return next((ids for start, end, ids in tokens if start <= char < end), frozenset())


def examples(path: str) -> list[tuple[dict[str, float], bool]]:
    """(features, right) of every claim of one document whose speaker was resolved from a
    pronoun or a description."""
    from generator.analysis.claims import build_extractors
    from generator.analysis.confidence import SPEAKER_FEATURES, claim_features
    from generator.analysis.extract import attribute, texts
    from generator.analysis.nlp import parse
    from generator.model import Article

    title, paragraphs, chains = read_gum(Path(path))
    article = Article(path=path, slug="gum", title=title, paragraphs=tuple(paragraphs))
    docs = parse(texts(article))
    resolver, attributed = attribute(article, docs, build_extractors(()))
    crowd = [candidate.paragraph for candidate, _ in attributed]
    found = []
    for candidate, speaker in attributed:
        if speaker is None or candidate.speaker is None or candidate.paragraph >= len(paragraphs):
            continue
        features = claim_features(candidate, speaker, docs, resolver, crowd.count(candidate.paragraph))
        if not any(n.startswith(("uncertain=pronoun", "uncertain=description")) for n in features):
            continue
        where = (
            candidate.speaker_paragraph if candidate.speaker_paragraph is not None else candidate.paragraph
        )
        words = docs[where][candidate.speaker[0] : candidate.speaker[1]]
        mine = _chains_at(chains[where], words.root.idx)
        key = resolver.cast.find(speaker.key).key
        named = [
            (p, i)
            for (p, i), k in resolver.at.items()
            if resolver.cast.find(k).key == key and p < len(paragraphs) and (p, i) < (where, words.start)
        ]
        if not mine or not named:
            continue  # no gold chain to check against, or nothing named before it
        theirs = set().union(*(_chains_at(chains[p], docs[p][i].idx) for p, i in named))
        kept = {n: v for n, v in features.items() if n.startswith(SPEAKER_FEATURES)}
        found.append((kept, bool(mine & theirs)))
    return found


def main() -> int:
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--min-count", type=int, default=10)
    parser.add_argument("--dry-run", action="store_true")
    options = parser.parse_args()

    files = sorted(str(p) for p in GUM.glob("*.conllu") if not HELD_OUT.search(p.name))
    with ProcessPoolExecutor(options.jobs) as pool:
        per_document = list(pool.map(examples, files))
    rows = [(features, right, i) for i, found in enumerate(per_document) for features, right in found]
    names, x = design(rows, options.min_count)
    y = np.array([float(right) for _, right, _ in rows])
    document = np.array([i for _, _, i in rows])
    # More rivals, or more distance, never make a speaker surer (`confidence.resolution`).
    constrained = np.ones(len(names), dtype=bool)
    print(f"GUM: {len(files)} documents, {len(rows)} speakers resolved, {y.mean():.3f} right")
    losses = {}
    for penalty in PENALTIES:
        held_out = np.zeros(len(y))
        for fold in range(FOLDS):
            test = document % FOLDS == fold
            held_out[test] = predict(x[test], fit(x[~test], y[~test], penalty, constrained))
        losses[penalty] = log_loss(held_out, y)
        print(f"L2 {penalty:>5}: held-out log loss {losses[penalty]:.4f}")
    penalty = min(PENALTIES, key=losses.get)
    w = fit(x, y, penalty, constrained)
    from generator.analysis.confidence import AVERAGE

    # GUM's average difficulty, like its intercept, is its genres' (fiction, conversation):
    # only what a choice costs beyond it is taken off (`confidence.resolution`).
    average = float(np.mean(x @ w[1:]))
    header = [
        "Weights of the speaker resolution model (generator/analysis/confidence.py,",
        "`resolution`): what a close choice (rivals, an antecedent met paragraphs back, others",
        "speaking around) takes off the log-odds that a pronoun or a description was resolved to",
        f"the right actor, beyond GUM's {AVERAGE} (neither it nor the intercept is used as such).",
        "Written by `python bench/train_speakers.py` from the gold coreference of GUM (CC BY 4.0,",
        f"Zeldes 2017; {len(files)} documents without news, interview and reddit; {len(rows)} speakers,",
        f"{y.mean():.3f} right; L2 penalty {penalty}). Do not edit by hand.",
    ]
    table = weights_table(names, w, header).replace(
        "# feature\tweight\n", f"# feature\tweight\n{AVERAGE}\t{average:.4f}\n"
    )
    write_table(table, OUT, options.dry_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())

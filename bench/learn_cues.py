"""Which verbs outside the lexicon PolNeAR train annotates as attributions, and how reliably.

    python bench/learn_cues.py --min-hits 4 --min-precision 0.5

For every verb (not yet in `generator.lexicon`) whose subject can hold a view and which has a
complement, the words the extractor would take as the claim are compared with the gold claims
of the article. Prints each verb that matches at least `--min-precision` of the time and at
least `--min-hits` times, as a list to review by hand: many are actions ("voted", "signed")
that PolNeAR counts and a briefing does not. Prints lemmas and counts only, never text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def readings(pair: tuple[str, str]) -> list[tuple[str, bool]]:
    """(lemma, matches a gold claim) for each candidate verb of one article."""
    from eval_polnear import parsed

    from generator.analysis.claims.base import Paragraph, in_quote
    from generator.analysis.claims.content import find_content
    from generator.analysis.claims.speaker import subject_of
    from generator.analysis.lexicon import ATTITUDE_VERBS, SPEECH_VERBS
    from generator.analysis.quotes import find_quotes
    from generator.analysis.syntax import holds_views, trim
    from generator.ingest.read import read_article
    from generator.text import overlap

    gold_path, text_path = pair
    gold = [c["text"] for c in json.loads(Path(gold_path).read_text(encoding="utf-8"))["claims"]]
    article = read_article(Path(text_path), Path(text_path).parent, slug="x")
    quotes = find_quotes(article.paragraphs)
    found = []
    for index, doc in enumerate(parsed(article)):
        paragraph = Paragraph(index, doc, tuple(q for q in quotes if q.paragraph == index))
        for verb in doc:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or lemma in SPEECH_VERBS or lemma in ATTITUDE_VERBS or not lemma.isalpha():
                continue
            if in_quote(paragraph, verb.idx) or not holds_views(subject_of(verb)):
                continue
            content = find_content(verb, broad=True)
            if content is None or not content.tokens:
                continue
            tokens = sorted(content.tokens, key=lambda t: t.i)
            start, end = trim(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
            text = doc.text[start:end]
            found.append((lemma, any(overlap(text, g) >= 0.5 for g in gold)))
    return found


def main() -> int:
    from generator.commands.evaluate import gold_pairs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-hits", type=int, default=4)
    parser.add_argument("--min-precision", type=float, default=0.5)
    options = parser.parse_args()
    base = ROOT.parent / "shared" / "gold" / "polnear-train"
    pairs = [(str(g), str(t)) for _, g, t in gold_pairs(base / "gold", base / "text")]
    seen, hits = Counter(), Counter()
    with ProcessPoolExecutor(2) as pool:
        for result in pool.map(readings, pairs, chunksize=8):
            for lemma, hit in result:
                seen[lemma] += 1
                hits[lemma] += hit
    kept = sorted(
        (
            lemma
            for lemma in seen
            if hits[lemma] >= options.min_hits and hits[lemma] / seen[lemma] >= options.min_precision
        ),
        key=lambda lemma: (-hits[lemma], lemma),
    )
    print("lemma\thits\treadings")
    for lemma in kept:
        print(f"{lemma}\t{hits[lemma]}\t{seen[lemma]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

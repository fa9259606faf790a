"""The priors the claim extractors give their candidates, and every threshold they judge by.

A prior says how sure a rule is, set by hand against precision on PolNeAR dev: a quotation
with both marks and a cue is right most often, a stance read off an adjective least often.
The merge keeps the surer of two readings of one clause by it; it is never shown. The
confidence a claim shows is learned (`analysis.confidence`). A value changed here is
measured (`bench/eval_polnear.py`) before it is committed.
"""

QUOTATION = 0.9
"""A quotation with both its marks and a cue that attributes it."""
QUOTATION_MARK_MISSING = 0.75
"""The same, with one mark missing: where it starts or ends is a guess."""
QUOTATION_INTRODUCED = 0.8
"""A quotation opening a paragraph after "Stone said:" ended the one before."""
QUOTATION_CONTINUED = 0.6
"""A quotation with no attribution in sight, given to the speaker it seems to continue."""
REPORTED = {"clause": 0.85, "xcomp": 0.75, "object": 0.7, "preposition": 0.65}
"""Reported speech, by how its words were found: a that-clause is surest, a prepositional
object ("talked about …") least sure."""
STANCE_PENALTY = 0.1
"""Taken off for a verb of attitude or cognition ("backs", "believes"), which reports a view
less surely than a verb of speech."""
ACCORDING_TO = 0.85
FINDING = 0.7
"""What a poll or study found ("In a new poll, 50 percent chose …")."""
COLON = 0.75
"""A name and a colon in a headline or a transcript."""
SPEECH_NOUN = 0.65
"""A noun of speech or stance ("her call for …")."""
STANCE_ADJECTIVE = 0.6
"""An adjective of stance ("X is confident that …")."""
LEARNED = 0.55
"""A verb no rule reads, kept by the learned model (`claims/learned.py`)."""

SAME_CLAIM = 0.6
"""Share of the shorter of two candidates that they must share to be one claim."""
QUOTED = 0.85
"""Share of a claim inside quotation marks for it to be direct (below: mixed)."""

MIN_CLAUSE_WORDS = 2
"""Fewer words in a reported clause or object carry no content ("said so")."""
MIN_SOURCE_WORDS = 3
"""Fewer words after "according to X", a poll or a colon label are no claim."""

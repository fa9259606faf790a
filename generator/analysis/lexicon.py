"""Word lists the extractors share: reporting verbs, titles, descriptors, hedges.

Kept in one module so that widening a list is a one-line change that every stage sees.
"""

from __future__ import annotations

# Verbs that attribute speech, writing or a stated view, by lemma. The value is the
# modality the cue itself lends to what it reports (None: judge from the content).
SPEECH_VERBS: dict[str, str | None] = {
    verb: None
    for verb in """
    say tell state claim stress warn note report reiterate add argue announce acknowledge
    admit explain declare assert maintain contend suggest confirm reveal write tweet post
    reply respond answer recall conclude observe remark comment emphasize emphasise underline
    highlight caution allege complain concede mention disclose testify proclaim boast lament
    insist agree disagree dispute counter retort quip joke describe brief inform assure
    indicate signal show find read continue explain cite blog tout hint imply charge
    contend concur acknowledge affirm mutter shout exclaim whisper scream yell cry thunder
    recount relate narrate specify stipulate clarify elaborate reason posit speculate
    theorize estimate calculate figure project forecast predict anticipate expect
    believe think feel hope fear worry doubt suspect know reckon consider
    criticize criticise praise slam blast attack defend blame accuse condemn denounce
    applaud welcome hail question acknowledge reaffirm restate repeat
    confide caution advise recommend urge demand propose request ask call plead appeal
    vow pledge promise threaten guarantee swear commit
    deny reject dismiss refute rebut contradict disavow
    bark snap scoff sneer growl hiss gush marvel fume grumble chuckle beg implore blurt gripe
    grouse quibble huff snarl murmur intone reminisce chime
    """.split()
}
SPEECH_VERBS.update(
    {
        "deny": "denial",
        "reject": "denial",
        "dismiss": "denial",
        "refute": "denial",
        "rebut": "denial",
        "disavow": "denial",
        "contradict": "denial",
        "urge": "recommendation",
        "recommend": "recommendation",
        "advise": "recommendation",
        "demand": "recommendation",
        "propose": "recommendation",
        "plead": "recommendation",
        "appeal": "recommendation",
        "request": "recommendation",
        "predict": "prediction",
        "forecast": "prediction",
        "expect": "prediction",
        "anticipate": "prediction",
        "project": "prediction",
        "vow": "prediction",
        "pledge": "prediction",
        "promise": "prediction",
        "threaten": "prediction",
        "warn": "prediction",
    }
)

# Verbs that attribute only when they take a clause or a quotation, never a bare object
# ("she read the report" is not an attribution, "the headline reads: ..." is).
CLAUSE_ONLY = {
    "show", "find", "read", "continue", "figure", "project", "calculate", "consider", "know",
    "feel", "expect", "hope", "call", "ask", "cite", "charge", "relate", "repeat", "reason",
    "answer", "note", "write", "post", "signal", "indicate", "mention", "add", "explain",
}

# Cognition verbs attribute a view; they count only with a named or resolvable holder.
COGNITION_VERBS = {"believe", "think", "feel", "hope", "fear", "worry", "doubt", "suspect", "know", "reckon", "consider", "expect"}

# Nouns that carry speech: "his statement that ...", "the claim that ...".
SPEECH_NOUNS = {
    "statement", "claim", "assertion", "warning", "argument", "announcement", "promise",
    "vow", "denial", "insistence", "suggestion", "remark", "comment", "assurance", "allegation",
    "belief", "view", "contention", "prediction", "conclusion", "call", "criticism", "support",
    "opposition", "endorsement", "demand", "proposal", "accusation", "complaint", "plea",
    "praise", "condemnation", "rejection", "threat", "refusal", "objection", "recommendation",
    "advice", "concern", "question", "attack", "message", "case", "speech", "decision", "fear",
    "doubt", "hope", "plan", "push", "effort", "pledge", "defense", "defence",
    "assessment", "opinion", "sentiment", "feeling", "critique", "swipe", "disagreement",
    "stance", "theory", "narrative", "admission", "acknowledgment", "eagerness", "goal", "idea",
    "agreement",
}

# Nominal sources whose content is the object of "show/find/suggest": polls, studies.
DOCUMENT_NOUNS = {
    "report", "study", "survey", "poll", "polls", "analysis", "assessment", "document", "memo",
    "letter", "paper", "article", "debate", "interview", "statement", "testimony", "hearing",
    "speech", "briefing", "conference", "book", "review", "investigation", "inquiry", "audit",
    "research", "data", "figures", "statistics", "census", "estimate", "estimates", "records",
    "filing", "filings", "ruling", "verdict", "decision", "resolution", "communique", "communiqué",
    "declaration", "treaty", "agreement", "report's", "editorial", "op-ed", "column", "headline",
    "tweet", "post", "blog", "podcast", "broadcast", "programme", "program", "show", "white paper",
    "video", "footage", "recording", "tape", "transcript", "photo", "photograph", "image", "map", "chart",
    "polling", "result", "results", "average", "averages",
}
# Documents whose findings a sentence may report with "In a new poll, …".
FINDING_NOUNS = {"poll", "survey", "study", "census", "analysis", "audit"}

# Titles before a name. The ambiguous abbreviations count only when written with a full stop.
TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice-president", "premier", "chancellor", "senator", "congressman",
    "congresswoman", "governor", "mayor", "judge", "justice", "minister", "secretary", "ambassador",
    "general", "admiral", "colonel", "captain", "major", "lieutenant", "sergeant", "commissioner",
    "chairman", "chairwoman", "chair", "speaker", "king", "queen", "prince", "princess", "pope",
    "rev", "reverend", "rabbi", "imam", "sheikh", "father", "sister", "brother", "detective",
    "officer", "inspector", "chief", "leader", "deputy", "representative", "spokesman",
    "spokeswoman", "spokesperson", "attorney", "prosecutor", "mp", "mep", "shadow",
}
ABBREVIATED_TITLES = {"gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "supt", "insp", "det", "hon", "st", "jr", "sr", "amb", "pres"}
# Abbreviated titles that say a role ("Sen. Lindsey Graham" is "the senator").
SPELLED_OUT_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "amb": "ambassador", "pres": "president"}
FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "congresswoman", "chairwoman", "spokeswoman", "sister"}
MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "congressman", "chairman", "spokesman", "father", "brother"}

# Nouns that describe a role. The value is the class a descriptor in a later sentence
# ("the diplomat", "the expert") can refer back to.
ROLE_CLASSES: dict[str, set[str]] = {
    "diplomat": {"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "diplomat", "minister", "consul", "attache", "emissary", "foreign minister", "secretary of state"},
    "official": {"spokesman", "spokeswoman", "spokesperson", "official", "minister", "secretary", "director", "ambassador", "envoy", "diplomat", "commissioner", "administrator", "chief", "head", "aide", "adviser", "advisor", "officer", "governor", "mayor", "president", "premier", "chancellor", "senator", "representative", "lawmaker", "legislator", "mp", "deputy"},
    "expert": {"expert", "analyst", "scholar", "professor", "researcher", "fellow", "economist", "historian", "strategist", "specialist", "academic", "scientist", "president", "director", "author", "observer"},
    "lawmaker": {"senator", "representative", "congressman", "congresswoman", "lawmaker", "legislator", "mp", "mep", "deputy", "member"},
    "leader": {"president", "premier", "prime minister", "chancellor", "king", "queen", "leader", "head", "chairman", "chairwoman", "chief", "governor", "mayor"},
    "candidate": {"candidate", "nominee", "contender", "hopeful", "challenger", "frontrunner", "front-runner"},
    "spokesman": {"spokesman", "spokeswoman", "spokesperson", "press secretary"},
    "minister": {"minister", "secretary"},
    "president": {"president"},
    "ambassador": {"ambassador", "envoy"},
    "judge": {"judge", "justice"},
    "lawyer": {"lawyer", "attorney", "counsel", "prosecutor"},
    "executive": {"executive", "ceo", "chairman", "chairwoman", "director", "founder", "president", "chief"},
    "activist": {"activist", "campaigner", "advocate", "organizer", "organiser"},
    "witness": {"witness", "resident", "survivor", "victim", "villager", "eyewitness"},
    "officer": {"officer", "police", "detective", "general", "commander", "colonel", "soldier"},
}
ROLE_NOUNS: set[str] = set().union(*ROLE_CLASSES.values()) | {
    "intelligence director", "foreign minister", "prime minister", "secretary of state", "press secretary",
    "manager", "chair", "coordinator", "strategist", "pollster", "consultant", "campaign manager",
    "economist", "editor", "correspondent", "reporter", "journalist", "columnist", "writer", "commentator",
    "speaker", "leader", "member", "negotiator", "regulator", "investigator", "inspector", "auditor",
    "businessman", "businesswoman", "entrepreneur", "donor", "voter", "supporter", "critic", "opponent",
    "veteran", "student", "teacher", "doctor", "nurse", "farmer", "worker", "owner", "chief executive",
}

# Descriptors that stand for a person already named ("the Chinese diplomat", "the expert").
PERSON_DESCRIPTORS: dict[str, str] = {
    "diplomat": "diplomat", "envoy": "ambassador", "ambassador": "ambassador", "spokesman": "spokesman",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "expert": "expert", "analyst": "expert",
    "scholar": "expert", "professor": "expert", "researcher": "expert", "academic": "expert",
    "economist": "expert", "official": "official", "minister": "minister", "president": "president",
    "senator": "lawmaker", "lawmaker": "lawmaker", "congressman": "lawmaker", "congresswoman": "lawmaker",
    "legislator": "lawmaker", "mp": "lawmaker", "leader": "leader", "premier": "leader",
    "chancellor": "leader", "candidate": "candidate", "nominee": "candidate", "judge": "judge",
    "lawyer": "lawyer", "attorney": "lawyer", "prosecutor": "lawyer", "executive": "executive",
    "activist": "activist", "campaigner": "activist", "officer": "officer", "general": "officer",
    "commander": "officer", "governor": "leader", "mayor": "leader", "secretary": "minister",
    "businessman": "executive", "businesswoman": "executive", "billionaire": "executive",
    "strategist": "expert", "pollster": "expert", "author": "expert", "writer": "expert",
    "witness": "witness", "resident": "witness", "man": "any", "woman": "any",
}

# Nouns that stand for an outlet or its text ("the newspaper", "the article").
MEDIA_NOUNS = {
    "newspaper", "paper", "daily", "outlet", "publication", "media", "magazine", "journal", "tabloid",
    "broadcaster", "network", "channel", "station", "website", "site", "agency", "news agency",
    "article", "report", "editorial", "column", "story", "op-ed", "piece", "blog", "wire",
}
MEDIA_NAME_WORDS = {
    "times", "post", "journal", "news", "herald", "tribune", "telegraph", "guardian", "gazette",
    "daily", "chronicle", "globe", "observer", "independent", "mail", "express", "mirror", "sun",
    "reuters", "bloomberg", "xinhua", "tass", "ria", "sputnik", "interfax", "bbc", "cnn", "nbc",
    "cbs", "abc", "fox", "msnbc", "npr", "pbs", "politico", "axios", "breitbart", "afp", "ap",
    "economist", "atlantic", "newsweek", "magazine", "radio", "television", "tv", "press",
    "associated", "agency", "hill", "vox", "slate", "salon", "huffpost", "huffington", "wire",
    "review", "standard", "record", "monitor", "inquirer", "examiner", "courier", "dispatch",
    "kyodo", "yonhap", "al", "jazeera", "pravda", "izvestia", "kommersant", "vedomosti",
}

# Government bodies: a descriptor with one of these heads speaks for a government.
GOVERNMENT_NOUNS = {
    "government", "ministry", "administration", "department", "cabinet", "kremlin", "state council",
    "white house", "foreign ministry", "state department", "office", "embassy", "consulate",
    "parliament", "congress", "senate", "assembly", "duma", "council", "commission", "regime",
    "authorities", "presidency", "treasury", "pentagon", "military", "army", "navy", "police",
    "agency", "bureau", "court", "legislature", "executive", "junta", "downing street", "élysée",
}
ORGANIZATION_NOUNS = {
    "company", "firm", "group", "organization", "organisation", "institute", "center", "centre",
    "foundation", "university", "association", "union", "party", "campaign", "committee", "bank",
    "fund", "corporation", "council", "coalition", "alliance", "movement", "network", "think tank",
    "society", "league", "federation", "board", "panel", "team", "club", "church", "charity",
}
GROUP_NOUNS = {
    "experts", "analysts", "officials", "diplomats", "critics", "supporters", "opponents", "lawmakers",
    "scholars", "observers", "leaders", "residents", "witnesses", "protesters", "activists", "voters",
    "democrats", "republicans", "conservatives", "liberals", "ministers", "sources", "researchers",
    "economists", "investors", "people", "americans", "members", "aides", "advisers", "advisors",
    "participants", "both", "they", "authors", "scientists", "doctors", "police", "prosecutors",
}

PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female",
    "they": "plural", "them": "plural", "their": "plural", "it": "neuter", "its": "neuter",
    "i": "speaker", "we": "speaker-plural", "you": "addressee",
}

# Words that hedge or grade likelihood, kept as written next to a claim.
HEDGES = (
    "almost certainly", "very likely", "highly likely", "likely", "probably", "probable",
    "unlikely", "highly unlikely", "very unlikely", "improbable", "possibly", "possible",
    "perhaps", "maybe", "might", "may", "could", "would", "appears", "appear", "seems", "seem",
    "suggests", "apparently", "reportedly", "allegedly", "presumably", "roughly even chance",
    "expected to", "is expected", "are expected", "will continue to", "is set to", "are set to",
    "is poised to", "are poised to", "potentially", "arguably", "it is believed", "believed to",
    "estimated", "about to", "on track to", "remains to be seen",
)
PREDICTION_MARKERS = (
    "will ", "won't", "shall ", "going to", "is set to", "are set to", "expected to", "would ",
    "could ", "likely", "unlikely", "is poised",
    "are poised", "in the future", "next year", "next month", "next week", "soon", "plan to",
    "plans to", "intend", "aims to", "will continue",
)
RECOMMENDATION_MARKERS = (
    "should ", "must ", "need to", "needs to", "ought to", "have to", "has to", "it is time",
    "it's time", "let us", "let's", "we call on", "calls on", "called on", "call for", "calls for",
    "called for", "urge", "it is essential", "it is necessary", "it is important",
)
DENIAL_MARKERS = (
    "not directed against", "is not true", "are not true", "groundless", "baseless",
    "no evidence", "deny", "denies", "denied", "reject", "rejects", "rejected",
    "not target", "do not target", "does not target", "nothing to do with",
)

# Verbs of attitude, intention and stance: "backs the plan", "wants to leave", "mocked the
# idea". They attribute a position to their subject only when the subject can hold one
# (a person, a body, a group), so they are kept apart from the verbs of speech.
ATTITUDE_VERBS = set(
    """
    support endorse back oppose like dislike love hate
    want wish seek plan intend aim hope decide decline
    view see consider deem judge perceive interpret characterize characterise portray
    paint frame label brand dub liken credit attribute blame
    mock ridicule deride decry denounce rebuke chide assail lambaste lambast bash slam blast
    rip attack criticize criticise scold berate condemn lash rail knock praise hail laud
    applaud congratulate thank welcome
    recognize recognise acknowledge reject dismiss ignore downplay rebuff repudiate
    remember recall forget realize realise learn discover notice
    wonder imagine envision contemplate guess expect anticipate fear worry doubt
    push advocate pressure urge encourage persuade
    echo invoke reference cite quote mention discuss address talk speak refer allude point
    express voice share outline detail propose offer
    email retweet tweet chant vow pledge promise threaten demand
    identify remind apologize adopt expose protest demonstrate underscore brag contrast vouch
    bemoan interject recite spar articulate dwell shrug reassure utter relish muse cheer
    celebrate sound seem appear prefer favor favour admire understand determine rule lobby press
    vote order veto instruct illustrate overturn regret renounce champion embrace focus
    promote balk accept insult debate distance trumpet mull weigh convince compare brush
    frustrate disappoint dismay anger alarm trouble outrage
    document explore rate
    """.split()
)

# Adjectives that state a view of their subject: "X is confident that ...".
ATTITUDE_ADJECTIVES = {
    "confident", "sure", "certain", "convinced", "worried", "concerned", "afraid", "fearful",
    "hopeful", "optimistic", "pessimistic", "skeptical", "sceptical", "doubtful", "eager",
    "willing", "unwilling", "reluctant", "determined", "adamant", "critical", "supportive",
    "opposed", "proud", "glad", "happy", "unhappy", "angry", "upset", "nervous", "wary",
    "aware", "unaware", "interested", "keen", "open", "clear", "insistent", "dismissive",
}

# Prepositions that carry the content of a verb of speech or attitude: "talked about X".
CONTENT_PREPOSITIONS = {"about", "for", "against", "of", "as"}
# Verbs for which "to", "on" or "in" introduces the content ("referred to X", "commented on X",
# "believes in X").
CONTENT_TO = {"refer", "allude", "point", "object", "respond", "reply"}
CONTENT_ON = {"comment", "focus", "reflect", "elaborate", "weigh", "insist", "remark", "rail"}
CONTENT_IN = {"believe", "trust", "invest"}

# Nouns that count people: "a number of members echo …", "dozens of newspapers endorse …".
QUANTITY_NOUNS = {"number", "group", "handful", "majority", "dozen", "dozens", "lot", "host", "chorus", "couple", "hundreds", "thousands", "score"}

# Nouns for subjects that can hold a view (see `claims.holds_views`).
SENTIENT_NOUNS = (
    set(PERSON_DESCRIPTORS) | GROUP_NOUNS | GOVERNMENT_NOUNS | ORGANIZATION_NOUNS | MEDIA_NOUNS
    | {"poll", "polls", "survey", "study", "report", "analysis", "research", "data", "figures", "records",
       "campaign", "people", "public", "crowd", "audience", "member", "members", "side", "everyone",
       "nobody", "somebody", "someone", "many", "most", "some", "others", "few", "spokesman",
       "spokeswoman", "spokesperson", "source", "sources", "aide", "aides", "adviser", "advisers",
       "supporter", "supporters", "critic", "critics", "opponent", "opponents", "candidate",
       "candidates", "voter", "voters", "donor", "donors", "delegate", "delegates", "republican",
       "republicans", "democrat", "democrats", "conservative", "conservatives", "liberal", "liberals",
       # poll respondents and people named by what they are to others
       "percent", "majority", "plurality", "minority", "respondent", "mother", "father", "daughter",
       "son", "wife", "husband", "parent", "family", "student", "worker", "citizen", "administrator",
       "legislator", "historian", "advocate", "investigator", "officer", "doctor", "scientist", "staff",
       "commentator", "insider", "friend", "colleague", "ally", "rival", "reporter", "journalist",
       "actor", "actress", "elite", "founder", "partisan", "thinker", "population", "establishment",
       "community", "fan", "follower", "constituent", "electorate", "neighbor", "neighbour", "both",
       "backer", "admirer", "attendee", "interviewer", "moderator", "politician", "progressive",
       "moderate", "evangelical", "partner", "faction", "leadership"}
)

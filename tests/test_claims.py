"""Claims and speakers on sentences written for the tests."""

import pytest

from tests.conftest import briefing_of


def claims_of(text):
    b = briefing_of("Headline\n\n" + text)
    names = {a.id: a.name for a in b.actors}
    return [(c.kind, c.cue, " and ".join(names[s] for s in c.speakers) or None, c.text) for c in b.claims]


@pytest.mark.parametrize(
    "text, kind, cue, speaker, words",
    [
        (
            "“The border will stay closed,” said Interior Minister Maria Lopez.",
            "direct",
            "said",
            "Maria Lopez",
            "The border will stay closed",
        ),
        (
            "“The border will stay closed,” Maria Lopez said on Monday.",
            "direct",
            "said",
            "Maria Lopez",
            "The border will stay closed",
        ),
        (
            "Maria Lopez said: “The border will stay closed for a month.”",
            "direct",
            "said",
            "Maria Lopez",
            "The border will stay closed for a month.",
        ),
        (
            "Senator John Reed warned that the bill would raise prices for families.",
            "indirect",
            "warned",
            "John Reed",
            "the bill would raise prices for families",
        ),
        (
            "The bill would raise prices for families, Senator John Reed argued.",
            "indirect",
            "argued",
            "John Reed",
            "The bill would raise prices for families",
        ),
        (
            "According to the economist Ana Ruiz, inflation will fall below two percent next year.",
            "indirect",
            "according to",
            "Ana Ruiz",
            "inflation will fall below two percent next year",
        ),
        (
            "Inflation will fall next year, according to economist Ana Ruiz.",
            "indirect",
            "according to",
            "Ana Ruiz",
            "Inflation will fall next year",
        ),
        (
            "Prime Minister Tom Hale insisted that the talks were “going well” despite the delays.",
            "mixed",
            "insisted",
            "Tom Hale",
            "the talks were “going well” despite the delays",
        ),
        (
            "Minister Ruth Banda denied that the army had crossed the border.",
            "indirect",
            "denied",
            "Ruth Banda",
            "the army had crossed the border",
        ),
        (
            "Trade Commissioner Lena Voss urged member states to ratify the agreement quickly.",
            "indirect",
            "urged",
            "Lena Voss",
            "member states to ratify the agreement quickly",
        ),
    ],
)
def test_one_sentence_claims(text, kind, cue, speaker, words):
    found = claims_of(text)
    assert len(found) == 1, found
    assert found[0] == (kind, cue, speaker, words)


def test_a_coordinated_attribution_ends_the_clause_before_it():
    found = claims_of(
        "Secretary Ann Lee emphasized that the reforms were not complete, and rights groups warned that the administration was giving up leverage."
    )
    assert [(f[2], f[3]) for f in found] == [
        ("Ann Lee", "the reforms were not complete"),
        ("rights groups", "the administration was giving up leverage"),
    ]


def test_a_second_verb_of_speech_the_parse_puts_inside_the_first_clause():
    found = claims_of(
        "Governor Ann Lee asserted that France had lost its identity and claimed “France is no longer France.”"
    )
    assert [(f[1], f[2], f[3]) for f in found] == [
        ("asserted", "Ann Lee", "France had lost its identity"),
        ("claimed", "Ann Lee", "France is no longer France."),
    ]


def test_the_writers_closing_aside_is_not_part_of_the_claim():
    found = claims_of(
        "Governor Ann Lee praised the pastor Frank Hill, who has vowed not to buy cookies this year."
    )
    assert [(f[1], f[2], f[3]) for f in found] == [
        ("praised", "Ann Lee", "the pastor Frank Hill"),
        ("vowed", "Frank Hill", "not to buy cookies this year"),
    ]


def test_split_quote_attributed_in_the_middle():
    found = claims_of("“We will not give in,” said Mayor Karl Berg. “The city will rebuild every school.”")
    assert [(f[2], f[3]) for f in found] == [
        ("Karl Berg", "We will not give in"),
        ("Karl Berg", "The city will rebuild every school."),
    ]


def test_one_sentence_quoted_around_its_attribution_is_one_claim():
    found = claims_of(
        "“Every time you say that,” Senator Jon Hale said, referring to the 2 percent excuse, "
        "“you give ammunition to the people who want to break up the banks.”"
    )
    assert (
        "direct",
        "said",
        "Jon Hale",
        "Every time you say that … you give ammunition to the people who want to break up the banks.",
    ) in found
    # What is said inside the attribution stays a claim of its own.
    assert ("indirect", "referring to", "Jon Hale", "the 2 percent excuse") in found


def test_colon_and_dash_attributions():
    found = claims_of("Chairwoman Alice Moreau: “The committee will vote on Friday.”")
    assert found == [("direct", ":", "Alice Moreau", "The committee will vote on Friday.")]
    found = claims_of("“The committee will vote on Friday and not before” – Commissioner Peter Hanke")
    assert [(f[1], f[2]) for f in found] == [("–", "Peter Hanke")]
    # A hyphenated name opening a paragraph.
    found = claims_of("Anna Berg-Holm: The committee will vote on Friday, and not before.")
    assert found == [("direct", ":", "Anna Berg-Holm", "The committee will vote on Friday, and not before")]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        (
            "During the debate, Governor Anna Kowalski cracked, “I am the only adult on this stage tonight.”",
            "cracked",
            "Anna Kowalski",
        ),
        ("As Professor Ian Mercer put it: “The harbour is the city's real parliament.”", "put", "Ian Mercer"),
        (
            "“Nobody in this town has ever seen a budget like this one,” Mayor Ruth Okafor quipped.",
            "quipped",
            "Ruth Okafor",
        ),
        (
            "“Is this really the best plan the ministry could find?” asked Senator Paul Brandt.",
            "asked",
            "Paul Brandt",
        ),
    ],
)
def test_a_verb_the_lexicon_lacks_still_introduces_a_quotation(text, cue, speaker):
    found = claims_of(text)
    assert [(f[0], f[1], f[2]) for f in found] == [("direct", cue, speaker)]


def test_a_verb_far_from_the_quotation_does_not_claim_it():
    found = claims_of(
        "Governor Anna Kowalski visited the flooded villages on Monday with her aides and the army, “a long-awaited visit”."
    )
    assert all(f[2] is None or f[1] != "visited" for f in found), found


def test_speaker_is_the_subject_next_to_the_verb_without_brackets():
    found = claims_of(
        "Tuesday in Berea, OH, after winning Ohio in the primary, Gov. John Kasich (R-OH), said, “I am getting ready to rent a covered wagon.”"
    )
    assert [(f[1], f[2]) for f in found] == [("said", "John Kasich")]


def test_pronoun_resolves_to_the_last_speaker():
    found = claims_of(
        "Foreign Minister Elena Petrova said the sanctions had failed.\n\n"
        "She added that her government would seek new talks with the neighbours."
    )
    assert [f[2] for f in found] == ["Elena Petrova", "Elena Petrova"]


def test_descriptor_resolves_to_the_matching_actor():
    found = claims_of(
        "Japanese ambassador Kenji Sato met Canadian trade official Mark Dunn in Ottawa.\n\n"
        "“Our partnership is growing every year,” said the Japanese diplomat."
    )
    assert found[-1][2] == "Kenji Sato"


def test_surname_and_misspelling_merge_into_one_actor():
    b = briefing_of(
        "Headline\n\nSpokesman Gen Shuang said the meeting was useful.\n\n"
        "Geng stressed that relations were excellent.\n\nGeng Shuang added that more visits were planned."
    )
    people = [a for a in b.actors if a.kind == "person"]
    assert len(people) == 1
    assert people[0].name == "Geng Shuang"
    assert {"Gen Shuang", "Geng"} <= set(people[0].aliases)


def test_unattributed_statement_is_not_guessed():
    """What a sign reads is shown, but as no one's claim; "it is said" names no one."""
    sign = briefing_of(
        "Headline\n\nThe weather was cold. “Nobody expected this much snow in April,” a sign read at the station."
    )
    assert [(c.text, c.cue, c.speaker, c.optional) for c in sign.claims] == [
        ("Nobody expected this much snow in April", "read", None, True)
    ]
    assert sign.actors == ()
    said = briefing_of("Headline\n\nIt is said that the river will flood again this spring.")
    assert said.claims and all(c.speaker is None for c in said.claims)


def test_group_of_experts_resolves_to_named_experts():
    found = claims_of(
        "According to analysts Ruth Kahn and Omar Said, the deal will collapse within a year.\n\n"
        "The experts warned that the region faces a new arms race."
    )
    assert found[-1][2] == "Ruth Kahn and Omar Said"


def test_reference_claims_and_speakers(reference_briefing):
    names = {a.id: a.name for a in reference_briefing.actors}
    speakers = {names.get(c.speaker) for c in reference_briefing.claims}
    assert {"Geng Shuang", "Daniel Coats", "Dimitri Simes", "Andrei Denisov"} <= speakers
    he = [c for c in reference_briefing.claims if c.speaker_text == "He"]
    assert he and names[he[0].speaker] == "Geng Shuang"
    diplomat = [c for c in reference_briefing.claims if c.speaker_text == "the Chinese diplomat"]
    assert diplomat and names[diplomat[0].speaker] == "Geng Shuang"


def test_every_claim_keeps_its_sentence_and_paragraph(reference_briefing):
    article = reference_briefing.article
    for claim in reference_briefing.claims:
        source = article.paragraphs[claim.paragraph - 1] if claim.paragraph else article.title
        assert claim.text in source
        assert claim.sentence in source
        assert claim.text in claim.sentence or claim.sentence in claim.text


def test_claim_ids_are_stable_when_another_paragraph_changes(reference_article):
    from dataclasses import replace

    from generator.analysis.extract import extract

    before = {c.text: c.id for c in extract(reference_article).claims}
    paragraphs = list(reference_article.paragraphs)
    paragraphs[15] = "In addition, an unrelated sentence was rewritten by the editor."
    after = {c.text: c.id for c in extract(replace(reference_article, paragraphs=tuple(paragraphs))).claims}
    shared = set(before) & set(after)
    assert len(shared) == len(before)
    assert all(before[t] == after[t] for t in shared)


BODY = (
    "Senator Bernie Sanders spoke in Ohio on Tuesday. Sanders said the campaign had to change course.\n\n"
    "President Barack Obama opened the museum on Saturday, and Obama said the museum would tell "
    "of suffering and delight.\n"
)


def headline_claims(title):
    b = briefing_of(f"{title}\n\n{BODY}")
    names = {a.id: a.name for a in b.actors}
    return [(c.cue, names.get(c.speaker), c.text) for c in b.claims if c.paragraph == 0]


@pytest.mark.parametrize(
    "title, expected",
    [
        (
            "Sanders: Clinton Needs to Change Her Campaign",
            [(":", "Bernie Sanders", "Clinton Needs to Change Her Campaign")],
        ),
        (
            "Obama on Museums: The Story Must Be Told in Full",
            [(":", "Barack Obama", "The Story Must Be Told in Full")],
        ),
        (
            "EXCLUSIVE – Sanders: The Campaign Must Change Course",
            [(":", "Bernie Sanders", "The Campaign Must Change Course")],
        ),
        # Title Case is read as a sentence: "Says" is a verb, not part of a name.
        (
            "Obama Says Museum Will Tell of Suffering and Delight",
            [("says", "Barack Obama", "Museum Will Tell of Suffering and Delight")],
        ),
        (
            "Museum Will Tell of Suffering and Delight, Obama Says",
            [("says", "Barack Obama", "Museum Will Tell of Suffering and Delight")],
        ),
        # Section labels and phrases that name no one the article knows are not speakers.
        ("The Latest: Campaign Changes Course in Ohio", []),
        ("Stealth Over Health: Campaign Changes Course in Ohio", []),
        ("Campaign changes course in Ohio", []),
    ],
)
def test_headline_claims(title, expected):
    assert headline_claims(title) == expected


def test_a_headline_claim_is_read_last_and_listed_first():
    b = briefing_of(f"Sanders: Clinton Needs to Change Her Campaign\n\n{BODY}")
    body = briefing_of(f"Campaign notes\n\n{BODY}")
    assert (
        b.claims[0].paragraph == 0 and b.claims[0].sentence == "Sanders: Clinton Needs to Change Her Campaign"
    )
    # The body's claims keep the ids they have without the headline claim.
    assert [c.id for c in b.claims[1:]] == [c.id for c in body.claims]


@pytest.mark.parametrize(
    "text, cue, speaker, words",
    [
        (
            "Mr. Trump has rallied thousands by promising to impose tariffs on imported goods.",
            "promising",
            "Trump",
            "to impose tariffs on imported goods",
        ),
        (
            "Governor John Kasich has taken to urging voters to slow down.",
            "urging",
            "John Kasich",
            "voters to slow down",
        ),
        (
            "Senator Anna Keller paused, then revealed why the vote had failed.",
            "revealed",
            "Anna Keller",
            "why the vote had failed",
        ),
        # A name inside the quotation is not who "she" or "the 46-year-old" is.
        (
            "Senator Jane Ross spoke on Monday. “I met Barack Obama yesterday,” she said.",
            "said",
            "Jane Ross",
            "I met Barack Obama yesterday",
        ),
        (
            "Melania Trump spoke on Monday. “Donald is an amazing leader,” said the 46-year-old.",
            "said",
            "Melania Trump",
            "Donald is an amazing leader",
        ),
        (
            "Senator Ruth Alvarez described the ruling as unfair, but stopped short of calling the judge biased.",
            "calling",
            "Ruth Alvarez",
            "the judge biased",
        ),
        # Object control: the one forced to admit is the one who admits.
        (
            "The committee chair forced Mark Dwyer, who was under oath, to admit that the accounts had been falsified.",
            "admit",
            "Mark Dwyer",
            "the accounts had been falsified",
        ),
        (
            "The campaign ad uses footage of Governor Ellen Park asking, “Who will pay for this?”",
            "asking",
            "Ellen Park",
            "Who will pay for this?",
        ),
        # Two clauses on one verb: the one after it is what it reports.
        (
            "Although he conceded the budget was tight, Minister Paul Okafor also noted several schools needed urgent repairs.",
            "noted",
            "Paul Okafor",
            "several schools needed urgent repairs",
        ),
        (
            "Video shows that the officer had drawn his weapon.",
            "shows",
            "Video",
            "the officer had drawn his weapon",
        ),
        (
            "Tax adviser Robert Ellis has studied the plan. Said Ellis: “Nobody here is interested in reform.”",
            "said",
            "Robert Ellis",
            "Nobody here is interested in reform.",
        ),
        (
            "Tax adviser Robert Ellis has studied the plan. Said Ellis, “Nobody here is interested in reform.”",
            "said",
            "Robert Ellis",
            "Nobody here is interested in reform.",
        ),
        # What a statement or a tweet says, its author says.
        (
            "After the vote, the Security Council issued a statement calling the test “a clear violation” of its resolutions.",
            "calling",
            "Security Council",
            "the test “a clear violation” of its resolutions",
        ),
        (
            "Mayor Dan Holt posted a series of tweets criticizing the transit authority for the delays.",
            "criticizing",
            "Dan Holt",
            "the transit authority for the delays",
        ),
        # "As X noted, …" reports the main clause; examples after "including" are not the speaker.
        (
            "As Senator Ruth Alvarez noted on Monday, the bill has no chance of passing the House.",
            "noted",
            "Ruth Alvarez",
            "the bill has no chance of passing the House",
        ),
        (
            "As many economists, including Dr. Ana Ruiz, have pointed out, the tax cut will not pay for itself.",
            "pointed out",
            "many economists",
            "the tax cut will not pay for itself",
        ),
        (
            "A new poll shows a close contest in the state.",
            "shows",
            "new poll",
            "a close contest in the state",
        ),
        (
            "Governor Ann Lee continues to insist, most recently in an interview with local radio, that the budget is balanced.",
            "insist",
            "Ann Lee",
            "the budget is balanced",
        ),
        (
            "Mass atrocities continue in the region as China and Russia support the government.",
            "support",
            "China and Russia",
            "the government",
        ),
        (
            "Environmentalists worry that the cost of cleaning up the mines could fall to taxpayers.",
            "worry",
            "Environmentalists",
            "the cost of cleaning up the mines could fall to taxpayers",
        ),
        (
            "Dozens of newspapers endorse the governor in the race.",
            "endorse",
            "Dozens of newspapers",
            "the governor in the race",
        ),
        # A participle the parse makes the root shares the subject of the clause after it.
        (
            "“We have shown the world what we can do,” Mayor Karl Berg said, not even needing to mention the coach by name.",
            "mention",
            "Karl Berg",
            "the coach by name",
        ),
        (
            "Saturday at the state party convention Sen. Ellen Ward (D-MA) said the nominee was a “proven failure” in business.",
            "said",
            "Ellen Ward",
            "the nominee was a “proven failure” in business",
        ),
        (
            "Half of Vermont Democrats said they want the next president to be more liberal.",
            "said",
            "Half of Vermont Democrats",
            "they want the next president to be more liberal",
        ),
        (
            "Most believe that the economy has improved since he was elected.",
            "believe",
            "Most",
            "the economy has improved since he was elected",
        ),
        (
            "Mayor Paul Ryan spoke on Monday. Ryan said,“Look, those images have no place in a campaign.”",
            "said",
            "Paul Ryan",
            "Look, those images have no place in a campaign.",
        ),
        (
            "But Governor Ann Lee claims that she should be the exception.",
            "claims",
            "Ann Lee",
            "she should be the exception",
        ),
        (
            "Donald Trump spoke in Ohio. Trump charges that the countries donated millions of dollars to the foundation.",
            "charges",
            "Donald Trump",
            "the countries donated millions of dollars to the foundation",
        ),
        (
            "Governor Ann Lee has called for the strongholds in the valley to be cleared before winter.",
            "called for",
            "Ann Lee",
            "the strongholds in the valley to be cleared before winter",
        ),
        (
            "Senator Jane Ross called the Republican governor “the state’s best recruiter.”",
            "called",
            "Jane Ross",
            "the Republican governor “the state’s best recruiter",
        ),
        (
            "Spokesman Brian Fallon responded on Twitter, calling the charge “pathetic” and “dangerous.”",
            "calling",
            "Brian Fallon",
            "the charge “pathetic” and “dangerous",
        ),
        (
            "Senator Ruth Alvarez remains committed to seeing the primary through to the convention, her top aide, Tom Hale, told The Huffington Post.",
            "told",
            "Tom Hale",
            "Senator Ruth Alvarez remains committed to seeing the primary through to the convention",
        ),
        # The verb next to the quotation, not one further back; "Trump" read as a verb is the name.
        (
            "After Governor Ann Lee criticized the plan during a debate, Mayor Karl Berg shot back, “We chose to build schools.”",
            "shot back",
            "Karl Berg",
            "We chose to build schools.",
        ),
        (
            "Donald Trump spoke in Iowa. “Jeb wants to be a tough guy tonight,” Trump shot back.",
            "shot back",
            "Donald Trump",
            "Jeb wants to be a tough guy tonight",
        ),
        # An attribution reported inside another is part of the outer claim.
        (
            "Mayor Karl Berg boasted about a plan to spend a million dollars digging up dirt on journalists who criticized the company.",
            "boasted about",
            "Karl Berg",
            "a plan to spend a million dollars digging up dirt on journalists who criticized the company",
        ),
        (
            "Governor Ann Lee says she warned about surprises in the budget.",
            "says",
            "Ann Lee",
            "she warned about surprises in the budget",
        ),
        # A quotation right after its verb, however short, is what the verb reports.
        (
            "Governor Ann Lee declared “What a Super Tuesday!” and said that her campaign would continue.",
            "declared",
            "Ann Lee",
            "What a Super Tuesday!",
        ),
        # Clauses the parse did not hang from their verb.
        (
            "Mayor Karl Berg said legalizing it could put thousands of people to work upstate.",
            "said",
            "Karl Berg",
            "legalizing it could put thousands of people to work upstate",
        ),
        (
            "Several newspapers reported on Wednesday the agency had held three meetings with the campaign.",
            "reported",
            "newspapers",
            "the agency had held three meetings with the campaign",
        ),
        # "Sen." makes him "the senator"; the state before the noun names no one.
        (
            "Sen. Lindsey Graham (R-S.C.) spoke on Thursday. In June, the South Carolina senator called on fellow Republicans to withdraw their endorsements.",
            "called on",
            "Lindsey Graham",
            "to withdraw their endorsements",
        ),
        (
            "The registration issue was first reported by The Washington Post.",
            "reported",
            "Washington Post",
            "The registration issue",
        ),
        (
            "Senator Jane Ross attacked the mayor, accusing him of hiding the audit from the council.",
            "accusing of",
            "Jane Ross",
            "hiding the audit from the council",
        ),
        # The small model reads a sentence-opening "Trump," as an adjective.
        (
            "Trump, speaking after the governor in Ohio, cited problems with the trade deals.",
            "cited",
            "Trump",
            "problems with the trade deals",
        ),
        (
            "Police Chief Ann Lee said the videos were inconclusive and that the footage released Friday showed nothing new.",
            "said",
            "Ann Lee",
            "the videos were inconclusive and that the footage released Friday showed nothing new",
        ),
        (
            "Senator Jane Ross likened the network to the BBC.",
            "likened",
            "Jane Ross",
            "the network to the BBC",
        ),
        # Nouns of speech and stance, held by whoever raises, makes or voices them.
        (
            "Senator Jane Ross raised concerns about the cost of the new bridge.",
            "concerns about",
            "Jane Ross",
            "the cost of the new bridge",
        ),
        (
            "Governor Ann Lee made the case that the tax would hurt small farms.",
            "case",
            "Ann Lee",
            "the tax would hurt small farms",
        ),
        ("Mayor Dan Holt delivered a speech on housing policy.", "speech on", "Dan Holt", "housing policy"),
        (
            "Senator Jane Ross offered a sharp critique of the harbour plan.",
            "critique of",
            "Jane Ross",
            "the harbour plan",
        ),
        (
            "Minister Paul Okafor voiced support for the new trade agreement.",
            "support for",
            "Paul Okafor",
            "the new trade agreement",
        ),
        (
            "Ruth Banda's statement that the army had left the border town was false.",
            "statement",
            "Ruth Banda",
            "the army had left the border town",
        ),
        (
            "Under Governor Ann Lee's plan, families earning less than $40,000 would pay no state tax.",
            "plan",
            "Ann Lee",
            "families earning less than $40,000 would pay no state tax",
        ),
        (
            "Governor Ann Lee's plan would also cap the tax value of deductions at 28 percent.",
            "plan",
            "Ann Lee",
            "would also cap the tax value of deductions at 28 percent",
        ),
        # A quotation after "said:" is what was said, not what "adding" adds.
        (
            "In a statement, Harbour Coal said: “The company was highly successful a decade ago,” adding that its value had quadrupled.",
            "said",
            "Harbour Coal",
            "The company was highly successful a decade ago",
        ),
        (
            "Governor Ann Lee is making an impassioned case to a gathering of teachers that the tax would hurt small schools.",
            "case",
            "Ann Lee",
            "the tax would hurt small schools",
        ),
        (
            "Senator Jane Ross stirred controversy with an assertion that the refugees were mostly criminals.",
            "assertion",
            "Jane Ross",
            "the refugees were mostly criminals",
        ),
        (
            "Mayor Dan Holt held rallies across the state in hopes of reaching voters who had stayed home.",
            "hopes of",
            "Dan Holt",
            "reaching voters who had stayed home",
        ),
        # Complements the parse reads as adverbial or relative clauses.
        (
            "Mayor Karl Berg said after the hearing he would not accept the council's offer if it were renewed.",
            "said",
            "Karl Berg",
            "after the hearing he would not accept the council's offer if it were renewed",
        ),
        (
            "Senator Jane Ross tweeted in the early hours that the mayor was “a disgrace” and “a fraud”.",
            "tweeted",
            "Jane Ross",
            "the mayor was “a disgrace” and “a fraud",
        ),
        (
            "In Lagos last week, Minister Paul Okafor told a meeting of farmers' leaders that few people understood the cost of the drought better than they did.",
            "told",
            "Paul Okafor",
            "few people understood the cost of the drought better than they did",
        ),
        (
            "Mayor Karl Berg said on Friday during a news conference that he may wait until the primaries.",
            "said",
            "Karl Berg",
            "he may wait until the primaries",
        ),
        (
            "Minister Paul Okafor said the farmers paid by the state were in some cases close to ruin, while the traders were thriving.",
            "said",
            "Paul Okafor",
            "the farmers paid by the state were in some cases close to ruin, while the traders were thriving",
        ),
        # A list is not an aside; supporters named after someone are not that someone.
        (
            "Senator Jane Ross spoke. She said she and the mayor differ on taxes, the new bridge and the possibility of a levy.",
            "said",
            "Jane Ross",
            "she and the mayor differ on taxes, the new bridge and the possibility of a levy",
        ),
        (
            "Governor Ann Lee spoke in Iowa. Several Lee supporters said the rally had gone well.",
            "said",
            "Several Lee supporters",
            "the rally had gone well",
        ),
        # What a poll found, given as "In a poll, …"; polling that shows.
        (
            "In a Harbour Times poll released Monday, 50 percent of respondents chose the mayor.",
            "in",
            "Harbour Times",
            "50 percent of respondents chose the mayor",
        ),
        (
            "The little polling that was done in the state showed a dead heat between the two mayors.",
            "showed",
            "little polling",
            "a dead heat between the two mayors",
        ),
        (
            "Polling averages show the mayor with a lead in the low single digits.",
            "show",
            "Polling averages",
            "the mayor with a lead in the low single digits",
        ),
        # Acts that take a side: a vote, a veto, an embrace.
        (
            "Senator Jane Ross voted against the harbour bill.",
            "voted against",
            "Jane Ross",
            "the harbour bill",
        ),
        ("Governor Ann Lee vetoed the budget on Friday.", "vetoed", "Ann Lee", "the budget"),
        (
            "Governor Ann Lee has focused on the cost of housing.",
            "focused on",
            "Ann Lee",
            "the cost of housing",
        ),
        (
            "Mayor Karl Berg compared the plan to a tax on the poor.",
            "compared",
            "Karl Berg",
            "the plan to a tax on the poor",
        ),
        (
            "Like the president, Senator Jane Ross believes in the good sense of the voters.",
            "believes in",
            "Jane Ross",
            "the good sense of the voters",
        ),
        # A reason or a comparison hung on the verb, right after what it reports.
        (
            "The agency said it did not count those meetings because, presumably, they were part of the minister's duties.",
            "said",
            "agency",
            "it did not count those meetings because, presumably, they were part of the minister's duties",
        ),
        (
            "Mayor Karl Berg told a town hall on Monday that the fine is “peanuts,” compared to what the banks are doing.",
            "told",
            "Karl Berg",
            "the fine is “peanuts,” compared to what the banks are doing",
        ),
        # "rated" is lemmatised "rat" by the small model.
        (
            "Harbour Truth rated 32% of the mayor's claims as “false” or “mostly false,” compared to 11% of the governor's claims.",
            "rated",
            "Harbour Truth",
            "32% of the mayor's claims as “false” or “mostly false",
        ),
        (
            "Mayor Karl Berg spoke on radio. He added: It is typical of the council. It knows nothing, but the talk never stops.",
            "added",
            "Karl Berg",
            "It is typical of the council. It knows nothing, but the talk never stops",
        ),
        # A campaign speaks for its candidate.
        (
            "Governor Ann Lee spoke. The Lee campaign responded to the criticism from the mayor.",
            "responded to",
            "Ann Lee",
            "the criticism from the mayor",
        ),
        # "made (it) clear that", "has been clear that", "was frustrated that".
        (
            "Senator Jane Ross made clear that further sanctions would be a deterrent.",
            "made clear",
            "Jane Ross",
            "further sanctions would be a deterrent",
        ),
        (
            "Senator Jane Ross made it clear that further sanctions would be a deterrent.",
            "made clear",
            "Jane Ross",
            "further sanctions would be a deterrent",
        ),
        (
            "Governor Ann Lee has been clear that she has their backs.",
            "been clear",
            "Ann Lee",
            "she has their backs",
        ),
        (
            "Senator Jane Ross was frustrated that the state is shortchanging schools.",
            "frustrated",
            "Jane Ross",
            "the state is shortchanging schools",
        ),
        # A verdict in the passive with no one named who passes it stays unattributed.
        (
            "Peacekeepers have sometimes been accused of hurting the civilians they were sent to protect.",
            "accused of",
            None,
            "hurting the civilians they were sent to protect",
        ),
        # Shares and pairs of people hold views too.
        ("Most in Miami want to rebuild the levee.", "want", "Most in Miami", "to rebuild the levee"),
        (
            "Mayor Karl Berg and Governor Ann Lee are progressives. Both want the state playing an active role.",
            "want",
            "Karl Berg and Ann Lee",
            "the state playing an active role",
        ),
        (
            "Governor Ann Lee reported raising and spending about $9 million during the month.",
            "reported",
            "Ann Lee",
            "raising and spending about $9 million during the month",
        ),
        (
            "Then Professor Ian Mercer wondered if the students were always so serious.",
            "wondered",
            "Ian Mercer",
            "the students were always so serious",
        ),
        (
            "Mayor Karl Berg met Governor Ann Lee. In the released excerpt, the two did not directly discuss his criticisms of her.",
            "discuss",
            "Karl Berg and Ann Lee",
            "his criticisms of her",
        ),
        (
            "Among those who want a continuation of his policies, most are planning to support the mayor.",
            "want",
            "those",
            "a continuation of his policies",
        ),
        ("Some chanted “Lock her up!”", "chanted", "Some", "Lock her up!"),
        (
            "The senator's backers speak of basing their hopes on a smaller field.",
            "speak of",
            "senator's backers",
            "basing their hopes on a smaller field",
        ),
        (
            "The Harbour Authority met on Tuesday. It plans to raise the port fees more slowly than in past years.",
            "plans",
            "Harbour Authority",
            "to raise the port fees more slowly than in past years",
        ),
        # A stance in the passive, and groups named after a body or a person.
        (
            "The harbour bill, opposed by House Republicans, never became law.",
            "opposed",
            "House Republicans",
            "The harbour bill",
        ),
        (
            "But those views are not widely shared by conservatives elsewhere.",
            "shared",
            "conservatives",
            "those views",
        ),
        # "according to" where the parse loses the source or reads the clause into its name.
        (
            "The mayor repeatedly insulted his staff in meetings, according to show insiders.",
            "according to",
            "insiders",
            "The mayor repeatedly insulted his staff in meetings",
        ),
        (
            "According to conservative talk radio host Dan Holt, the move reeks of “fear” and desperation.",
            "according to",
            "Dan Holt",
            "the move reeks of “fear” and desperation",
        ),
        (
            "At the forum, Governor Ann Lee called her vote in favor of the war a mistake.",
            "called",
            "Ann Lee",
            "her vote in favor of the war a mistake",
        ),
        # "that" as a determiner stays.
        ("Mayor Karl Berg said that claim was false.", "said", "Karl Berg", "that claim was false"),
    ],
)
def test_cue_speaker_and_words_where_the_parse_makes_it_hard(text, cue, speaker, words):
    assert (cue, speaker, words) in [(c, s, w) for _, c, s, w in claims_of(text)]


def test_a_transcript_gives_each_speaker_their_lines():
    claims = claims_of(
        "Governor Mary Fallin spoke to Jake Tapper on Friday.\n\n"
        "TAPPER: Do you think the governor has campaigned as a healer?\n\n"
        "FALLIN: I think he is trying to campaign as a healer.\n\n"
        "Update: the interview was cut short by the network.\n"
    )
    assert ("direct", ":", "Jake Tapper", "Do you think the governor has campaigned as a healer?") in claims
    assert ("direct", ":", "Mary Fallin", "I think he is trying to campaign as a healer") in claims
    assert not [c for c in claims if "cut short" in c[3]]


def test_a_transcript_pasted_as_one_quotation_a_paragraph():
    claims = claims_of(
        "“WALLACE: Let’s start with the news on the debate. Governor Mike Pence joins us.\n\n"
        "“PENCE: Well, look, the debate is serious business for the country.\n"
    )
    assert (
        "direct",
        ":",
        "Wallace",
        "Let’s start with the news on the debate. Governor Mike Pence joins us",
    ) in claims
    assert (
        "direct",
        ":",
        "Mike Pence",
        "Well, look, the debate is serious business for the country",
    ) in claims


def test_people_named_only_by_a_plural_noun_speak_as_a_group():
    b = briefing_of("Headline\n\nDemonstrators said the march would go on through the night.\n")
    speakers = {a.id: a for a in b.actors}
    assert [(speakers[c.speaker].name, speakers[c.speaker].kind) for c in b.claims] == [
        ("Demonstrators", "group")
    ]


def test_a_surname_the_tagger_calls_a_body_is_the_person_already_met():
    b = briefing_of(
        "Headline\n\nDonald Trump spoke in Ohio on Monday. Trump has hailed the vote as “fantastic,” telling reporters that he thinks the result is “a great thing.”"
    )
    assert [a.name for a in b.actors if a.kind == "person"][:1] == ["Donald Trump"]
    assert not [a for a in b.actors if a.name == "Trump"]


def test_the_writer_of_an_opinion_piece_is_who_i_is():
    from generator.analysis.extract import extract
    from generator.ingest.read import parse_article

    text = "---\ntitle: Why the harbour matters\nauthor: Maria Lund\n---\n\nI believe that the harbour bill will fail. “I am tired,” the mayor said.\n"
    briefing = extract(parse_article(text.encode(), "op-ed.md", slug="op-ed"))
    names = {a.id: a.name for a in briefing.actors}
    found = [(c.cue, names.get(c.speaker), c.text) for c in briefing.claims]
    assert ("believe", "Maria Lund", "the harbour bill will fail") in found
    # "I" inside a quotation is whoever is quoted.
    assert ("said", "Maria Lund", "I am tired") not in found


def test_a_hyphenated_given_name_stays_whole():
    found = claims_of(
        "South Korean President Moon Jae-in said on Monday that talks with the North were possible."
    )
    assert found == [("indirect", "said", "Moon Jae-in", "talks with the North were possible")]


def test_a_name_already_met_wins_over_the_taggers_reading_as_a_place():
    found = claims_of(
        "Martin Obuya was freed in March.\n\n"
        "Mr Obuya, 32, from Wembley, London, said he had been held without charge for a year."
    )
    assert ("indirect", "said", "Martin Obuya", "he had been held without charge for a year") in found


def test_a_role_description_before_the_name_goes_to_the_one_person_with_that_role():
    found = claims_of(
        "The home secretary said he would not open an inquiry.\n\n"
        "Later, Home Secretary Charles Clarke told the BBC: “I am not organising an investigation.”"
    )
    assert ("indirect", "said", "Charles Clarke", "he would not open an inquiry") in found


def test_a_statement_speaks_for_whoever_issued_it_and_a_poll_for_itself():
    found = claims_of(
        "Presidential spokesman Garba Osun said the girls had been freed. "
        "The statement said every child would be back in school by May.\n\n"
        "A new poll shows that most voters back the plan."
    )
    assert ("indirect", "said", "Garba Osun", "every child would be back in school by May") in found
    assert ("indirect", "shows", "new poll", "most voters back the plan") in found


def test_a_pronoun_after_reported_words_is_the_reporter_not_who_they_are_about():
    found = claims_of(
        "The minister Paul Okafor said Omar Reyes had been the target of a malicious leak. "
        "“You are the best of us,” he wrote."
    )
    assert ("direct", "wrote", "Paul Okafor", "You are the best of us") in found


def test_a_pronoun_in_a_clause_on_someones_letter_is_that_person():
    found = claims_of(
        "Omar Reyes resigned on Monday.\n\n"
        "Replying to Reyes’s letter, in which he said the leak made his work impossible, "
        "the minister Paul Okafor said Reyes had served with honour."
    )
    assert ("indirect", "said", "Omar Reyes", "the leak made his work impossible") in found


def test_actors_joined_by_and_make_one_claim_together_each_under_their_own_name():
    b = briefing_of(
        "Headline\n\nThe health minister resigned on Monday. But both Plaid Cymru and the Liberal "
        "Democrats said the new minister needed to change policy."
    )
    names = {a.id: a.name for a in b.actors}
    claim = next(c for c in b.claims if "change policy" in c.text)
    assert [names[s] for s in claim.speakers] == ["Plaid Cymru", "Liberal Democrats"]
    assert not any(" and " in a.name for a in b.actors)


def test_a_person_described_by_whom_they_served_speaks_alone():
    said = claims_of(
        "Mr. Netanyahu called an early election. The numbers “are very low for an incumbent,” said "
        "Eyal Arad, a former campaign consultant to Mr. Netanyahu and other candidates."
    )
    assert [speaker for _, _, speaker, words in said if "very low" in words] == ["Eyal Arad"]


def test_a_ministry_named_without_its_country_takes_the_country_s_name():
    said = claims_of(
        "The situation on the peninsula is complex, the Foreign Ministry spokesman told reporters in "
        "Beijing, after China's Foreign Ministry issued a statement."
    )
    assert [speaker for *_, speaker, _ in said] == ["Chinese Foreign Ministry"]


def test_a_country_s_president_is_its_head_the_article_names():
    said = claims_of(
        "Moon Jae-in met Donald Trump in Washington on Friday. South Korea’s president said the "
        "North wants peace."
    )
    assert [speaker for *_, speaker, _ in said] == ["Moon Jae-in"]


def test_someone_s_lawyer_is_not_the_client():
    said = claims_of("Michael Cohen pleaded guilty in New York. Cohen's lawyer said he had co-operated.")
    assert [speaker for *_, speaker, _ in said] == ["Cohen's lawyer"]


def test_a_foreign_ministry_speaks_as_its_government_when_the_government_speaks_too():
    b = briefing_of(
        "Headline\n\nChina said it wanted calm on the peninsula. The situation is complex, the "
        "Foreign Ministry spokesman told reporters in Beijing."
    )
    assert [a.name for a in b.actors if a.side == "China"] == ["China"]
    assert "Foreign Ministry" in next(a for a in b.actors if a.name == "China").aliases


def test_a_group_is_named_without_the_adverb_before_it():
    said = claims_of("Even Mr. Trump’s critics praised the summit as a positive step.")
    assert [speaker for *_, speaker, _ in said] == ["Mr. Trump’s critics"]


def test_officials_named_again_by_their_noun_alone_are_the_officials_met_before():
    said = claims_of(
        "U.S. officials said a launch was likely. Earlier this month, the North conducted what "
        "officials say was an engine test."
    )
    assert {speaker for *_, speaker, _ in said} == {"U.S. officials"}


def test_what_an_outlet_only_passes_on_is_the_inner_speaker_s():
    said = claims_of(
        "“The process is critical for stability,” US Secretary of State John Kerry told reporters on "
        "Monday, Reuters reports. Reuters reports that the U.N. refugee agency UNHCR says it expects "
        "the flow of migrants to remain the same."
    )
    assert [(speaker, words[:14]) for _, _, speaker, words in said] == [
        ("John Kerry", "The process is"),
        ("UNHCR", "it expects the"),
    ]


def test_an_outlet_reporting_in_its_own_words_is_the_speaker():
    said = claims_of("The deal is dead, the Guardian reported on Monday.")
    assert [speaker for *_, speaker, _ in said] == ["Guardian"]


def test_the_place_a_role_is_of_is_not_the_speaker():
    said = claims_of(
        "The new health minister for Wales says there are lessons to learn from England. Health "
        "Minister Brian Gibbons took over on Monday."
    )
    assert [speaker for *_, speaker, _ in said] == ["Brian Gibbons"]


def test_a_country_s_president_named_only_later_is_found_and_is_not_another_country_s():
    said = claims_of(
        "Amid hope that a summit between President Trump and North Korean leader Kim Jong-un will "
        "happen, South Korea’s president said that Mr. Kim committed to denuclearization. South "
        "Korean President Moon Jae-in said on Sunday that the leader is committed."
    )
    assert [speaker for *_, speaker, _ in said] == ["Moon Jae-in", "Moon Jae-in"]


def test_a_person_of_a_party_is_the_person_not_a_group():
    b = briefing_of(
        "Headline\n\nMr. Netanyahu fired two ministers. Yair Lapid of Yesh Atid said it was cowardice."
    )
    lapid = next(a for a in b.actors if "Lapid" in a.name)
    assert lapid.kind == "person"
    assert [c.speaker for c in b.claims] == [lapid.id]


def test_an_unnamed_spokesperson_of_a_known_body_speaks_as_the_body():
    said = claims_of("The two countries share a strong bond, a state department spokeswoman said on Tuesday.")
    assert [speaker for *_, speaker, _ in said] == ["State Department"]

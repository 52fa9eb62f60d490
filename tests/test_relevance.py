"""Ordinary news stays quiet: the words of violence in other senses, and reports off the topic of
conflict, give no events; the same words in reports of real violence still do. Every text here
is invented for the test."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model import Article

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2022, 3, 9)


def run(pipeline, text: str):
    return next(pipeline.run([Article(id="t", text=text, published=PUBLISHED, origin="t")]))


@pytest.mark.parametrize("text", [
    # a thing, a disease or a drink is no doer
    "A new strain of the virus killed four patients at the county hospital on Monday.",
    "Tainted home-brewed gin killed nine men in the market town of Eldoro last week.",
    "A retired teacher was killed by the fever on Tuesday, the health ministry said.",
    "Two farm workers died of the infection in Lusaka on Sunday.",
    "Deaths from swine fever rose to 41 in the district on Friday.",
    "Two people died after contracting the fever in Kisumu on Friday.",
    # animals die in outbreaks
    "Nearly 300 ducks were found dead at a farm near Utrecht on Monday.",
    # what is taken is no place
    "The shares regained the 4-dollar level on Tuesday after a week of losses.",
    "Two guest rooms and a library occupy the ground floor of the new villa.",
    "The new filters allow plants to capture carbon dioxide from their chimneys.",
    # figures of speech
    "The senator blasted the commission's report on Tuesday, calling it a whitewash.",
    "The company's director shot down rumours of a merger at the trade fair on Thursday.",
    "Firefighters spent the night fighting three warehouse fires in the port district.",
    "The minister praised the country's fight against corruption and smuggling.",
    "Baggage handlers' strikes closed two terminals at the airport on Monday.",
])
def test_other_senses_give_no_event(pipeline, text):
    result = run(pipeline, text)
    assert result.events == [], [e.sub_event_type for e in result.events]


@pytest.mark.parametrize("text, reason", [
    ("Her fever killed her on Sunday.", "done by 'fever'"),
    ("Three pupils died of the infection.", "from 'infection'"),
    ("The shares regained the 4-dollar level.", "what is taken ('level')"),
    ("The senator blasted the commission's report.", "criticism"),
    ("The director shot down rumours of a sale.", "no aircraft"),
    ("Crews fought two fires.", "against 'fires'"),
    ("Dock workers' strikes closed the port.", "stoppage of work"),
    ("Nearly 300 ducks were found dead.", "animals"),
    ("Jones has clashed with Smith over the budget.", "quarrel between persons"),
    ("Both sides accuse each other of violations of the truce.", "agreement in force"),
    ("Despite the ceasefire, traders stayed away from the market.", "in force"),
    ("The painted rocket frog is now rare in the valley.", "names a kind of"),
])
def test_the_reason_names_the_other_sense(pipeline, text, reason):
    from sitrep.extract.noevent import set_aside

    analyzed = next(pipeline.analyzer.analyze_many([Article(id="t", text=text, origin="t")]))
    found = set_aside(analyzed.doc[:], [])
    assert found is not None and found.rule == "other-sense" and reason in found.reason


@pytest.mark.parametrize("text, expected", [
    ("Unknown gunmen killed four traders at the market in Eldoro on Monday.", "Attack"),
    ("Two soldiers died of gunshot wounds after militants attacked their post near Gao on Monday.", "Armed clash"),
    ("Rebels captured the town of Kamango on Tuesday after heavy fighting with the army.",
     "Non-state actor overtakes territory"),
    ("Troops regained control of the district headquarters on Sunday.", "Government regains territory"),
    ("Militants blasted the bridge outside Dera with explosives on Friday.", "Remote explosive/landmine/IED"),
    ("Soldiers fought the rebels near the village of Kibati on Saturday.", "Armed clash"),
    ("The rebels shot down an army helicopter near Kidal on Monday.", None),
    # things seized with arms among them: the seizure stays an event of its own kind
    ("Police seized a radio transmitter, two pistols and a box of grenades from a militant hideout in Dera.", None),
])
def test_the_same_words_in_violence_stay_events(pipeline, text, expected):
    types = [e.sub_event_type for e in run(pipeline, text).events]
    assert types, text
    if expected is not None:
        assert expected in types


BALL_GAME = (
    "The home side needed only two innings to settle it on Saturday night. "
    "It was a two-run blast from the rookie that sealed the series, and the crowd of 30,000 rose as one. "
    "The manager said he would not change the rotation for the road trip that starts on Tuesday. "
    "The team has won nine of its last twelve games and leads the division by three games. "
    "Tickets for the home opener next month sold out in less than an hour, the club said. "
    "The veteran catcher, who missed most of last season with a knee injury, was back in the line-up. "
    "He said the battles of last year had made the young players stronger. "
    "The club's owners are expected to announce a new stadium deal before the end of the season."
)
MARKET = (
    "Shares in the city's largest lender rose for a third day on Wednesday as investors returned. "
    "The bank's stock regained the 12-dollar level it lost in the spring, and trading volumes doubled. "
    "Analysts said the bank had captured a larger share of the mortgage market over the year. "
    "A strike by port workers last month had little effect on the exporters in the index. "
    "The insurer's shares fell after it reported that storm claims had hit its profits. "
    "Traders said they expected the central bank to hold interest rates at its next meeting. "
    "The currency was steady against the dollar, and bond yields edged lower. "
    "The exchange will close early on Friday for the national holiday, and reopen on Monday morning at nine."
)


@pytest.mark.parametrize("text", [BALL_GAME, MARKET])
def test_a_report_off_the_topic_of_conflict_gives_no_event(pipeline, text):
    assert run(pipeline, text).events == []


def test_a_conflict_report_of_the_same_length_still_gives_its_events(pipeline):
    text = (
        "Militants attacked an army post outside the town of Dera on Saturday night, officials said. "
        "Soldiers returned fire and the fighting lasted for two hours, a police spokesman said. "
        "Four soldiers and at least six militants were killed in the clash. "
        "The army said it had sent reinforcements to the area on Sunday morning. "
        "Residents said they heard heavy gunfire and explosions through the night. "
        "The group has carried out several attacks on security forces in the province this year. "
        "The governor condemned the attack and promised to rebuild the post. "
        "Schools in the town stayed closed on Monday."
    )
    assert "Armed clash" in [e.sub_event_type for e in run(pipeline, text).events]


def test_relevance_needs_a_long_text():
    from sitrep.extract.relevance import Relevance

    assert not Relevance(sentences=3, words=400, cues=0).off_topic  # too few sentences to judge
    assert not Relevance(sentences=8, words=90, cues=0).off_topic  # too few words: a brief, a note
    assert Relevance(sentences=8, words=300, cues=1).off_topic
    assert not Relevance(sentences=8, words=300, cues=2).off_topic
    assert Relevance(sentences=40, words=900, cues=3).off_topic  # one conflict word in thirteen sentences


TRIAL = (
    "Three men went on trial at the Old Bailey on Monday for the murder of a delivery driver in Croydon. "
    "The prosecutor told the jury that the victim was shot by two masked gunmen on a summer evening. "
    "The defendants, who deny the charges, watched from the dock as the prosecution opened its case. "
    "The trial continues."
)


def test_an_act_told_at_a_trial_is_no_new_event(pipeline):
    result = run(pipeline, TRIAL)
    assert result.events == [] and "court-report" in result.reason


def test_a_named_group_keeps_its_act_in_a_court_report(pipeline):
    text = TRIAL + " Separately, Boko Haram fighters killed nine villagers near Maiduguri on Monday, the army said."
    assert run(pipeline, text).events

"""Text that reports no ACLED event gives none, and says why; real events beside it stay events."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model import Article

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2022, 3, 9)


def run(pipeline, text: str, published: dt.date | None = PUBLISHED):
    return next(pipeline.run([Article(id="t", text=text, published=published, origin="t")]))


@pytest.mark.parametrize("text, rule", [
    # natural and industrial hazards, with nobody acting
    ("At least 14 people died when torrential rains triggered landslides in Sindhupalchok district on Monday.",
     "disaster"),
    ("The death toll from floods in the northern province rose to 31 on Tuesday, officials said.", "disaster"),
    # ordinary crime by private persons
    ("Two men robbed a petrol station in Nakuru and shot the attendant dead on Sunday night.", "ordinary-crime"),
    ("A shopkeeper was stabbed to death during a robbery at his store in Soweto on Friday.", "ordinary-crime"),
    ("A 19-year-old student was raped by her neighbour in Kisumu on Friday.", "private-person"),
    ("A female nurse was sexually assaulted by an unaffiliated man near the clinic in Goma.", "private-person"),
    # the act is the ground of a complaint, a lawsuit, a trial or a memorial
    ("Pakistan lodged a complaint with the United Nations over a drone strike in North Waziristan.",
     "ground-of-complaint"),
    ("Relatives of the passengers are suing the airline for damages after the missile strike on the plane.",
     "ground-of-complaint"),
    ("A court in Nairobi sentenced three men to life in prison for their part in the attack on the mall.",
     "ground-of-trial"),
    ("Officials laid wreaths on Tuesday to mark the tenth anniversary of the massacre in Srebrenica.",
     "ground-of-anniversary"),
    ("The group claimed responsibility on Sunday for last month's bombing of a church in Jolo.", "old-claim"),
    ("Prison authorities released 40 inmates, two of whom had killed police officers, under the amnesty.",
     "past-deed"),
    # diplomacy: what efforts aim to end
    ("The envoys met in Geneva on Monday as part of efforts to end the fighting in the east.", "to-be-ended"),
    # analysis and tallies
    ("A study by the university found that a quarter of displaced women had experienced sexual violence.",
     "findings"),
    ("Between 2015 and 2019, more than 3,000 people were killed in attacks in central Mali.", "tally"),
    ("Over the past six months, militants have killed more than 200 civilians in Cabo Delgado.", "tally"),
    # threats, forecasts and guesses
    ("The rebel commander threatened further attacks on oil installations in the delta.", "threat"),
    ("Attacks on the northern roads will continue until the army secures them, the governor said.", "forecast"),
    ("The governor said the bombing might be linked to the elections.", "forecast"),
    # accidents and sport
    ("Eighteen people were killed when a crowded minibus overturned on the highway near Kabale.", "disaster"),
    ("The striker attacked the left flank and fired a shot past the keeper to win the match.", "sport"),
    # a claim for an act told before, and a stoppage with no gathering
    ("The separatists claimed responsibility for the car bombing outside the courthouse, in a statement.",
     "old-claim"),
    ("Opposition parties called a general strike that shut down the capital in protest of the arrests.",
     "general-strike"),
])
def test_no_event_and_why(pipeline, text, rule):
    result = run(pipeline, text)
    assert result.events == []
    assert result.reason.startswith("no event reported (" + rule + ": ")


@pytest.mark.parametrize("text, expected", [
    # armed perpetrators make a robbery political violence in ACLED's sense
    ("On 7 March 2022, gunmen robbed and killed three traders on the road to Gusau.", "Attack"),
    # a crowd punishing a thief is mob violence, not crime
    ("On 7 March 2022, a crowd beat up two men suspected to be robbers in Kasarani, Nairobi.", "Mob violence"),
    # someone acted, whatever the weather
    ("On 7 March 2022, militants killed five people sheltering from the floods in a school in Macomia.", "Attack"),
    # a complaint that reports the act itself, and a claim for an attack of the same days
    ("Lebanon said Israeli jets struck a village near Tyre on Friday, killing three people.", "Air/drone strike"),
    ("Al-Shabaab claimed responsibility for Monday's suicide bombing in Mogadishu that killed 12 people.",
     "Suicide bomb"),
    ("Soldiers raped three women in the village of Minova on Saturday, a UN official said.", "Sexual violence"),
    # a protest against a lasting grievance is a protest, not a tally
    ("Residents staged a sit-in in front of the town hall against water cuts during the past eight days.",
     "Peaceful protest"),
    # a march during a general strike is a demonstration; a claim dated to the attack's own day reports it
    ("Thousands of workers marched through the capital on the first day of a general strike.", "Peaceful protest"),
    ("The separatists claimed responsibility for the car bombing outside the courthouse on 7 March 2022.",
     "Remote explosive/landmine/IED"),
    # marching on an anniversary is a protest of its own
    ("On 7 March 2022, thousands marched in Sarajevo to mark the anniversary of the massacre.", "Peaceful protest"),
])
def test_events_stay(pipeline, text, expected):
    assert expected in [e.sub_event_type for e in run(pipeline, text).events]


def test_gang_violence_stays_where_acled_codes_it():
    from sitrep.nlp import Analyzer
    from sitrep.extract.noevent import set_aside

    analyzer = Analyzer()
    text = "Two men shot dead a shopkeeper during a robbery in the Betania neighborhood."
    analyzed = next(analyzer.analyze_many([Article(id="t", text=text, published=PUBLISHED, origin="t")]))
    span = analyzed.doc[:]
    assert set_aside(span, [], country="IN") is not None
    assert set_aside(span, [], country="BR") is None  # ACLED's gang methodology: coded as an Attack


def test_a_set_aside_lead_stops_the_model_fallback(pipeline):
    text = "A trader was shot dead by a robber in Thane on Saturday. The incident took place in his shop."
    result = run(pipeline, text)
    assert result.events == [] and "ordinary-crime" in result.reason

"""Classification rules grounded in ACLED's codebook definitions, each with its own sentences."""
from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2022, 3, 9)


@pytest.fixture(scope="module")
def pipeline():
    from sitrep.pipeline import Pipeline

    return Pipeline()


def types(pipeline, text: str) -> list[str]:
    return [e.sub_event_type for e in pipeline.extract(text, published=PUBLISHED)]


@pytest.mark.parametrize("text, expected", [
    # an ACLED note's label names the kind of strategic development, whatever the verb says
    ("Property destruction: On 4 March 2022, soldiers burned down a barn belonging to a village elder in Kanpetlet.",
     "Looting/property destruction"),
    ("Movement of forces: On 4 March 2022, a column of Malian army vehicles crossed into Gao from the north.",
     "Change to group/activity"),
    ("Other: On 4 March 2022, the junta dissolved the electoral commission of the Kayah region in Loikaw.", "Other"),
    ("Defusal: On 4 March 2022, police found and disarmed a pipe bomb near a bus stop in Kisumu.",
     "Disrupted weapons use"),
])
def test_note_label_names_the_type(pipeline, text, expected):
    assert types(pipeline, text) == [expected]


def test_a_label_must_open_the_note(pipeline):
    text = "On 4 March 2022, rebels shelled the market in Kaya. Other: two houses were hit."
    assert "Other" not in types(pipeline, text)

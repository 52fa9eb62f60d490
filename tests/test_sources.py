"""Who says so: attribution of a sentence to its reporting source."""
from __future__ import annotations

import pytest

from sitrep.extract.sources import clean_phrase, name_source, source_table


def test_known_sources_have_one_name():
    table = source_table()
    assert table.canonical("The Syrian Observatory for Human Rights") == "SOHR"
    assert table.canonical("state news agency SANA") == "SANA"
    assert table.canonical("a local official") is None


@pytest.mark.parametrize("phrase, name", [
    ("the Syrian Observatory for Human Rights (SOHR), a UK-based monitoring group", "SOHR"),
    ("a local official", "local official"),
    ("it", None),
])
def test_name_source(phrase, name):
    assert name_source(phrase) == name


def test_clean_phrase_cuts_appositions():
    assert clean_phrase("The Kenya Red Cross, which runs ambulances") == "Kenya Red Cross"


@pytest.mark.model
@pytest.mark.parametrize("sentence, source", [
    ("On Wednesday, HTS launched an operation that killed 132 fighters, according to SOHR.", "SOHR"),
    ("The Syrian military, in a statement carried by state news agency SANA, reported the attack.", "SANA"),
    ("A drone struck the market, killing five people, a local official told reporters.", "local official"),
    ("Witnesses said the drone came from the south.", "Witnesses"),
    ("The Sudan Doctors Network put the death toll from the shelling at 14.", "Sudan Doctors Network"),
    ("Nine civilians were killed, four of them children, residents and a rescue group said.",
     "residents and a rescue group"),
    ("The army said in a statement carried by state media that it had struck a rebel training camp.",
     "state media"),
])
def test_find_source(sentence, source):
    from sitrep.extract.sources import find_source
    from sitrep.nlp import load_model

    doc = load_model()(sentence)
    found = find_source(doc[:])
    assert found is not None and found.name == source
    assert source.split()[0].lower() in sentence[found.start:found.end].lower()


@pytest.mark.model
def test_speaker_of_a_carried_statement_did_its_own_act():
    """"The military's information team said in a statement carried by state media that it had
    struck ...": the medium is the source, the speaker is who struck."""
    from sitrep.pipeline import Pipeline
    import datetime as dt

    text = ("The Myanmar military's information team said in a statement carried by state media on Monday "
            "that it had struck a training camp of the People's Defence Force near Kanbalu.")
    events = Pipeline().extract(text, published=dt.date(2025, 2, 11))
    assert events and events[0].actor1.name == "Military Forces of Myanmar"

from sitrep.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES, interaction, outranks, sub_event
import pytest


def test_twenty_five_sub_types_in_six_event_types():
    assert len(SUB_EVENT_TYPES) == 25
    assert {s.event_type for s in SUB_EVENT_TYPES} == set(EVENT_TYPES)


@pytest.mark.parametrize("higher, lower", [
    ("Non-state actor overtakes territory", "Armed clash"),
    ("Air/drone strike", "Shelling/artillery/missile attack"),
    ("Attack", "Abduction/forced disappearance"),
])
def test_hierarchy(higher, lower):
    assert outranks(higher, lower) and not outranks(lower, higher)


def test_unknown_sub_type_names_the_valid_ones():
    with pytest.raises(KeyError, match="Armed clash"):
        sub_event("Skirmish")


@pytest.mark.parametrize("a, b, code", [(2, 1, 12), (1, None, 10), (7, 3, 37), (None, None, None)])
def test_interaction_codes(a, b, code):
    assert interaction(a, b) == code

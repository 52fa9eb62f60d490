"""Every one of ACLED's 25 sub-event types is reachable from a plain news sentence."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.taxonomy import SUB_EVENT_TYPES

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2025, 3, 12)

SENTENCES = {
    "Government regains territory": "Sudanese army troops recaptured the town of Sinja from the RSF on Monday, the army said.",
    "Non-state actor overtakes territory": "M23 rebels seized control of the town of Rubaya in North Kivu on Monday after heavy fighting with the army, residents said.",
    # (taken "after the army withdrew", with no fighting told, it is a Non-violent transfer of territory)
    "Armed clash": "Fighters of al-Shabaab clashed with Somali soldiers near Afgooye on Monday, killing four soldiers, a military officer said.",
    "Excessive force against protesters": "Police opened fire on protesters in Nakuru on Monday, killing two demonstrators, a rights group said.",
    "Protest with intervention": "Police fired tear gas to disperse hundreds of protesters in Nairobi on Monday.",
    "Peaceful protest": "Hundreds of teachers marched peacefully through Accra on Monday to demand higher pay.",
    "Violent demonstration": "Rioters burned tyres and hurled stones at shops in Dhaka on Monday during a demonstration against fuel prices.",
    "Mob violence": "A mob lynched a man accused of theft in the town of Kano on Monday, police said.",
    "Chemical weapon": "A chlorine gas attack on the town of Saraqib on Monday killed three people, doctors said.",
    "Air/drone strike": "Russian warplanes bombed the town of Maarat al-Numan in Idlib on Monday, killing six civilians, rescuers said.",
    "Suicide bomb": "A suicide bomber blew himself up at a checkpoint in Mogadishu on Monday, killing five soldiers, police said.",
    "Shelling/artillery/missile attack": "Russian forces shelled Kherson on Monday, killing two civilians, the regional governor said.",
    "Remote explosive/landmine/IED": "A roadside bomb struck a police vehicle near Kandahar on Monday, killing three officers, officials said.",
    "Grenade": "Unknown attackers threw a grenade into a bar in Bujumbura on Monday, wounding seven people, police said.",
    "Sexual violence": "Soldiers raped three women in a village near Bunia on Monday, a local rights group said.",
    "Attack": "Gunmen killed seven villagers in an attack on the village of Kuru in Plateau state on Monday, police said.",
    "Abduction/forced disappearance": "Gunmen abducted 20 students from a school in Kaduna state on Monday, police said.",
    "Agreement": "The Sudanese army and the RSF signed a ceasefire agreement in Jeddah on Monday, mediators said.",
    "Arrests": "Police arrested opposition leader Kizza Besigye in Kampala on Monday, his party said.",
    "Change to group/activity": "The army deployed hundreds of troops to the town of Gao on Monday, a military spokesman said.",
    "Disrupted weapons use": "Ukrainian air defences shot down 12 Russian drones over Kyiv on Monday, the air force said.",
    "Headquarters or base established": "Wagner fighters established a base at the airport in Tessalit on Monday, residents said.",
    "Looting/property destruction": "Militiamen looted shops and torched houses in the town of Djugu on Monday, residents said.",
    "Non-violent transfer of territory": "Government troops withdrew from the town of Kidal without a fight on Monday, handing over control to the rebels, residents said.",
    "Other": "Thousands of families fled their homes in Kharkiv region on Monday to escape the fighting, officials said.",
}


def test_the_table_covers_all_25():
    assert set(SENTENCES) == {s.name for s in SUB_EVENT_TYPES}


@pytest.mark.parametrize("sub_event_type", sorted(SENTENCES))
def test_sub_event_type_is_reachable(pipeline, sub_event_type):
    events = pipeline.extract(SENTENCES[sub_event_type], published=PUBLISHED)
    assert sub_event_type in [e.sub_event_type for e in events], [e.sub_event_type for e in events]
    event = next(e for e in events if e.sub_event_type == sub_event_type)
    assert event.event_date == dt.date(2025, 3, 10)  # "on Monday" before a Wednesday publication
    assert event.decided_by

"""Classification rules grounded in ACLED's codebook definitions, each with its own sentences."""
from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2022, 3, 9)


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


@pytest.mark.parametrize("text, expected", [
    # a killing the marchers decry is their grievance, not force used on them
    ("On 4 March 2022, some 200 people marched in Mombasa to protest the death of a boda boda rider who was shot "
     "by police officers in January.", "Peaceful protest"),
    ("On 4 March 2022, lawyers demonstrated outside the high court in Lahore against the killing of a colleague "
     "by unknown gunmen.", "Peaceful protest"),
    # lethal force on the protest itself still is excessive force
    ("On 4 March 2022, soldiers fired live rounds at demonstrators in Omdurman, killing four of them.",
     "Excessive force against protesters"),
])
def test_lethal_force_on_the_protest_not_the_grievance(pipeline, text, expected):
    assert types(pipeline, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # property, cash or goods seized by an armed group: looting, not a place taken
    ("On 4 March 2022, JNIM militants seized motorbikes, food and cash from traders near the village of Boni.",
     "Looting/property destruction"),
    # people captured away from any fighting: abducted by a foreign force, arrested by their own state's
    ("On 4 March 2022, Russian soldiers captured the imam of the mosque in Vasylivka, Zaporizhia region of Ukraine.",
     "Abduction/forced disappearance"),
    # control regained with no word of fighting is a non-violent transfer
    ("On 4 March 2022, Ukrainian forces retook the village of Lukashivka, Chernihiv. There were no reports of "
     "fighting.", "Non-violent transfer of territory"),
    # the second verb of "X clashed with Y and regained the hill" is X's
    ("On 4 March 2022, FARDC soldiers fought CODECO militiamen and regained control of the Walendu hills.",
     "Government regains territory"),
    ("On 4 March 2022, M23 rebels fought the FARDC near Rutshuru and took control of the village of Kalengera.",
     "Non-state actor overtakes territory"),
])
def test_what_a_seizure_took(pipeline, text, expected):
    assert expected in types(pipeline, text)


def test_fighters_captured_in_a_battle_are_part_of_it(pipeline):
    text = ("On 4 March 2022, troops clashed with Boko Haram fighters near Bama; six militants were killed "
            "and two captured.")
    assert types(pipeline, text) == ["Armed clash"]


def test_whether_it_happened_is_not_told(pipeline):
    assert types(pipeline, "On 4 March 2022, officials in Kherson could not say whether fighting took place.") == []


def test_a_crowd_seizing_a_suspect_abducts_nobody(pipeline):
    found = types(pipeline, "On 4 March 2022, villagers in Kisii seized a man they accused of stealing a cow "
                            "and beat him.")
    assert "Abduction/forced disappearance" not in found and "Arrests" not in found


def test_a_labelled_note_with_no_actor_named_is_kept(pipeline):
    text = "Security measures: On 4 March 2022, the governor's office banned all rallies in Van for 15 days."
    assert types(pipeline, text) == ["Change to group/activity"]


@pytest.mark.parametrize("text, expected", [
    # a road closed or a procession is a protest when a demand is told beside it
    ("On 4 March 2022, farmers shut the road between Sidi Bouzid and Gafsa to demand compensation for lost crops.",
     ["Peaceful protest"]),
    ("On 4 March 2022, about 500 people walked in a candlelit procession through Bari to call for an inquiry into "
     "a teacher's death.", ["Peaceful protest"]),
    ("On 4 March 2022, dock workers blocked the access to the container terminal in Le Havre over pensions.",
     ["Peaceful protest"]),
    ("On 4 March 2022, tenants organised a sit in outside the housing ministry in Tunis.", ["Peaceful protest"]),
    # convened by a union, they protested; "they also demanded" tells more of the same protest
    ("On 4 March 2022, bus drivers called by the transport union protested in Seville, demanding new buses.",
     ["Peaceful protest"]),
    ("On 4 March 2022, members of the youth wing staged a demonstration in Guwahati against fuel prices, they also "
     "demanded lower taxes.", ["Peaceful protest"]),
])
def test_protests_told_in_other_words(pipeline, text, expected):
    assert types(pipeline, text) == expected


def test_a_closed_road_alone_is_no_protest(pipeline):
    assert "Peaceful protest" not in types(pipeline, "On 4 March 2022, traffic police shut the main road in Kebili "
                                                     "for repairs.")


@pytest.mark.parametrize("text, violent", [
    # a symbolic burning, a deed of others named as the grievance, or a place's name is no riot
    ("On 4 March 2022, opposition supporters burnt an effigy of the governor during a rally in Kano.", False),
    ("On 4 March 2022, parents protested in Lima to demand justice for a girl whom a neighbour had assaulted.", False),
    ("On 4 March 2022, residents rallied in Quetta after a fire destroyed 40 shops in the old market.", False),
    ("On 4 March 2022, residents of Burnt Pine Hills marched in Orlando against a new toll.", False),
    # what the marchers did, where they went, is theirs
    ("On 4 March 2022, nurses marched to the town hall in Patras, where they clashed with riot police.", True),
    ("On 4 March 2022, students demonstrated and burnt two buses of the college in Biratnagar.", True),
])
def test_what_the_demonstrators_did(text, violent):
    from sitrep.extract.classify import rioting
    from sitrep.nlp import load_model

    doc = load_model()(text)
    assert rioting(doc[:]) is violent


@pytest.mark.parametrize("text, expected", [
    # unorganised people beating a suspected thief is mob violence, not crime nor an armed attack
    ("On 4 March 2022, traders at the Gikomba market caught and beat up a suspected pickpocket in Nairobi.",
     "Mob violence"),
    ("On 4 March 2022, a group of the pupils assaulted their headmaster in Kericho.", "Mob violence"),
    # party activists fighting after a quarrel are political sides
    ("On 4 March 2022, activists of two rival parties fought with sticks in Comilla after an altercation over "
     "posters, injuring six.", "Mob violence"),
    # an abduction with torture or injury is an attack (codebook 1.3)
    ("On 4 March 2022, two farmers were kidnapped, beaten and tortured by gunmen near Kaduna.", "Attack"),
])
def test_who_did_the_violence(pipeline, text, expected):
    assert expected in types(pipeline, text)


def test_a_strike_called_off_is_no_protest(pipeline):
    assert types(pipeline, "On 4 March 2022, the teachers' union called off its planned strike in Abuja "
                           "after talks with the ministry.") == []


@pytest.mark.parametrize("text, expected", [
    # force the protest met, not what the crowd did itself or what it complains of
    ("On 4 March 2022, parents protested outside a school in Tarija, saying the ministry had not intervened in "
     "the dispute.", "Peaceful protest"),
    ("On 4 March 2022, residents staged a sit-in on the Akcakale highway; the group later dispersed peacefully.",
     "Peaceful protest"),
    ("On 4 March 2022, students protested in Dhanbad over a pupil who died after being beaten by classmates.",
     "Peaceful protest"),
    ("On 4 March 2022, truckers protested in Waterloo against mandates. Police said they arrested two of the "
     "demonstrators for trespassing.", "Protest with intervention"),
])
def test_intervention_on_the_protest(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    # sexual violence ranks above Attack: a victim also killed keeps the type (codebook 1.3)
    ("On 4 March 2022, suspected militiamen raped and killed a woman near Yenagoa.", "Sexual violence"),
    # ACLED's gang methodology: a victim active in organised crime is a combatant
    ("On 4 March 2022, two gunmen shot dead a man in Culiacan. The victim was involved in drug trafficking.",
     "Armed clash"),
    # positions won inside a fight are the fight, not a location's control changing
    ("On 4 March 2022, Houthi forces clashed with Giants Brigades and seized several positions near Harib.",
     "Armed clash"),
    # looting beside violence against people is the violence (codebook 1.3)
    ("On 4 March 2022, gunmen shot and wounded three herders and looted 40 camels near Kutum.", "Attack"),
    # two sides firing at each other from afar is an armed clash (codebook 1.3)
    ("On 4 March 2022, Armenian and Azerbaijani forces exchanged mortar fire near Sotk.", "Armed clash"),
])
def test_codebook_hierarchy_and_victims(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


def test_a_capture_needs_something_taken(pipeline):
    assert not {"Government regains territory", "Non-state actor overtakes territory"} & set(
        types(pipeline, "On 4 March 2022, Russian units regrouped and dug in on the captured frontiers near Izium."))


@pytest.mark.parametrize("text, expected", [
    # a crowd wrecking property is mob violence; an armed group burning a school is property destruction
    ("On 4 March 2022, a crowd of villagers ransacked the district office in Dadeldhura.", "Mob violence"),
    ("On 4 March 2022, militants burned a girls' school in Datta Khel; nobody was hurt in the night attack.",
     "Looting/property destruction"),
    ("On 4 March 2022, gunmen torched two schools in Kurram as officials warned of more attacks.",
     "Looting/property destruction"),
])
def test_property_destruction_by_whom(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    # weapons named by their system or carrier
    ("On 4 March 2022, Russian forces fired Iskander missiles at Uman, Cherkasy, killing two people.",
     "Shelling/artillery/missile attack"),
    ("On 4 March 2022, the Russian air force fired on Huliaipole, Zaporizhia, wounding three residents.",
     "Air/drone strike"),
    ("On 4 March 2022, Houthi forces attacked with four drones a fuel depot in Jizan.", "Air/drone strike"),
    ("On 4 March 2022, PDF fighters struck a military truck near Kani with remote-controlled explosives.",
     "Remote explosive/landmine/IED"),
    # protests named as what someone is punished or accused for are no protest held
    ("On 4 March 2022, intelligence agents arrested an opposition councillor in Bukavu for organising "
     "demonstrations against the governor.", "Arrests"),
])
def test_weapons_and_grounds(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


def test_a_street_named_like_a_rocket_is_no_shelling(pipeline):
    assert types(pipeline, "On 4 March 2022, residents of Grad street protested in Belgrade over rents.") == \
        ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "On 4 March 2022, militants ambushed a police patrol with guns outside Kaya, while army helicopters carried "
    "out airstrikes on the attackers. Casualties unknown.",
])
def test_strike_by_a_side_of_a_ground_fight_is_the_battle(pipeline, text):
    # codebook 1.4: an air strike inside a ground battle between the same actors is one Battles event
    assert types(pipeline, text) == ["Armed clash"]


def test_strike_on_someone_else_stays_its_own_event(pipeline):
    text = ("On 4 March 2022, rebels clashed with army soldiers near Zakho. Elsewhere in the district, "
            "army warplanes bombed a village, killing three civilians.")
    assert "Air/drone strike" in types(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # codebook 1.4: a strike met by armed fire, told in the next sentence, is one battle
    ("On 4 March 2022, militants fired mortars at an army base near Kaya. The soldiers fired back.", ["Armed clash"]),
    ("On 4 March 2022, rebels threw a grenade at a police post in Beni. The officers responded with gunfire.",
     ["Armed clash"]),
    # a toll of the strike's own victims is no fight of its own
    ("On 4 March 2022, a roadside bomb planted by militants hit an army truck near Kaya. One soldier was killed.",
     ["Remote explosive/landmine/IED"]),
    # "the clashes" names what the strike told before was part of
    ("On 4 March 2022, army jets bombed rebel positions near Zakho. Two soldiers were killed in the clashes.",
     ["Armed clash"]),
    # the other side's assault told beside the strike: "supported their troops by firing artillery"
    ("On 4 March 2022, rebel fighters attacked an army outpost near Loikaw. The army supported its troops by "
     "firing artillery rounds.", ["Armed clash"]),
])
def test_strike_and_fight_in_different_sentences(pipeline, text, expected):
    assert types(pipeline, text)[:1] == expected


def test_a_named_clash_beside_air_support_is_the_battle(pipeline):
    text = "On 4 March 2022, an army patrol, supported by helicopters, clashed with a smuggler's guards near Deir."
    assert types(pipeline, text) == ["Armed clash"]


@pytest.mark.parametrize("text, expected", [
    # who was hit decides (codebook 1.3): a force or its post is an armed target, people are civilians
    ("On 4 March 2022, rebels attacked a military convoy near Bunia.", "Armed clash"),
    ("On 4 March 2022, militants attacked an army outpost near Bunia.", "Armed clash"),
    ("On 4 March 2022, gunmen opened fire in the direction of army positions near Bunia.", "Armed clash"),
    ("On 4 March 2022, gunmen fired at two farm labourers near Bunia.", "Attack"),
    # a former policeman is a civilian (codebook 1.5: off-duty and former forces)
    ("On 4 March 2022, a former member of the national police was shot dead by gunmen in Herat.", "Attack"),
])
def test_armed_or_civilian_target(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    # demonstrators' destruction, told as a gerund, makes a riot (codebook 1.3: Violent demonstration)
    ("On 4 March 2022, students demonstrated against food shortages by burning down a dormitory in Gulu.",
     "Violent demonstration"),
    ("On 4 March 2022, residents blocked roads in Cariacica by setting tyres and debris on fire to protest a "
     "police raid.", "Violent demonstration"),
    # damage the demonstrators complain of, or violence the text denies, is no riot
    ("On 4 March 2022, dozens of residents protested outside the power company in Maracaibo. Demonstrators said "
     "the blackouts had damaged their appliances.", "Peaceful protest"),
    ("On 4 March 2022, about 200 people rallied in Lyon to support those arrested after the 2021 riots.",
     "Peaceful protest"),
])
def test_riot_or_protest(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    # codebook 1.3: a crewed aircraft shot down is Shelling/artillery/missile attack; a drone, Disrupted weapons use
    ("On 4 March 2022, Ukrainian forces shot down a Russian Su-25 jet near Izium.", "Shelling/artillery/missile attack"),
    ("On 4 March 2022, Ukrainian air defence forces shot down two Russian drones over Kyiv.", "Disrupted weapons use"),
    # a cache a strike destroyed is the strike's target, not a cache seized
    ("On 4 March 2022, coalition air raids destroyed a Houthi weapons cache near Harad.", "Air/drone strike"),
])
def test_downed_aircraft_and_struck_caches(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    # grenades dropped from a drone are an air-to-ground attack; a grenade launcher fires from afar
    ("On 4 March 2022, rebels dropped two grenades from a drone on army trenches near Lobacheve.", "Air/drone strike"),
    ("On 4 March 2022, soldiers fired grenade launchers at rebel positions near Novolaspa.",
     "Shelling/artillery/missile attack"),
    # "suicide bomber" is a person, not an aircraft
    ("On 4 March 2022, a suicidal bomber detonated himself at a checkpoint in Beledweyne.", "Suicide bomb"),
    # control established after clashes: the capture outranks the fight told as its cause
    ("On 4 March 2022, following clashes with the army, rebel forces established control over Yampil.",
     "Non-state actor overtakes territory"),
])
def test_weapon_and_capture_named_by_meaning(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize("text, unexpected", [
    # a camp of demonstrators is no armed group's base
    ("On 4 March 2022, about 120 farmers set up a protest camp in the main square of Asuncion to demand land titles.",
     "Headquarters or base established"),
    # what someone is accused of is no act reported
    ("On 4 March 2022, villagers in Macuspana caught a man accused of rape and beat him.", "Sexual violence"),
    ("On 4 March 2022, students protested in Kadugli in solidarity with detainees accused of killing a police officer.",
     "Excessive force against protesters"),
    # "an intercepted attack" is an ambush, no weapon stopped
    ("On 4 March 2022, PDF fighters carried out an intercepted attack against an army column near Yinmarbin.",
     "Disrupted weapons use"),
])
def test_rare_types_not_read_into_other_acts(pipeline, text, unexpected):
    assert unexpected not in types(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # codebook 1.3: arrests at a demonstration are an intervention in it
    ("On 4 March 2022, police arrested at least 40 people at a Pride March in Istanbul.", "Protest with intervention"),
    # burning a person is violence against that person, not property destruction
    ("On 4 March 2022, two men set fire to a woman in Belem.", "Attack"),
    # a killing told with the flight it caused: the killing is the event
    ("On 4 March 2022, gunmen raided three villages in Kwande. Two persons were killed and thousands were displaced.",
     "Attack"),
])
def test_the_act_behind_the_outcome(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


def test_a_fight_told_as_what_came_before_is_background(pipeline):
    # the main clause reports the act; "after exchanging fire with" tells what preceded it
    text = "On 4 March 2022, soldiers killed a farmer in Kale after exchanging fire with local militia fighters."
    assert types(pipeline, text)[:1] == ["Attack"]


@pytest.mark.parametrize("text", [
    # a crowd's violence on a suspected thief is mob violence; his alleged theft is its ground, not the news
    "On 4 March 2022, a group of people attacked a man who allegedly stole a motorcycle in Handeni.",
    "On 4 March 2022, 22 villagers kidnapped and beat suspected cattle thieves in Gwanda.",
    # a crowd subject outweighs the police named as the owner of what it burned
    "On 4 March 2022, a number of youths burned two police vehicles in Bamako.",
])
def test_a_crowd_acting_is_mob_violence(pipeline, text):
    assert types(pipeline, text)[:1] == ["Mob violence"]


@pytest.mark.parametrize("text, expected", [
    # direct fire beside ranged weapons is an engagement (codebook 1.3: E/RV only "with no other engagement")
    ("On 4 March 2022, soldiers fired mortars and small arms at rebel positions near Chervonyi Yar.", "Armed clash"),
    ("On 4 March 2022, militants threw a grenade at a police checkpoint in Jowhar, followed by gunfire.", "Armed clash"),
    ("On 4 March 2022, a shelling exchange took place between army and rebel forces near Amiqa.", "Armed clash"),
    # the ground assault told beside the other side's air strikes is the battle
    ("On 4 March 2022, rebel fighters attacked army soldiers near Amadiya, in conjunction with airstrikes by the "
     "army.", "Armed clash"),
    ("On 4 March 2022, the army carried out artillery strikes and ground operations near Nara.", "Armed clash"),
    # a weapon doing the attacking is the strike itself
    ("On 4 March 2022, Russian drones attacked Ukrainian positions near Izium.", "Air/drone strike"),
    ("On 4 March 2022, rebels carried out a remote explosive attack on an army truck near Avasin.",
     "Remote explosive/landmine/IED"),
    # a toll of soldiers after an IED is the IED's, with the group's claim of responsibility
    ("On 4 March 2022, an IED planted by militants hit an army truck near Jowhar. One soldier was killed. "
     "The militants claimed responsibility.", "Remote explosive/landmine/IED"),
])
def test_engagement_beside_ranged_weapons(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


def test_a_capture_dated_years_back_describes_the_place(pipeline):
    text = ("On 4 March 2022, a tractor hit a landmine in the Agdam region in territory that was captured during "
            "the 2020 war.")
    assert types(pipeline, text)[:1] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text, expected", [
    # the target's words say armed or civilian (codebook 1.3, 1.5)
    ("On 4 March 2022, gunmen in a civilian car opened fire on the vehicle of a rebel commander near Al Bab.",
     "Armed clash"),
    ("On 4 March 2022, members of a Kaduna militia attacked a local defence militia on patrol in Manini.",
     "Armed clash"),
    ("On 4 March 2022, gunmen ambushed a bus carrying off-duty soldiers near Agadez.", "Attack"),
])
def test_who_was_hit_named_in_the_object(pipeline, text, expected):
    assert types(pipeline, text)[:1] == [expected]


@pytest.mark.parametrize("text", [
    # the crowd preventing others, or dispersing of itself, is no intervention against it
    "On 4 March 2022, a group of parents locked a school in Ladysmith and prevented teachers from entering it "
    "in a demonstration to demand more teachers.",
    "On 4 March 2022, residents staged a demonstration on the highway in Akcakale against power cuts. The group "
    "later dispersed peacefully.",
])
def test_the_crowds_own_acts_are_no_intervention(pipeline, text):
    assert types(pipeline, text)[:1] == ["Peaceful protest"]

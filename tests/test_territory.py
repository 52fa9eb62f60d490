"""territory.py: an admin area's middle from its country's outline and its towns."""
from __future__ import annotations

import pytest

from sitrep.gazetteer import territory


def test_cells_fill_a_square_and_leave_its_hole() -> None:
    square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]]
    hole = [[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 1.5], [0.5, 0.5]]
    full = set(territory.cells([square], step=0.5))
    assert len(full) == 16 and (0.25, 0.25) in full and (1.75, 1.75) in full
    holed = set(territory.cells([square, hole], step=0.5))
    assert len(holed) == 12 and (0.75, 0.75) not in holed


def test_centroid_is_area_weighted_and_crosses_the_date_line() -> None:
    lat, lon = territory.centroid([(10.0, 179.0), (10.0, -179.0)])
    assert lat == pytest.approx(10.0, abs=0.01) and abs(lon) == pytest.approx(180.0, abs=0.01)
    # A cell at 80 N covers less ground than one at the equator.
    assert territory.centroid([(0.0, 0.0), (80.0, 0.0)])[0] < 40.0


def test_admin1_centres_follow_territory_not_towns(monkeypatch: pytest.MonkeyPatch) -> None:
    # One 4x4 degree country; North's towns crowd its southern edge, South's sit further
    # south: North's territory still reaches the northern edge.
    outline = [[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]]
    monkeypatch.setattr(territory, "country_outlines", lambda: {"XX": [outline]})
    towns = [(2.2, 1.0), (2.2, 2.0), (2.2, 3.0), (0.5, 2.0)]
    areas = ["North", "North", "North", "South"]
    centres = territory.admin1_centres(towns, ["XX"] * 4, areas)
    assert centres[("XX", "North")][0] > 2.4  # north of its towns (2.2): its land runs to 4
    assert centres[("XX", "South")][0] < 1.4


def test_a_stray_town_does_not_drag_its_area(monkeypatch: pytest.MonkeyPatch) -> None:
    outline = [[0.0, 0.0], [10.0, 0.0], [10.0, 2.0], [0.0, 2.0], [0.0, 0.0]]
    monkeypatch.setattr(territory, "country_outlines", lambda: {"XX": [outline]})
    west = [(1.0, x / 10) for x in range(5, 30)]  # 25 towns of West in the west
    towns = west + [(1.0, 5.0), (1.0, 9.0)]  # one of East, and one filed under West far east
    areas = ["West"] * 25 + ["East", "West"]
    centres = territory.admin1_centres(towns, ["XX"] * 27, areas)
    assert centres[("XX", "West")][1] < 3.0

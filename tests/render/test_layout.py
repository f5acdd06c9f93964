"""Org-chart layout: trees per nation, stacked subordinates, staffs beside, free columns."""

from __future__ import annotations

from dataclasses import replace

from c2graph import load_model, load_model_data
from c2graph.render.layout import (
    ROW_GAP,
    LayoutMemo,
    LayoutStyle,
    layout_choices,
    panel_columns,
    scene_layout,
)
from c2graph.render.scene import build_scene
from c2graph.render.slots import H_GAP
from c2graph.render.trees import STACK_INDENT


def _model(nodes, links):
    return load_model_data(
        {
            "name": "t",
            "as_of": "2025",
            "phases": [{"id": "p", "name": "P"}],
            "nodes": [
                {"id": i, "name": i.upper(), "nation": nation, "kind": kind}
                for i, nation, kind in nodes
            ],
            "links": [{"from": a, "to": b, "relation": r} for a, b, r in links],
        }
    )


def _layout(nodes, links):
    return scene_layout(build_scene(_model(nodes, links)))


def _overlap(layout, a, b):
    (xa, ya), (wa, ha) = layout.positions[a], layout.sizes[a]
    (xb, yb), (wb, hb) = layout.positions[b], layout.sizes[b]
    return abs(xa - xb) * 2 < wa + wb and abs(ya - yb) * 2 < ha + hb


def test_a_row_is_an_echelon_and_nations_read_left_alliance_right():
    layout = _layout(
        [
            ("j1", "JP", "headquarters"),
            ("j2", "JP", "component"),
            ("body", "alliance", "coordination-body"),
            ("u1", "US", "headquarters"),
            ("u2", "US", "component"),
        ],
        [("j1", "j2", "command"), ("u1", "u2", "opcon"), ("j2", "body", "member")],
    )
    x = {n: p[0] for n, p in layout.positions.items()}
    y = {n: p[1] for n, p in layout.positions.items()}
    assert max(x["j1"], x["j2"]) < x["body"] < min(x["u1"], x["u2"])
    assert y["j1"] == y["u1"] and y["j2"] == y["u2"]
    pitch = max(layout.sizes[n][1] for n in ("j1", "j2", "u1", "u2")) + ROW_GAP
    assert y["j2"] - y["j1"] == pitch


def test_three_leaf_subordinates_are_stacked_in_an_indented_column():
    nodes = [("hq", "JP", "headquarters")] + [(f"u{i}", "JP", "unit") for i in range(3)]
    layout = _layout(nodes, [("hq", f"u{i}", "command") for i in range(3)])
    lefts = {layout.rect(f"u{i}")[0] for i in range(3)}
    assert len(lefts) == 1 and lefts == {layout.positions["hq"][0] + STACK_INDENT / 2}
    ys = [layout.positions[f"u{i}"][1] for i in range(3)]
    assert ys == sorted(ys) and ys[0] > layout.positions["hq"][1]
    # the trunk runs down from the commander, half the indent left of the stack
    assert {layout.buses[("hq", f"u{i}")][:2] for i in range(3)} == {
        ("stack", layout.positions["hq"][0])
    }


def test_two_leaves_sit_side_by_side_under_their_commander():
    nodes = [("hq", "JP", "headquarters"), ("a", "JP", "unit"), ("b", "JP", "unit")]
    layout = _layout(nodes, [("hq", "a", "command"), ("hq", "b", "command")])
    assert layout.positions["a"][1] == layout.positions["b"][1] > layout.positions["hq"][1]


def test_staffs_sit_in_a_column_beside_their_commander():
    nodes = [("dm", "JP", "political-authority"), ("s1", "JP", "staff"), ("s2", "JP", "staff")]
    nodes += [("hq", "JP", "headquarters")]
    links = [("dm", "s1", "command"), ("dm", "s2", "command"), ("dm", "hq", "command")]
    layout = _layout(nodes, links)
    dm, s1, s2 = (layout.positions[n] for n in ("dm", "s1", "s2"))
    assert s1[0] == s2[0] != dm[0] and s1[1] == dm[1] < s2[1]
    assert layout.buses[("dm", "s1")][0] == "e"  # no alliance column: staffs go right


def test_staff_without_a_superior_sits_beside_its_partner():
    nodes = [("sec", "US", "political-authority"), ("cj", "US", "staff")]
    nodes += [("cmd", "US", "headquarters")]
    layout = _layout(nodes, [("cj", "sec", "coordination"), ("sec", "cmd", "command")])
    assert layout.positions["cj"][1] == layout.positions["sec"][1]


def test_free_bodies_sit_near_their_partners_and_never_overlap(tiny):
    layout = scene_layout(build_scene(tiny, phase="armed-attack"))
    ids = list(layout.positions)
    assert not [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :] if _overlap(layout, a, b)]
    assert layout.positions["al-body"][1] > layout.positions["jp-pm"][1]


def test_panels_share_one_layout(tiny):
    layout = scene_layout(build_scene(tiny, phases=["peacetime", "armed-attack"]))
    assert set(layout.positions) == set(tiny.nodes)


def test_panel_grid_comes_nearest_a_slide():
    assert panel_columns(1, 900.0, 500.0) == 1
    assert panel_columns(3, 1200.0, 700.0) == 2
    assert panel_columns(3, 300.0, 900.0) == 3


def test_each_row_is_as_tall_as_the_tallest_box_on_it():
    tall = "joint-headquarters-of-the-self-defense-forces"
    layout = _layout(
        [(tall, "JP", "headquarters"), ("j2", "JP", "component"), ("j3", "JP", "component")],
        [(tall, "j2", "command"), ("j2", "j3", "opcon")],
    )
    y = {n: p[1] for n, p in layout.positions.items()}
    h = {n: s[1] for n, s in layout.sizes.items()}
    assert (h[tall], h["j2"], h["j3"]) == (54.0, 28.0, 28.0)
    assert y["j2"] - y[tall] == 54.0 / 2 + ROW_GAP + 28.0 / 2
    assert y["j3"] - y["j2"] == 28.0 + ROW_GAP  # not as far apart as the tall row


def test_from_two_leaves_a_style_stacks_them_beside_a_subtree():
    nodes = [(n, "JP", "component") for n in ("hq", "a", "b", "c", "d")]
    links = [("hq", "a", "command"), ("hq", "b", "command"), ("hq", "c", "command")]
    scene = build_scene(_model(nodes, [*links, ("c", "d", "command")]))
    row, stacked = scene_layout(scene), scene_layout(scene, LayoutStyle(stack_min=2))
    assert row.positions["a"][1] == row.positions["b"][1] == row.positions["c"][1]
    assert stacked.rect("a")[0] == stacked.rect("b")[0]
    assert stacked.positions["a"][1] < stacked.positions["b"][1]
    assert {stacked.buses[("hq", n)][0] for n in "ab"} == {"stack"}
    assert stacked.buses[("hq", "c")][0] == "row"


def test_two_middle_columns_are_each_as_wide_as_their_widest_body():
    model = load_model("models/us-japan-combined-command.yaml")
    scene = build_scene(model, phase="armed-attack")
    layout = scene_layout(scene, LayoutStyle(middle=2))
    columns: dict[float, list[tuple[float, float, float, float]]] = {}
    for node in scene.panels[0].nodes:
        if node.nation == "alliance":
            columns.setdefault(layout.positions[node.id][0], []).append(layout.rect(node.id))
    first, second = (columns[x] for x in sorted(columns))
    assert len(columns) == 2 and len(first) > 1 and len(second) > 1
    assert min(r[0] for r in second) - max(r[2] for r in first) == H_GAP


def test_styles_sharing_the_nations_strips_lay_out_as_each_alone():
    scene = build_scene(load_model("models/us-japan-combined-command.yaml"), phase="armed-attack")
    memo = LayoutMemo()
    styles = [replace(LayoutStyle(), **change) for change in layout_choices(scene)]
    shared = [scene_layout(scene, style, memo) for style in [LayoutStyle(), *styles]]
    assert shared == [scene_layout(scene, style) for style in [LayoutStyle(), *styles]]
    # one entry per (stack_min, wrap, members, compact): the middle-strip styles reuse one
    assert len(memo.nations) == len({(s.stack_min, s.wrap, s.members, s.compact) for s in styles})

"""Commands on large generated orders of battle: long lists cut with a count, a unit that
is not in the phase answered without an error."""

from __future__ import annotations

import json

import pytest

from c2graph.cli.main import main
from c2graph.synthetic import generate


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    path = tmp_path_factory.mktemp("large") / "m.json"
    path.write_text(json.dumps(generate(1000)), encoding="utf-8")
    return str(path)


def test_bottlenecks_text_cuts_long_lists_and_json_keeps_them(large, capsys):
    assert main(["bottlenecks", large]) == 0
    text = capsys.readouterr().out
    assert main(["bottlenecks", large, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    top = data["dominators"][0]
    assert (top["node"], len(top["units"])) == ("jp-0", 497)
    line = next(line for line in text.splitlines() if line.startswith("    jp-0 "))
    shown = ", ".join(top["units"][:20])
    assert line == f"    jp-0                  497  {shown}, … and 477 more (--json lists them all)"
    cut = [line for line in text.splitlines() if "more nodes (--json lists them all)" in line]
    families = [d["chains"] for d in data["dominators"]]
    rows = [families.count(f) for f in dict.fromkeys(families)]
    assert cut == [f"  … and {n - 60:,} more nodes (--json lists them all)" for n in rows if n > 60]
    assert len(cut) == 2


def test_path_to_a_unit_not_in_the_phase_says_so(large, capsys):
    assert main(["path", large, "al-bjocc"]) == 0
    assert capsys.readouterr().out.endswith(
        "direct superiors of al-bjocc (operational layer):\n  none\n\n"
        "warning: al-bjocc is not active in phase 'peacetime'\n"
    )
    assert main(["path", large, "al-bjocc", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["active"], data["paths"], data["commanders"]["superiors"]) == (False, [], [])
    assert main(["path", large, "al-bjocc", "--phase", "gray-zone", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["active"] is True

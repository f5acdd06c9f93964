"""The SVG safety check parses the diagram: text is never taken for markup, markup is refused."""

from __future__ import annotations

import pytest

from c2graph import RenderError, load_model
from c2graph.render.svginline import check_svg, inline_svg
from c2graph.report import build_report

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<script>alert(1)</script>", "the SVG holds a script element"),
        ("<foreignObject><div/></foreignObject>", "the SVG holds a foreignObject element"),
        ('<g onclick="x()"/>', "the SVG has an event handler (onclick on g)"),
        ('<g ONLOAD="x()"/>', "the SVG has an event handler (ONLOAD on g)"),
        ('<a xlink:href=" java\nscript:x()"/>', "the SVG links to an address that runs code (a)"),
        ('<a href="data:text/html,x"/>', "the SVG links to an address that runs code (a)"),
        (
            '<set attributeName="xlink:href" to="javascript:x()"/>',
            "the SVG sets an address by animation (set)",
        ),
    ],
)
def test_active_content_is_refused(body, message):
    with pytest.raises(RenderError) as err:
        check_svg(SVG.format(body))
    assert str(err.value) == message


def test_text_that_looks_like_markup_is_text():
    body = "<text>Status ongoing=true onload=x() &lt;script&gt;</text>"
    check_svg(SVG.format(body))
    assert inline_svg(SVG.format(body), "f0") == SVG.format(body)


def test_not_xml_is_refused():
    with pytest.raises(RenderError, match=r"^the SVG is not well-formed XML"):
        check_svg("<svg><g></svg>")


def test_links_within_the_diagram_are_kept_apart():
    body = '<g id="a"/><use xlink:href="#a"/><path clip-path="url(#a)"/>'
    assert inline_svg(SVG.format(body), "f2") == SVG.format(
        '<g id="f2-a"/><use xlink:href="#f2-a"/><path clip-path="url(#f2-a)"/>'
    )


def test_a_report_with_names_like_handlers(write_model):
    text = (
        'name: "Status ongoing=true"\nas_of: "2025"\nphases:\n  - {id: p, name: "onload=1"}\n'
        "nodes:\n  - {id: a, name: Status ongoing=true, nation: JP, kind: headquarters}\n"
        "  - {id: b, name: 'x onclick=\"y\"', nation: JP, kind: unit}\n"
        "links:\n  - {from: a, to: b, relation: opcon}\n"
    )
    report = build_report([load_model(write_model(text, "m.yaml"))], engine="auto")
    assert "Diagram not available" not in report.files["index.html"].decode()
    assert "Status ongoing=true" in report.files["index.html"].decode()

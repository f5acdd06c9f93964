"""The diagram gallery: every shipped model drawn in its standard views, with a README page,
and the sample report of all of them.

Regenerate everything with one command from the project root::

    python tools/gallery.py            # models/*.yaml -> diagrams/

Each model gets a peacetime view, an armed-attack view and a phase panel (peacetime |
gray zone | armed attack, or the first, middle and last phases of a model without those),
each as SVG with its DOT text beside it; ``diagrams/README.md`` shows them all.  The
report of every model together, as ``c2graph report models/*.yaml`` writes it, goes into
``diagrams/report/`` (:data:`REPORT_FOLDER`); the same models give the same bytes.

Example
-------
>>> from c2graph import load_model
>>> model = load_model("models/us-japan-2025.yaml")
>>> [view.name for view in gallery_views(model)]
['peacetime', 'armed-attack', 'panels']
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from c2graph import load_model
from c2graph.model import Model
from c2graph.outputs import write_atomic
from c2graph.render import dot_text, render_bytes
from c2graph.render.scene import SceneOptions
from c2graph.report import build_report

__all__ = [
    "REPORT_FOLDER",
    "GalleryView",
    "build_gallery",
    "gallery_views",
    "main",
    "view_dot",
    "view_stem",
    "write_sample_report",
]

#: The folder, inside the gallery, of the sample report of every model.
REPORT_FOLDER = "report"

_PANEL_PHASES = ("peacetime", "gray-zone", "armed-attack")


@dataclass(frozen=True)
class GalleryView:
    """One standard view of a model: a file-name part, a caption and the phases drawn."""

    name: str
    caption: str
    phases: tuple[str, ...]

    @property
    def options(self) -> SceneOptions:
        """The drawing options of the view: one phase, or phase panels.

        Examples
        --------
        >>> GalleryView("panels", "Phase panels", ("peacetime", "armed-attack")).options
        {'phases': ('peacetime', 'armed-attack')}
        """
        return {"phase": self.phases[0]} if len(self.phases) == 1 else {"phases": self.phases}


def gallery_views(model: Model) -> tuple[GalleryView, ...]:
    """Return the standard views of a model: peacetime, armed attack and a phase panel.

    Examples
    --------
    >>> from c2graph import load_model
    >>> [view.phases for view in gallery_views(load_model("models/us-rok-cfc.yaml"))]
    [('armistice',), ('wartime',), ('armistice', 'wartime')]
    """
    ids = model.phase_ids
    first = "peacetime" if "peacetime" in ids else ids[0]
    last = "armed-attack" if "armed-attack" in ids else ids[-1]
    views = [GalleryView(first, model.phase(first).name, (first,))]
    if last != first:
        views.append(GalleryView(last, model.phase(last).name, (last,)))
    panel = tuple(p for p in _PANEL_PHASES if p in ids)
    if len(panel) < 2:
        panel = tuple(dict.fromkeys((ids[0], ids[len(ids) // 2], ids[-1])))
    if len(panel) > 1:
        names = " | ".join(model.phase(p).name for p in panel)
        views.append(GalleryView("panels", f"Phase panels: {names}", panel))
    return tuple(views)


def view_stem(model_path: Path, view: GalleryView) -> str:
    """File name (without extension) of a view: ``<model file stem>--<view name>``.

    >>> view_stem(Path("models/us-japan-2025.yaml"), GalleryView("panels", "", ()))
    'us-japan-2025--panels'
    """
    return f"{model_path.stem}--{view.name}"


def view_dot(model: Model, view: GalleryView) -> str:
    """The DOT text of a view, exactly as the gallery writes it.

    Examples
    --------
    >>> from c2graph import load_model
    >>> model = load_model("models/us-rok-cfc.yaml")
    >>> view_dot(model, gallery_views(model)[0]).splitlines()[0]
    'digraph c2 {'
    """
    return dot_text(model, **view.options)


def write_sample_report(models: Sequence[Model], folder: Path) -> list[Path]:
    """Write the report of ``models`` into ``folder``, as ``c2graph report`` does, and
    remove the diagrams an earlier run left there that this report no longer has.

    Returns the files written, in the report's order.

    Raises
    ------
    OutputError
        The folder cannot be written, or holds an ``index.html``, ``report.md`` or
        ``explore.html`` that c2graph did not write.

    Examples
    --------
    >>> import tempfile
    >>> from c2graph import load_model
    >>> folder = Path(tempfile.mkdtemp()) / "report"
    >>> _ = (folder.mkdir(), (folder / "old.svg").write_text("<svg/>"))
    >>> [p.name for p in write_sample_report([load_model("models/us-rok-cfc.yaml")], folder)]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['index.html', 'report.md', 'explore.html', 'us-rok-cfc--armistice.svg',
     'us-rok-cfc--wartime.svg']
    >>> (folder / "old.svg").exists()
    False
    """
    report = build_report(models)
    written = report.write(folder)
    for stale in sorted(folder.glob("*.svg")):
        if stale.name not in report.files:
            stale.unlink()
    return written


def build_gallery(models: Path, out: Path, *, png: Path | None = None) -> list[Path]:
    """Render every ``*.yaml`` model of ``models`` into ``out``, write ``out/README.md``,
    then the sample report of all the models into ``out/report/``
    (:func:`write_sample_report`).

    SVGs are drawn by Graphviz when ``dot`` is installed, else by matplotlib; with ``png``
    given, PNG copies are written there too (for looking at them). Every file is made
    first, then written atomically. Returns the files written in ``out``: the views, the
    README, the report's files.

    Examples
    --------
    >>> import shutil, tempfile
    >>> models, out = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = shutil.copy("models/us-rok-cfc.yaml", models)
    >>> [p.relative_to(out).as_posix() for p in build_gallery(models, out)][5:8]
    ['us-rok-cfc--panels.svg', 'README.md', 'report/index.html']
    """
    files: dict[Path, str | bytes] = {}
    copies: dict[Path, bytes] = {}
    sections = []
    loaded = []
    for model_path in sorted(models.glob("*.yaml")):
        model = load_model(model_path)
        loaded.append(model)
        lines = [f"## {model.name}", "", f"`{model_path.as_posix()}` · as of {model.as_of}", ""]
        for view in gallery_views(model):
            stem = view_stem(model_path, view)
            files[out / f"{stem}.dot"] = view_dot(model, view)
            files[out / f"{stem}.svg"] = render_bytes(model, "svg", **view.options)
            if png is not None:
                copies[png / f"{stem}.png"] = render_bytes(model, "png", **view.options)
            lines += [
                f"### {view.caption}",
                "",
                f"![{model.name}: {view.caption}]({stem}.svg)",
                "",
                f"Graphviz source: [{stem}.dot]({stem}.dot)",
                "",
            ]
        sections.append("\n".join(lines))
    files[out / "README.md"] = _README_HEAD + "\n".join(sections)
    for path, data in (files | copies).items():
        write_atomic(path, data)
    return list(files) + write_sample_report(loaded, out / REPORT_FOLDER)


_README_HEAD = """\
# Diagram gallery

Command charts of every model in `models/`, drawn by c2graph: a peacetime view, an
armed-attack view and phase panels in a grid (links that switch between the shown phases
are highlighted). Bodies list their members; every link is routed around the boxes. Each
SVG has its Graphviz source (`.dot`) beside it: every box and route is placed in it, so any
Graphviz draws it as it is (`dot -Tsvg chart.dot`).

The report of all the models together, as `c2graph report models/*.yaml -o report`
writes it, is in [report/](report/index.html) ([Markdown](report/report.md),
[explorer](report/explore.html)).

Regenerate all of them from the project root (the test `tests/render/test_gallery.py`
fails when a committed DOT file is out of date):

    python tools/gallery.py

"""


def main(argv: Sequence[str] | None = None) -> int:
    """Command line of the gallery generator; returns an exit code."""
    parser = argparse.ArgumentParser(
        prog="python tools/gallery.py", description="Regenerate the diagram gallery."
    )
    parser.add_argument(
        "--models",
        type=Path,
        default=Path("models"),
        help="folder of model files (default: models)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("diagrams"), help="gallery folder (default: diagrams)"
    )
    parser.add_argument(
        "--png", type=Path, default=None, help="also write PNG copies into this folder"
    )
    args = parser.parse_args(argv)
    from c2graph.errors import C2GraphError

    try:
        written = build_gallery(args.models, args.out, png=args.png)
    except C2GraphError as exc:
        sys.stderr.write(f"gallery: error: {exc}\n")
        return exc.exit_code
    sys.stdout.write(f"{len(written)} files written to {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Encodings and themes shared by every figure: colours and symbols by value, light and dark.

A value always gets the same colour and symbol, whatever else is in the table: the values of
the schema's enumerations (``kind``, ``publisher_type``, ``date_precision``) by their place in
the schema, any other value by a checksum of its text. So a subset of the rows (only the
responses, only 2021-2025) is drawn in the styles of the whole table. Users may pass their own
maps, as with plotly.express's ``color_discrete_map`` and ``symbol_map``.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from timeline.schema import KINDS, PRECISIONS, PUBLISHER_TYPES

#: Okabe & Ito (2008) colour-blind-safe palette, yellow last (weakest on white).
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#F0E442",
)
#: Marker symbols, one per colour group (each has an ``-open`` variant).
SYMBOLS: tuple[str, ...] = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "pentagon",
    "hexagon",
    "star",
    "hourglass",
)
# black disappears on a dark background: values without a schema place never get it
_HASHED_COLOURS = tuple(c for c in OKABE_ITO if c != "#000000")
_ENUMS: dict[str, tuple[str, ...]] = {
    "kind": KINDS,
    "publisher_type": PUBLISHER_TYPES,
    "date_precision": PRECISIONS,
}
THEMES: tuple[str, ...] = ("auto", "light", "dark")


@dataclass(frozen=True)
class Theme:
    """The colours of one theme: a plotly template and the inks the figures draw with."""

    name: str
    template: str
    ink: str  # text
    muted: str  # the key and notes
    grid: str
    connector: str
    paper: str  # figure and plot background


_THEMES: dict[str, Theme] = {
    "light": Theme("light", "plotly_white", "#222222", "#555555", "#e5e5e5", "#666666", "#ffffff"),
    "dark": Theme("dark", "plotly_dark", "#e6e6e6", "#b3b3b3", "#3b3b3b", "#a6a6a6", "#111111"),
    # transparent, with mid-grey ink that reads on white and on a dark notebook alike; pages
    # written by write_html switch to "light" or "dark" by prefers-color-scheme
    "auto": Theme(
        "auto",
        "plotly_white",
        "#7a7a7a",
        "#7a7a7a",
        "rgba(128,128,128,0.28)",
        "#8c8c8c",
        "rgba(0,0,0,0)",
    ),
}


def theme(name: str) -> Theme:
    """Return the named theme, or raise ValueError naming the choices.

    >>> theme("dark").template
    'plotly_dark'
    """
    if name not in _THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {name!r}")
    return _THEMES[name]


def theme_layout(name: str) -> dict[str, object]:
    """Return the layout properties that put a figure in a theme (for plotly ``relayout``).

    >>> theme_layout("dark")["paper_bgcolor"]
    '#111111'
    """
    t = theme(name)
    return {
        "paper_bgcolor": t.paper,
        "plot_bgcolor": t.paper,
        "font.color": t.ink,
    }


def _slot(column: str, value: str, size: int) -> int:
    enum = _ENUMS.get(column)
    if enum is not None and value in enum:
        return enum.index(value) % size
    return zlib.crc32(value.encode("utf-8")) % size


def colour_of(column: str, value: str, overrides: Mapping[str, str] | None = None) -> str:
    """Return the colour of ``value`` in ``column``: the override, else a stable palette slot.

    >>> colour_of("kind", "response"), colour_of("kind", "response", {"response": "red"})
    ('#D55E00', 'red')
    """
    if overrides and value in overrides:
        return overrides[value]
    if column in _ENUMS and value in _ENUMS[column]:
        return OKABE_ITO[_slot(column, value, len(OKABE_ITO))]
    return _HASHED_COLOURS[_slot(column, value, len(_HASHED_COLOURS))]


def symbol_of(column: str, value: str, overrides: Mapping[str, str] | None = None) -> str:
    """Return the marker symbol of ``value`` in ``column`` (filled; ``-open`` is added for bounds).

    >>> symbol_of("kind", "event"), symbol_of("kind", "response")
    ('circle', 'square')
    """
    if overrides and value in overrides:
        return overrides[value].removesuffix("-open")
    return SYMBOLS[_slot(column, value, len(SYMBOLS))]


def order_of(
    column: str, values: list[str], orders: Mapping[str, list[str] | tuple[str, ...]] | None
) -> list[str]:
    """Return the distinct ``values`` in a stable order: the user's, the schema's, then sorted.

    >>> order_of("kind", ["response", "event", "x"], None)
    ['event', 'response', 'x']
    """
    present = dict.fromkeys(values)
    first = list((orders or {}).get(column, ())) + list(_ENUMS.get(column, ()))
    ordered = [v for v in dict.fromkeys(first) if v in present]
    return ordered + sorted(set(present) - set(ordered))


#: Shown (as an HTML output of its own, hidden) before a ``theme="auto"`` figure in a notebook:
#: the text of the figure in the next output takes JupyterLab's own ink, ``--jp-ui-font-color1``
#: (VS Code's, or the auto theme's mid-grey, elsewhere), and its grid JupyterLab's border
#: colour. CSS variables follow the theme as it changes, light or dark, with no script; plotly
#: sets colours as inline styles, which ``!important`` overrides. Hover labels and buttons keep
#: plotly's own colours (they draw their own backgrounds).
NOTEBOOK_CSS = """<style class="tl-auto-theme">
.jp-OutputArea-child:has(> .jp-OutputArea-output > style.tl-auto-theme) { display: none; }
.jp-OutputArea-child:has(> .jp-OutputArea-output > style.tl-auto-theme) + .jp-OutputArea-child
  .main-svg :is(.cartesianlayer, .infolayer) text {
  fill: var(--jp-ui-font-color1, var(--vscode-editor-foreground, #7a7a7a)) !important;
}
.jp-OutputArea-child:has(> .jp-OutputArea-output > style.tl-auto-theme) + .jp-OutputArea-child
  .main-svg .gridlayer path {
  stroke: var(--jp-border-color2, rgba(128, 128, 128, 0.28)) !important;
}
</style>"""


def show_in_notebook(fig: object) -> None:
    """Display an ``auto`` figure in IPython: the style above, then the figure as plotly shows it.

    Set as the figure's ``_ipython_display_`` by the figure builders, so a bare ``fig`` at the
    end of a cell (or ``display(fig)``) takes JupyterLab's light or dark ink.
    """
    # on use, in a notebook: importing timeline loads neither plotly nor IPython
    import plotly.graph_objects as go
    from IPython.display import display

    display({"text/html": NOTEBOOK_CSS}, raw=True)
    go.Figure._ipython_display_(fig)


def notebook_outputs(fig: object) -> tuple[dict[str, object], ...]:
    """The outputs (nbformat ``display_data``) of an ``auto`` figure: the style, the figure."""
    bundle = fig._repr_mimebundle_(include=None, exclude=None)  # type: ignore[attr-defined]
    return (
        {"output_type": "display_data", "data": {"text/html": NOTEBOOK_CSS}, "metadata": {}},
        {"output_type": "display_data", "data": bundle, "metadata": {}},
    )


def follow_notebook_theme(fig: object, name: str) -> object:
    """Give a figure of theme ``auto`` the notebook display above; return it."""
    if name == "auto":
        fig._ipython_display_ = lambda: show_in_notebook(fig)  # type: ignore[attr-defined]
    return fig

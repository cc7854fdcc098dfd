"""Views of an events table: figures, exports, the story page, highlighted documents, widgets.

Each module takes the table ``timeline.table.read_events`` returns: ``figures``
(``timeline_figure``, ``lag_figure``, ``perspective_figure``), ``export`` (HTML, PNG/SVG,
JSON, TimelineJS), ``story`` (the step-through page), ``highlight`` (a document with its date
mentions and evidence marked) and ``widgets`` (the notebook explorer). ``_style``, ``_layout``
and ``_dense`` are the figures' colours and symbols, layouts per width, and the dense view.
"""

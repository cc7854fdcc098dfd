"""English: dates (``dates``: words, cues; ``date_patterns``: regexes) and events (``events``)."""

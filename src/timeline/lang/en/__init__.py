"""English: the words, cues and patterns of English dates (``dates``, ``date_patterns``)."""

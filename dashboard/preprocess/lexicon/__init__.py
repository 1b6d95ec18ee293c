"""Word tables of the extraction, one table per module: verbs, organisations, places, markers, topics."""

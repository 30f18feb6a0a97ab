"""Render stage: the Corpus -> Markdown pages (strings) and open-data JSON."""

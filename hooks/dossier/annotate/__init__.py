"""Annotate stage: actor mentions, date expressions and name candidates in every text."""

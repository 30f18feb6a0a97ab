"""Parse stage: one seed text -> one Article (metadata with provenance, blocks, footnotes)."""

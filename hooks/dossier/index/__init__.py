"""Index stage: all articles -> one Corpus with sources, actors and events linked both ways."""

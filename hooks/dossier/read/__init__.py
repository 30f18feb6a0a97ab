"""Read stage: seed files and registry files from disk, checked and decoded, with line numbers."""

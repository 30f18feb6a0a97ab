"""Dossier's core: plain Python, no MkDocs import. One-way pipeline of frozen dataclasses
(`model.py`), one subpackage per stage:

- `read`: seed files and registries from disk, checked (bytes -> text, YAML with line numbers);
- `parse`: one text -> `Article` (title, date line, blocks, captions, notes, removed debris);
- `annotate`: actor mentions (transliteration, matching), date expressions, name candidates;
- `index`: all articles -> `Corpus` (sources, actors, events merged across articles);
- `render`: the corpus -> Markdown pages and open-data JSON;
- `publish`: the built site -> PDF, offline zip, plain-files export.

`check` is the contributor's command (`python -m dossier.check`).
"""

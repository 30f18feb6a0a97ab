"""Measure the dossier at scale on synthetic corpora of varied articles.

    python scripts/benchmark.py [--sizes 100,1000] [--runs 3] [--no-pdf] [--no-build] [--profile]

For each size N it writes a throw-away project with N articles recombined (with a fixed random
seed) from the paragraphs, sentences and notes of every text the repository holds (seeds/,
eval/, tests/fixtures/): dates, titles, outlets and registry names vary, so every page differs
and the usual actors recur. Then it prints, as the median of RUNS runs (a step whose first run
takes longer than --slow seconds runs once; the output says so):

- core: load_corpus + site.generate with the cache off, and its peak memory;
- the full `mkdocs build` (cache off) and a plain MkDocs build of the same generated Markdown
  (same theme, extensions and pages, no hooks), run in turn, with the ratio taken pair by pair;
- largest and median HTML page, search index size against the article text, site size;
- the PDF build at sizes up to --pdf-max, 100 (DOSSIER_PDF=1), time and peak memory (skip: --no-pdf);
- `make check` (python -m dossier.check) after one article changes, cache warm, and cold;
- one synthetic 1 MB article: parse, find names, find dates.

Peak memory is the largest resident set of a measured process (its rusage from wait4).
Timing belongs here, not in the tests. Run with `make benchmark`; the figures go into the
README's "Scale" section together with the machine they were taken on.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from dossier.annotate.actors import load_actors  # noqa: E402
from dossier.index.corpus import load_corpus, read_and_parse  # noqa: E402
from dossier.render.site import generate  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1758067200"}
COLD = {"DOSSIER_CACHE": "0"}
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
DATE_DE = re.compile(r"\b\d{1,2}\. (?:" + "|".join(MONTHS_DE) + r") (?:19|20)\d\d\b")
DATE_EN = re.compile(r"\b(?:" + "|".join(MONTHS_EN) + r") \d{1,2}, (?:19|20)\d\d\b")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")
OUTLETS = ["Beispielzeitung", "Morgenpost Minsk", "Baltic Review", "Nordkurier", "The Example Times",
           "Radio Beispiel", "Wiener Blatt", "Eastern Europe Monitor"]
AUTHORS = ["Erika Beispiel", "Max Muster", "Jane Roe", "John Doe", "Anna Probe", "Lena Test", ""]
NOTES_HEADING = {"de": "Anmerkungen:", "en": "Notes:"}


# --- the synthetic corpus ---------------------------------------------------------------

@dataclass
class Pool:
    """Material by language: paragraphs, sentences, headings, notes; the registry's person names."""

    paragraphs: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sentences: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    headings: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    notes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    names: list[list[str]] = field(default_factory=list)       # per person: display name + variants
    name_pattern: re.Pattern[str] | None = None


def build_pool() -> Pool:
    pool = Pool()
    texts = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "eval").rglob("*.txt")),
             *sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))]
    for file in texts:
        article, _ = read_and_parse(f"seeds/{file.name}", file.read_bytes())
        if article is None:
            continue
        lang = article.language.value or "en"
        for block in article.blocks:
            text = " ".join(block.text.split())
            if block.kind == "heading" and 3 < len(text) < 90:
                pool.headings[lang].append(text)
            elif block.kind in ("paragraph", "lead") and len(text) > 80:
                pool.paragraphs[lang].append(text)
                pool.sentences[lang] += [s for s in SENTENCE_END.split(text) if len(s) > 40]
        pool.notes[lang] += [" ".join(n.text.split()) for n in article.footnotes if n.text.strip()]
    actors, _ = load_actors(ROOT)
    for actor in actors:
        if actor.kind == "person":
            forms = sorted({actor.name, *(v.form for v in actor.variants)} - {""}, key=lambda f: (-len(f), f))
            pool.names.append([f for f in forms if " " in f] or forms)
    forms = sorted({f for names in pool.names for f in names}, key=lambda f: (-len(f), f))
    if forms:
        pool.name_pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")
    return pool


def _vary(text: str, rng: random.Random, pool: Pool, focus: list[list[str]]) -> str:
    """New dates for full dates; a registry person's name swapped for one of the focus persons."""
    text = DATE_DE.sub(lambda _: f"{rng.randint(1, 28)}. {rng.choice(MONTHS_DE)} {rng.randint(2018, 2025)}", text)
    text = DATE_EN.sub(lambda _: f"{rng.choice(MONTHS_EN)} {rng.randint(1, 28)}, {rng.randint(2018, 2025)}", text)
    if pool.name_pattern is not None and focus:
        text = pool.name_pattern.sub(lambda m: rng.choice(rng.choice(focus)) if rng.random() < 0.5 else m[0], text)
    return text


def synthetic_article(i: int, pool: Pool, rng: random.Random, target: int) -> str:
    langs = [lang for lang in pool.paragraphs if pool.paragraphs[lang]]
    lang = langs[i % len(langs)]
    # A few persons recur everywhere, most rarely (Zipf weights over the registry's persons).
    weights = [1 / (rank + 1) for rank in range(len(pool.names))]
    focus = rng.choices(pool.names, weights, k=3) if pool.names else []
    body: list[str] = []
    notes: list[str] = []
    size = 0
    while size < target:
        roll = rng.random()
        if roll < 0.15 and pool.headings[lang]:
            text = rng.choice(pool.headings[lang])
        elif roll < 0.45:
            text = " ".join(rng.sample(pool.sentences[lang], min(4, len(pool.sentences[lang]))))
        else:
            text = rng.choice(pool.paragraphs[lang])
        text = _vary(text, rng, pool, focus)
        if roll >= 0.15 and pool.notes[lang] and rng.random() < 0.25:
            notes.append(_vary(rng.choice(pool.notes[lang]), rng, pool, focus))
            text += f"[{len(notes)}]"
            size += len(notes[-1]) + 5
        body.append(text)
        size += len(text.encode("utf-8")) + 2
    lead = _vary(rng.choice(pool.sentences[lang]), rng, pool, focus)[:70].rsplit(" ", 1)[0]
    title = f"{lead} ({i + 1})".replace('"', "'")
    meta = [f'title: "{title}"', f"date: {rng.randint(2018, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"outlet: {rng.choice(OUTLETS)}", f"language: {lang}", f"url: https://example.org/{lang}/{i + 1}"]
    author = rng.choice(AUTHORS)
    if author:
        meta.insert(2, f"author: {author}")
    text = "---\n" + "\n".join(meta) + "\n---\n" + "\n\n".join(body) + "\n"
    if notes:
        items = "\n".join(f"{k}. {note}" for k, note in enumerate(notes, 1))
        text += f"\n{NOTES_HEADING.get(lang, 'Notes:')}\n{items}\n"
    return text


def make_project(folder: Path, n: int, pool: Pool, seed: int) -> Path:
    """A project like the repository (config, docs, hooks, overrides, registry) with n articles."""
    root = folder / f"project-{n}"
    root.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root)
    shutil.copytree(ROOT / "docs", root / "docs")
    for name in ("hooks", "overrides"):
        (root / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "seeds" / "registry", root / "seeds" / "registry")
    rng = random.Random(seed)
    for i in range(n):
        target = int(rng.lognormvariate(8.9, 0.5))         # median about 7 KB of text; a few long ones
        (root / "seeds" / f"bench-{i:05d}.txt").write_text(synthetic_article(i, pool, rng, target), encoding="utf-8")
    return root


def plain_project(root: Path) -> Path:
    """The generated Markdown and docs/ of `root` with the same mkdocs.yml minus the hooks."""
    plain = root.parent / f"{root.name}-plain"
    shutil.copytree(root / "docs", plain / "docs")
    (plain / "overrides").symlink_to(ROOT / "overrides")
    os.environ["DOSSIER_CACHE"] = "0"
    for item in generate(load_corpus(root)):
        target = plain / "docs" / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(item.content, encoding="utf-8")
    del os.environ["DOSSIER_CACHE"]
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^hooks:\n(?:  - .*\n)+", "", config, flags=re.M)
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return plain


# --- measuring ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    seconds: float          # wall clock
    peak_mb: float
    output: str
    cpu: float = 0.0        # user + system seconds of the process and its children


def run(cmd: list[str], cwd: Path, **env: str) -> Run:
    return _run(cmd, cwd, env, warnings_ok=False)


def run_check(cmd: list[str], cwd: Path, **env: str) -> Run:
    return _run(cmd, cwd, env, warnings_ok=True)


def _run(cmd: list[str], cwd: Path, env: dict[str, str], *, warnings_ok: bool) -> Run:
    """Run a command to its end; wall time and the peak resident memory of it and its children.
    With `warnings_ok`, the contributor check's exit 1 for warnings alone (a synthetic corpus
    has some: more dated passages than the timeline takes) is not a failure. Python keeps its
    bytecode cache as it does on a contributor's machine (a sandbox may switch it off)."""
    started = time.perf_counter()
    environment = {key: value for key, value in {**ENV, **env}.items() if key != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=environment, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    only_warnings = warnings_ok and proc.returncode == 1 and " 0 errors," in output
    if proc.returncode != 0 and not only_warnings:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{output[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, output, usage.ru_utime + usage.ru_stime)


def repeat(runs: int, slow: float, step: Callable[[int], Run]) -> list[Run]:
    """`runs` runs of `step(index)`, or one when the first is slower than `slow` seconds."""
    done = [step(0)]
    while len(done) < runs and done[0].seconds <= slow:
        done.append(step(len(done)))
    return done


def median(runs: list[Run], what: str = "seconds") -> float:
    return float(statistics.median(float(getattr(r, what)) for r in runs))


def spread(runs: list[Run]) -> str:
    """The runs' wall times and the median CPU time (on a loaded machine wall time is
    stretched by other processes; CPU time much less so)."""
    cpu = f"CPU {median(runs, 'cpu'):.1f} s"
    if len(runs) == 1:
        return f"(1 run, {cpu})"
    return f"(median of {len(runs)}: {', '.join(f'{r.seconds:.2f}' for r in runs)}; {cpu})"


CORE = """
import json, sys, time
from pathlib import Path
from dossier.index.corpus import load_corpus
from dossier.render.site import generate
started = time.perf_counter()
corpus = load_corpus(Path(sys.argv[1]))
middle = time.perf_counter()
files = generate(corpus)
done = time.perf_counter()
print(json.dumps({"corpus": middle - started, "generate": done - middle, "articles": len(corpus.articles),
                  "mentions": len(corpus.mentions), "events": len(corpus.events), "files": len(files)}))
"""


def mkdocs(project: Path, site: Path, **env: str) -> Run:
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], project, **env)


def kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def measure(root: Path, n: int, args: argparse.Namespace) -> None:
    text = sum(f.stat().st_size for f in (root / "seeds").glob("*.txt"))
    print(f"\n== {n} articles ({kb(text)} of seed text) ==", flush=True)
    core = repeat(args.runs, args.slow, lambda _: run([sys.executable, "-c", CORE, str(root)], root, **COLD))
    facts = json.loads(core[-1].output.strip().splitlines()[-1])
    print(f"core (load_corpus + generate, cache off): {median(core):.1f} s {spread(core)}, "
          f"peak {median(core, 'peak_mb'):.0f} MB; {facts['articles']} articles, {facts['mentions']} mentions, "
          f"{facts['events']} events, {facts['files']} generated files", flush=True)
    if args.profile:
        profile(root)
    if not args.no_build and n <= args.build_max:
        plain = plain_project(root)
        pairs: list[tuple[Run, Run]] = []
        while len(pairs) < args.runs:
            full = mkdocs(root, root.parent / "site-full", **COLD)
            bare = mkdocs(plain, root.parent / "site-plain")
            pairs.append((full, bare))
            if full.seconds > args.slow:
                break
        ratios = sorted(f.seconds / p.seconds for f, p in pairs)
        cpu_ratios = sorted(f.cpu / p.cpu for f, p in pairs)
        fulls, bares = [f for f, _ in pairs], [p for _, p in pairs]
        print(f"full mkdocs build (cache off): {median(fulls):.1f} s {spread(fulls)}, "
              f"peak {median(fulls, 'peak_mb'):.0f} MB", flush=True)
        print(f"plain MkDocs on the same Markdown: {median(bares):.1f} s {spread(bares)}, "
              f"peak {median(bares, 'peak_mb'):.0f} MB", flush=True)
        print(f"ratio full / plain (pair by pair): {statistics.median(ratios):.2f}x "
              f"(pairs: {', '.join(f'{r:.2f}' for r in ratios)}); by CPU time {statistics.median(cpu_ratios):.2f}x")
        site = root.parent / "site-full"
        pages = sorted((p.stat().st_size, p.relative_to(site).parent.as_posix()) for p in site.rglob("*.html"))
        index = site / "search" / "search_index.json"
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        print(f"HTML pages: {len(pages)}, largest {kb(pages[-1][0])} ({pages[-1][1]}/), "
              f"median {kb(statistics.median(s for s, _ in pages))}; site {kb(total)}")
        if index.is_file():
            entries = len(json.loads(index.read_text(encoding="utf-8")).get("docs", []))
            print(f"search index: {kb(index.stat().st_size)} ({index.stat().st_size / text:.1f}x the seed text), "
                  f"{entries} entries", flush=True)
        shutil.rmtree(plain)
        shutil.rmtree(root.parent / "site-plain", ignore_errors=True)
    if not args.no_pdf and n <= args.pdf_max:
        pdf = repeat(args.pdf_runs, 0, lambda i: mkdocs(root, root.parent / f"site-pdf{i}", DOSSIER_PDF="1", **COLD))
        file = root.parent / "site-pdf0" / "downloads" / "dossier.pdf"
        print(f"full build with PDF (DOSSIER_PDF=1): {median(pdf):.1f} s {spread(pdf)}, "
              f"peak {median(pdf, 'peak_mb'):.0f} MB; PDF {kb(file.stat().st_size) if file.is_file() else 'missing'}",
              flush=True)
    check = [sys.executable, "-m", "dossier.check", str(root)]
    cold = run_check(check, root, **COLD)
    run_check(check, root)                                    # fills the cache
    seeds = sorted((root / "seeds").glob("*.txt"))

    def changed(i: int, sentence: str = "Ein neuer Absatz Nummer {i} am Ende.") -> Run:
        seed = seeds[(i * 7919) % len(seeds)]
        letters = "".join("kmnprstvwz"[int(d)] for d in str(i))       # a word of its own per run
        seed.write_text(seed.read_text(encoding="utf-8") + "\n" + sentence.format(i=i, w=letters) + "\n",
                        encoding="utf-8")
        return run_check(check, root)

    changed(args.runs)            # the sentence's words are looked up once, then known
    warm = repeat(args.runs, args.slow, changed)
    print(f"make check after one article changed, cache warm: {median(warm):.2f} s {spread(warm)}, "
          f"peak {median(warm, 'peak_mb'):.0f} MB; cache off: {cold.seconds:.1f} s", flush=True)
    # A new name each time: its words were never looked up, so wordfreq loads its lists.
    fresh = repeat(args.runs, args.slow, lambda i: changed(
        i + 100, "Die Beobachterin Quil{w}a Zent{w}ova sprach in Minsk mit Herrn Vod{w}ak."))
    print(f"make check after one article changed with a name never seen: {median(fresh):.2f} s {spread(fresh)}",
          flush=True)


SCAN = """
import json, sys, time
from pathlib import Path
from dossier.index.corpus import read_and_parse
from dossier.index.events import find_event_mentions
from dossier.annotate.match import build_matcher
from dossier.annotate.mentions import find_mentions
from dossier.annotate.actors import load_actors
from dossier.annotate.namewords import LANGUAGES, zipf_frequency
matcher = build_matcher(load_actors(Path(sys.argv[2]))[0])
data = Path(sys.argv[1]).read_bytes()
# Set-up paid once per process, not per text: wordfreq loads its frequency list of each
# language at the first lookup (in a build, once for all articles, or not at all when the
# cache holds the words). Timed apart.
s0 = time.perf_counter()
for language in LANGUAGES:
    zipf_frequency("the", language)
setup = time.perf_counter() - s0
t0 = time.perf_counter()
article, diags = read_and_parse("seeds/big.txt", data)
t1 = time.perf_counter()
mentions = find_mentions(matcher, article)
t2 = time.perf_counter()
dated, _ = find_event_mentions(article, mentions)
t3 = time.perf_counter()
print(json.dumps({"parse": t1 - t0, "names": t2 - t1, "dates": t3 - t2, "setup": setup, "mentions": len(mentions),
                  "dated": len(dated), "errors": [d.message for d in diags if d.severity == "error"]}))
"""


def dense_notes(head: str, body: str, notes: int = 9_999) -> str:
    """The text's sentences as one paragraph with a note marker after each, and the notes list
    they point to (as many as a text may have), just under 1 MiB: the worst case for work per
    marker."""
    sentences = [s.strip() for s in SENTENCE_END.split(" ".join(body.split("\n\n")[:4000])) if s.strip()]
    listed = "".join(f"{n}. Quelle {n}, S. {n % 300 + 1}.\n" for n in range(1, notes + 1))
    room = (1024 * 1024 - len(head) - len(listed.encode("utf-8")) - 100) // notes - 8   # bytes per sentence
    cut = [s.encode("utf-8")[:room].decode("utf-8", "ignore").rsplit(" ", 1)[0] for s in sentences]
    marked = " ".join(f"{cut[n % len(cut)]}[{n + 1}]" for n in range(notes))
    return f"{head}\n---\n{marked}\n\nAnmerkungen\n\n{listed}"


def scan_one_megabyte(folder: Path, pool: Pool, args: argparse.Namespace) -> None:
    """One article just under the 1 MiB limit: as many paragraphs, and as one block (the same
    text without blank lines: one long paragraph, the worst case for any work that grows with
    the length of a single text), as one block of note markers, and after a long space run."""
    rng = random.Random(args.seed + 1)
    text = synthetic_article(0, pool, rng, 1_000_000)
    while len(text.encode("utf-8")) > 1024 * 1024:           # the seed limit is 1 MiB
        text = text[: int(len(text) * 0.98)].rsplit("\n", 1)[0] + "\n"
    head, body = text.split("\n---\n", 1)
    variants = {"paragraphs": text, "one block": f"{head}\n---\n" + " ".join(body.split("\n\n")) + "\n",
                "one block of 9,999 note markers": dense_notes(head, body),
                # a dateline, then half a megabyte of spaces: patterns with neighbouring space runs
                # (the dateline's, the edit-link residue's) were quadratic in such a run
                "a dateline and a run of 500,000 spaces": f"{head}\n---\nMINSK, 11.09.2025{' ' * 500_000}"
                + " ".join(body.split("\n\n"))[:400_000].rsplit(" ", 1)[0] + "\n"}
    big = folder / "big.txt"
    command = [sys.executable, "-c", SCAN, str(big), str(ROOT)]
    for label, content in variants.items():
        big.write_text(content, encoding="utf-8")
        runs = repeat(args.runs, args.slow, lambda _: run(command, folder))
        figures = [json.loads(r.output.strip().splitlines()[-1]) for r in runs]
        parts = {k: statistics.median(f[k] for f in figures) for k in ("parse", "names", "dates")}
        setup = statistics.median(f["setup"] for f in figures)
        errors = "; ".join(figures[0]["errors"])
        print(f"\n== one {kb(big.stat().st_size)} article scanned ({label}) ==\nparse {parts['parse']:.2f} s, "
              f"names {parts['names']:.2f} s, dates {parts['dates']:.2f} s, total {sum(parts.values()):.2f} s "
              f"({f'medians of {len(runs)}' if len(runs) > 1 else '1 run'}; "
              f"whole processes with imports, registry and matcher: "
              f"{', '.join(f'{r.seconds:.2f}' for r in runs)} s); "
              f"{figures[0]['mentions']} mentions, {figures[0]['dated']} dated passages; "
              f"before it, once per process: word-frequency lists {setup:.2f} s"
              f"{', errors: ' + errors if errors else ''}", flush=True)


def profile(root: Path, top: int = 12) -> None:
    """Where the core spends its time, by module of the core (own time) and by function."""
    os.environ["DOSSIER_CACHE"] = "0"
    profiler = cProfile.Profile()
    profiler.enable()
    generate(load_corpus(root))
    profiler.disable()
    del os.environ["DOSSIER_CACHE"]
    stats = pstats.Stats(profiler)
    by_module: dict[str, float] = defaultdict(float)
    entries = stats.stats  # type: ignore[attr-defined]
    for (file, _, _), (_, _, own, _, _) in entries.items():
        if "/dossier/" in file:
            name = Path(file).stem
        else:
            name = file.split("site-packages/")[-1].split("/")[0] if "site-packages" in file else "python, builtins"
        by_module[name] += own
    total = sum(by_module.values())
    print(f"profile (cProfile, own time by module, total {total:.1f} s under the profiler):")
    for name, own in sorted(by_module.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {name:28s} {own:6.1f} s  {100 * own / total:4.0f} %")
    print("top functions by cumulative time:")
    rows = sorted(entries.items(), key=lambda kv: -kv[1][3])
    shown = 0
    for (file, line, func), (_, calls, _, cumulative, _) in rows:
        if "/dossier/" in file and shown < top:
            print(f"  {Path(file).stem}.{func} (line {line}): {cumulative:.1f} s, {calls} calls")
            shown += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (default 100,1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure, the median is printed (default 3)")
    parser.add_argument("--pdf-runs", type=int, default=1, help="runs of the PDF build (default 1: it is slow)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF build")
    parser.add_argument("--pdf-max", type=int, default=100,
                        help="PDF only at sizes up to this (default 100: at 1,000 it passed 8 GB)")
    parser.add_argument("--no-build", action="store_true", help="skip the mkdocs builds (core, check, scan only)")
    parser.add_argument("--build-max", type=int, default=100_000, help="no mkdocs builds above this size")
    parser.add_argument("--no-scan", action="store_true", help="skip the 1 MB article")
    parser.add_argument("--scan-only", action="store_true", help="only the 1 MB article, no corpora")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary of the core per size")
    parser.add_argument("--slow", type=float, default=120, help="a step slower than this (s) runs once")
    parser.add_argument("--seed", type=int, default=2025, help="random seed of the synthetic corpus")
    parser.add_argument("--keep", type=Path, help="write the projects here and keep them")
    args = parser.parse_args()
    args.sizes = [] if args.scan_only else sorted(int(s) for s in args.sizes.split(","))
    print(f"machine: {os.cpu_count()} cores, {_memory_gib():.0f} GiB, Python {platform.python_version()}, "
          f"{platform.system()} {platform.machine()}; seed {args.seed}", flush=True)
    pool = build_pool()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    try:
        for n in args.sizes:
            shutil.rmtree(folder / f"size-{n}", ignore_errors=True)
            root = make_project(folder / f"size-{n}", n, pool, args.seed)
            measure(root, n, args)
            if not args.keep:
                shutil.rmtree(folder / f"size-{n}")
        if not args.no_scan:
            scan_one_megabyte(folder, pool, args)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def _memory_gib() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024 ** 3
    except (ValueError, OSError):
        return 0.0


if __name__ == "__main__":
    main()

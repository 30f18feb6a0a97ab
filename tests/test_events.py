"""Events over the real seeds and a contributor's article: merged, dated, linked, on the timeline."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema

from conftest import ROOT, Build, make_project, run_build


def events(build: Build) -> dict[str, Any]:
    data = json.loads((build.site / "data" / "events.json").read_text(encoding="utf-8"))
    return {e["id"]: e for e in data}


def articles_of(event: dict[str, Any]) -> set[str]:
    return {m["article"] for m in event["mentions"]}


BOTH = {"000_150b3505b4883b8c", "004_b82fb9a90bbfc716"}


def test_events_json_matches_schema(real_build: Build) -> None:
    data = json.loads((real_build.site / "data" / "events.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((ROOT / "schemas" / "events.schema.json").read_text(encoding="utf-8")))


def test_the_same_event_from_both_seeds_is_one_event(real_build: Build) -> None:
    found = events(real_build)
    release = found["freilassung-tichanowski-2025-06"]
    assert (release["date"], release["precision"]) == ("2025-06-21", "day") and articles_of(release) >= BOTH
    meeting = found["treffen-kellogg-lukaschenko-2025-06"]
    assert (meeting["date"], meeting["precision"]) == ("2025-06-20", "day") and articles_of(meeting) >= BOTH
    citizen = found["freilassung-us-buergerin-2025-01"]
    assert citizen["date"] == "2025-01-26" and articles_of(citizen) >= BOTH
    words = {(m["article"], m["words"]) for m in citizen["mentions"]}
    assert ("000_150b3505b4883b8c", "eine Woche später") in words and ("004_b82fb9a90bbfc716", "26. Januar") in words


def test_trump_kim_meetings_and_sapad_have_their_dates_and_precision(real_build: Build) -> None:
    found = events(real_build)
    assert (found["gipfel-trump-kim-singapur-2018"]["date"], found["gipfel-trump-kim-singapur-2018"]["precision"]) \
        == ("2018-06-12", "day")
    hanoi = found["gipfel-trump-kim-hanoi-2019"]
    assert (hanoi["date"], hanoi["end"], hanoi["precision"]) == ("2019-02-27", "2019-02-28", "range")
    assert [m["words"] for m in hanoi["mentions"]] == ["27. und 28. Februar 2019"]
    assert found["treffen-trump-kim-panmunjom-2019"]["date"] == "2019-06-30"
    sapad = found["sapad-2025"]
    assert (sapad["date"], sapad["end"], sapad["precision"]) == ("2025-09-12", "2025-09-16", "range")
    assert {"am Dienstag", "2025"} <= {m["words"] for m in sapad["mentions"]}


def test_seed_chronik_holds_events_not_citations_years_or_word_windows(real_build: Build) -> None:
    found = events(real_build)
    registry = (ROOT / "seeds" / "registry" / "events.yml").read_text(encoding="utf-8")
    for event_id in re.findall(r"^- id: (\S+)", registry, re.MULTILINE):
        assert found[event_id]["curated"] and found[event_id]["mentions"], event_id   # every curated event stays
    for event in (e for e in found.values() if not e["curated"]):
        assert "…" not in event["title"] and event["url"].startswith("chronik/#")
        assert event["actors"]                                               # someone takes part
        for m in event["mentions"]:
            assert not m["part"].startswith("note-")                         # no citation date
            assert m["precision"] not in ("year", "decade", "since")         # no bare year
            span = dt.date.fromisoformat(m["last"]) - dt.date.fromisoformat(m["date"])
            assert span <= dt.timedelta(days=92)                              # no coarser than a season
    timeline = real_build.page("chronik")
    assert "27.–28. Februar 2019" in timeline and "ereignisse/datiert-" not in timeline
    assert not list((real_build.site / "ereignisse").glob("datiert-*"))


def test_bare_years_in_running_text_are_not_links(real_build: Build) -> None:
    for article in BOTH:
        page = real_build.page(f"artikel/{article}")
        linked = re.findall(r'<a [^>]*href="[^"]*(?:ereignisse|chronik)[^"]*"[^>]*>([^<]*)</a>', page)
        assert linked and not [w for w in linked if re.fullmatch(r"(?:im Jahr |in |seit )?\d{4}", w.strip())]


def test_actor_pages_show_whole_dates(real_build: Build) -> None:
    page = real_build.page("akteure/keith-kellogg")
    section = page.split('class="dossier-events"')[1].split("</div>")[0]
    assert "<ol" not in section and "20. Juni 2025: <a" in section


def test_pages_link_dates_events_and_actors(real_build: Build) -> None:
    page = real_build.page("artikel/004_b82fb9a90bbfc716")
    assert 'href="../../ereignisse/freilassung-tichanowski-2025-06/"' in page
    event = real_build.page("ereignisse/freilassung-tichanowski-2025-06")
    # both seeds report it; articles added later may report it too
    reported = re.search(r"Berichte? in (\d+) Quellen", event)
    assert reported and int(reported.group(1)) >= 2 and "21. Juni 2025" in event
    assert 'href="../../artikel/004_b82fb9a90bbfc716/#zeile-10"' in event
    actor = real_build.page("akteure/sergej-tichanowski")
    assert 'href="../../ereignisse/freilassung-tichanowski-2025-06/"' in actor
    nav = real_build.page("quellen").split('<nav class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "Chronik" in nav


def test_the_events_folder_has_an_index_of_every_curated_event(real_build: Build) -> None:
    """/ereignisse/ was a 404 though every event page's address leads there."""
    page = real_build.page("ereignisse")
    curated = sorted(e["id"] for e in events(real_build).values() if e["curated"])
    assert curated
    linked = re.findall(r'<a href="([^"/]+)/">', page.split('<article')[1])
    assert sorted(linked) == curated, linked
    assert all((real_build.site / "ereignisse" / i / "index.html").exists() for i in linked)
    assert 'href="../chronik/"' in page
    assert 'href="../ereignisse/"' in real_build.page("chronik")


ENGLISH = """Belarus frees opposition figure
June 23, 2025
By Jane Doe
Washington welcomed the June 21, 2025 release of Siarhei Tsikhanouski by Aliaksandr Lukashenka.
He was freed after US envoy Keith Kellogg met Lukashenka in Minsk on June 20.
"""


def test_english_article_attaches_to_the_same_events(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"000_150b3505b4883b8c.txt": (ROOT / "seeds/000_150b3505b4883b8c.txt").read_bytes(),
                                   "en_release.txt": ENGLISH})
    build = run_build(root, tmp_path / "site")
    assert build.returncode == 0, build.log
    found = events(build)
    release = found["freilassung-tichanowski-2025-06"]
    assert articles_of(release) == {"000_150b3505b4883b8c", "en_release"}
    assert "June 21, 2025" in {m["words"] for m in release["mentions"]}
    assert "en_release" in articles_of(found["treffen-kellogg-lukaschenko-2025-06"])


def test_an_event_page_quotes_each_sentence_once_and_says_when_a_year_is_a_name(tmp_path: Path) -> None:
    """"Sapad 2025 … am Dienstag" stood twice (once per date), and "2025" of the name was given
    as the report's date."""
    from conftest import make_project
    from dossier.index.corpus import load_corpus
    from dossier.render.site import generate

    text = ("---\ntitle: Manöver\ndate: 2025-09-17\n---\nManöver\n\nPutin besuchte am Dienstag das Manöver "
            "Sapad 2025 in Belarus.\n\nDas Manöver Sapad 2025 endete ohne Zwischenfall.\n")
    root = make_project(tmp_path, {"a.txt": text})
    page = next(g.content for g in generate(load_corpus(root)) if g.path == "ereignisse/sapad-2025.md")
    reports = [line for line in page.splitlines() if line.startswith("- „")]
    assert len(reports) == 2, reports                           # two sentences, each once
    assert "**am Dienstag**" in reports[0] and "Daten: „am Dienstag“" in reports[0]
    assert "„2025“ im Namen „Sapad 2025“" in reports[1]
    assert "2 Berichte in 1 Quelle" in page

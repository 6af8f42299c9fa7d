"""How often the copy detector folds two different stories into one article (a false copy,
which loses the second story's events) and how often it misses a real copy (a wire story
retitled by another outlet, which only costs a duplicate source that the merge folds).

    .venv/bin/python bench/copies.py [--stories 400] [--seed 3] [--news-dev ../shared/eval/news-dev]

The corpus is built to share paragraphs: wire stories of different events (their own
town, day, toll and actor in the lead) followed by background paragraphs that many of them
repeat word for word, as agencies do; a third of the stories are also carried by another
outlet with a new headline, its own dateline and byline, and the last paragraphs cut.
Articles go through the same admission as `sitrep ingest` (store.intake.Intake) into a
scratch database, without extraction. With `--news-dev`, the real articles of that folder
are admitted too, and every pair folded as copies is listed for a reader to judge (the
set's cross-outlet clusters are different outlets' own stories, not wire copies)."""
from __future__ import annotations

import argparse
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from sitrep.records import Article
from sitrep.store.database import Store
from sitrep.store.intake import Intake

TOWNS = ["Gao", "Menaka", "Kidal", "Mopti", "Segou", "Timbuktu", "Djibo", "Dori", "Kaya", "Fada N'gourma", "Diffa", "Tillaberi",
         "Maiduguri", "Monguno", "Bama", "Damboa", "Goma", "Beni", "Bunia", "Butembo"]
ACTORS = ["Gunmen on motorbikes", "Suspected jihadists", "Fighters of an armed group", "Unidentified attackers", "Insurgents",
          "Militiamen", "Bandits"]
LEADS = [
    "{actor} attacked an army post in {town} on {day}, killing {dead} soldiers, security sources said.",
    "At least {dead} civilians were killed when {actor} raided a market in {town} on {day}, a local official told reporters.",
    "{actor} ambushed a supply convoy near {town} on {day}, and {dead} people died in the fighting that followed, the army said.",
    "An explosion at a checkpoint outside {town} on {day} killed {dead} people, according to the regional governor.",
]
SECOND = [
    "The attackers fled before reinforcements arrived, residents said.",
    "Several wounded were taken to the hospital in the regional capital.",
    "It was the deadliest attack in the area this month.",
    "Officials said the toll could rise as the search of the area went on.",
]
BACKGROUND = [
    "The country has been fighting an insurgency since 2012, when armed groups seized the north before a military intervention "
    "pushed them back; the violence has since spread to the centre and to neighbouring states, killing thousands of civilians "
    "and soldiers and forcing more than two million people from their homes.",
    "The ruling junta, which took power in a coup in 2020, has turned away from its former Western partners and expelled foreign "
    "troops, saying it would restore security on its own; analysts say attacks have grown more frequent and deadlier since then.",
    "Aid groups have warned that blockades imposed by armed groups on several towns have cut off food and medicine, and that "
    "schools across the region have closed because teachers and pupils fear for their lives.",
    "The United Nations peacekeeping mission, once one of the largest in the world, withdrew at the government's request, "
    "leaving bases that were quickly taken over by the army and, in some places, contested by armed groups.",
    "Human rights organisations have accused both the armed forces and the insurgents of killing civilians suspected of "
    "collaborating with the other side, allegations the government rejects.",
]
OUTLETS = ["Sahel Wire", "Regional Herald", "Morning Post", "Daily Monitor"]


def story(rng: random.Random, number: int) -> tuple[str, str]:
    """A wire story: (headline, body)."""
    town = rng.choice(TOWNS)
    day = (date(2024, 1, 1) + timedelta(days=rng.randrange(365))).strftime("%A")
    lead = rng.choice(LEADS).format(actor=rng.choice(ACTORS), town=town, day=day, dead=rng.randint(2, 60))
    lead = lead[0].upper() + lead[1:]
    body = [lead, rng.choice(SECOND), *rng.sample(BACKGROUND, rng.randint(3, 5))]
    return f"Attack near {town} kills many (story {number})", "\n\n".join(body)


def carried(rng: random.Random, headline: str, body: str, outlet: str) -> str:
    """Another outlet's copy: new headline, its own dateline and byline, the end cut."""
    paragraphs = body.split("\n\n")
    kept = paragraphs[: max(3, len(paragraphs) - rng.randint(0, 2))]
    kept[0] = f"({outlet}) - {kept[0]}"
    return "\n\n".join([f"{headline.split(' (')[0]}: what we know", f"By staff of {outlet}", *kept])


def corpus(stories: int, seed: int) -> list[tuple[Article, int]]:
    """Articles with the number of the story they tell."""
    rng = random.Random(seed)
    articles: list[tuple[Article, int]] = []
    leads: set[str] = set()
    for number in range(stories):
        headline, body = story(rng, number)
        while body.split("\n\n")[0] in leads:
            headline, body = story(rng, number)
        leads.add(body.split("\n\n")[0])
        articles.append((Article(id=f"story-{number}", text=f"{headline}\n\n{body}", outlet="Wire"), number))
        if number % 3 == 0:
            outlet = rng.choice(OUTLETS)
            articles.append((Article(id=f"story-{number}-{outlet}", text=carried(rng, headline, body, outlet), outlet=outlet), number))
    rng.shuffle(articles)
    return articles


def admit_all(articles: list[Article], folder: Path) -> dict[str, str]:
    """Every article through ingest's admission; the copies found, copy id → original id."""
    found: dict[str, str] = {}
    with Store(folder / "copies.duckdb") as store:
        intake = Intake()
        for article in articles:
            if intake.admit(store, article):
                store.add(article, [])
        for (copy_id, original) in store.con.execute("SELECT copy_id, article_id FROM article_copies").fetchall():
            found[copy_id] = original
    return found


def news_dev(folder: Path) -> list[Article]:
    return [Article(id=path.stem, text=path.read_text(encoding="utf-8")) for path in sorted((folder / "articles").glob("*.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=400)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--news-dev", type=Path)
    args = parser.parse_args()
    built = corpus(args.stories, args.seed)
    story_of = {article.id: number for article, number in built}
    with tempfile.TemporaryDirectory() as scratch:
        found = admit_all([article for article, _ in built], Path(scratch))
        real_copies = len(built) - len(set(story_of.values()))
        false = sum(story_of[copy] != story_of[original] for copy, original in found.items())
        true = len(found) - false
        print(f"shared-paragraph corpus: {len(built)} articles, {len(set(story_of.values()))} stories, {real_copies} real copies")
        print(f"  false copies {false} ({false / len(built):.1%} of articles); copies found {true} of {real_copies} ({true / max(real_copies, 1):.1%})")
        if args.news_dev:
            real = news_dev(args.news_dev)
            (Path(scratch) / "news-dev").mkdir()
            folded = admit_all(real, Path(scratch) / "news-dev")
            print(f"news-dev: {len(real)} articles, {len(folded)} folded as copies")
            for copy, original in sorted(folded.items()):
                print(f"  {copy} as a copy of {original}")


if __name__ == "__main__":
    main()

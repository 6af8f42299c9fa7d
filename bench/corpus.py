"""A reproducible benchmark corpus: news-like conflict articles of varied length, in our
own words, written as JSONL shards.

    .venv/bin/python bench/corpus.py OUT_FOLDER [--articles 3000] [--shards 12] [--seed 7]

Each article has a headline, a lead that tells an event (who, what, where, when, how many
dead), and from one to twenty further paragraphs drawn from reactions, background and
detail sentences, so lengths run from about 80 to 900 words."""
from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

PLACES = [("Idlib", "Syria"), ("Gao", "Mali"), ("Mogadishu", "Somalia"), ("Kharkiv", "Ukraine"), ("Maiduguri", "Nigeria"),
          ("El Fasher", "Sudan"), ("Mosul", "Iraq"), ("Taiz", "Yemen"), ("Goma", "DR Congo"), ("Kabul", "Afghanistan"),
          ("Mandalay", "Myanmar"), ("Culiacan", "Mexico"), ("Quetta", "Pakistan"), ("Arauca", "Colombia"), ("Menaka", "Mali")]
ACTORS = ["Russian forces", "Islamic State fighters", "Al-Shabaab militants", "JNIM fighters", "Boko Haram gunmen", "Sudanese troops",
          "Rapid Support Forces fighters", "Houthi rebels", "M23 rebels", "police officers", "unidentified gunmen", "army soldiers"]
LEADS = [
    "{actor} attacked a checkpoint in {place} on {day}, killing {dead} people, officials said.",
    "{actor} fired rockets at {place} on {day}, killing {dead} civilians and wounding {hurt}, local authorities said.",
    "At least {dead} people were killed when {actor} stormed a market in {place} on {day}, witnesses said.",
    "An air strike on {place} on {day} killed {dead} fighters, a military spokesman said.",
    "{actor} clashed with government troops near {place} on {day}, leaving {dead} combatants dead.",
    "Police arrested {dead} suspected militants in raids across {place} on {day}, the interior ministry said.",
    "Thousands of people protested in {place} on {day} against rising prices, and police fired tear gas.",
]
DETAILS = [
    "Residents said the fighting lasted several hours and that many families fled towards nearby villages.",
    "The regional governor called for calm and promised that those responsible would be found.",
    "Hospitals in the area appealed for blood donations as the wounded were brought in by car and motorbike.",
    "No group has yet claimed responsibility for the attack, which came after weeks of rising tension.",
    "The United Nations said it was deeply concerned by the violence and urged all sides to protect civilians.",
    "Aid agencies warned that the roads out of the town were no longer safe for convoys carrying food.",
    "A local official, speaking on condition of anonymity, said the death toll could rise.",
    "Schools and shops stayed closed the following morning as patrols moved through the streets.",
    "The region has seen repeated attacks since armed groups expanded their operations two years ago.",
    "Analysts said the violence showed how fragile the ceasefire agreed last spring had become.",
    "Video shared on social media showed smoke rising above the centre of the town.",
    "The government said reinforcements had been sent and that the situation was under control.",
]


def article(rng: random.Random, number: int) -> dict[str, object]:
    place, country = rng.choice(PLACES)
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(365))
    lead = rng.choice(LEADS).format(actor=rng.choice(ACTORS), place=place, day=published.strftime("%A"), dead=rng.randint(2, 40), hurt=rng.randint(3, 60))
    lead = lead[0].upper() + lead[1:]
    paragraphs = [lead, *(" ".join(rng.sample(DETAILS, rng.randint(1, 3))) for _ in range(rng.randint(1, 20)))]
    title = f"Violence in {place}, {country}"
    return {"id": f"bench-{number:06d}", "title": title, "published": published.isoformat(), "outlet": f"Outlet {number % 40}",
            "text": "\n\n".join([title, *paragraphs])}


def write(folder: Path, articles: int, shards: int = 12, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"shard-{n:03d}.jsonl" for n in range(shards)]
    handles = [p.open("w", encoding="utf-8") for p in paths]
    for number in range(articles):
        handles[number % shards].write(json.dumps(article(rng, number)) + "\n")
    for handle in handles:
        handle.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--shards", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write(args.out, args.articles, args.shards, args.seed)
    print(f"{args.articles} articles in {len(paths)} shards under {args.out}")


if __name__ == "__main__":
    main()

"""The language of an article's text, offline (py3langid's bundled model), so that a
story in French is stored and marked rather than run through English extraction.

The model knows 97 languages; among them are creoles close to English (Nigerian Pidgin
took "Gunmen killed five villagers in Plateau State" for its own), so only the languages
in data/languages.csv, those most news about conflict is written in, are candidates."""
from __future__ import annotations

from functools import cache

from py3langid import langid

from sitrep.data import load_table

SAMPLE_CHARACTERS = 3000
MIN_CHARACTERS = 40


@cache
def _identifier() -> langid.LanguageIdentifier:
    identifier = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)
    identifier.set_languages([row["code"] for row in load_table("languages.csv")])
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARACTERS]
    if len(sample.strip()) < MIN_CHARACTERS:
        return None
    language, _ = _identifier().classify(sample)
    return str(language)

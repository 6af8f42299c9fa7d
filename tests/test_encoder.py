"""The fine-tuned role encoder (extraction/encoder.py), run from its ONNX file."""
from __future__ import annotations

import itertools

from sitrep.extraction.encoder import (
    MAX_PIECES,
    STRIDE,
    encoder_fillers,
    span_probability,
    windows,
    word_probabilities,
)

RAID = ("armed men of the people's revolutionary army set off a car bomb outside the offices of the electoral "
        "council in the capital last night, killing the night watchman pedro alvarado and wounding two passers-by.")


def test_windows_cover_every_piece_and_overlap() -> None:
    assert list(windows(10)) == [(0, 10)]
    spans = list(windows(600))
    assert spans[0] == (0, MAX_PIECES - 2) and spans[-1][1] == 600
    assert all(b[0] - a[0] == STRIDE for a, b in itertools.pairwise(spans))
    assert list(windows(0)) == [(0, 0)]


def test_words_are_whole_words_with_offsets() -> None:
    words = word_probabilities(RAID)
    assert [RAID[start:end] for start, end, _ in words][:4] == ["armed", "men", "of", "the"]
    assert all(abs(float(row.sum()) - 1.0) < 1e-4 for _, _, row in words)


def test_the_encoder_reads_who_did_what_to_whom() -> None:
    words = word_probabilities(RAID)
    fillers = {(f.role, f.text) for f in encoder_fillers(words, RAID, 0.5)}
    assert ("victim", "pedro alvarado") in fillers
    assert ("weapon", "car bomb") in fillers
    assert ("target", "offices of the electoral council") in fillers
    assert any(role == "perpetrator" and text.startswith("armed men") for role, text in fillers)
    start = RAID.index("pedro alvarado")
    assert span_probability(words, "victim", start, start + len("pedro alvarado")) > 0.5
    assert span_probability(words, "weapon", start, start + len("pedro alvarado")) < 0.1


def test_a_text_with_no_incident_gives_no_encoder_filler() -> None:
    text = "the finance minister told parliament yesterday that coffee exports rose by nine percent this year."
    assert encoder_fillers(word_probabilities(text), text, 0.5) == []


def test_whole_document_roles_join_both_models() -> None:
    from sitrep import nlp
    from sitrep.extraction.roles import document_roles

    roles = {(f.role, f.text) for f in document_roles(nlp.parse(RAID))}
    assert ("weapon", "car bomb") in roles and ("target", "offices of the electoral council") in roles
    assert any(role == "victim" and text.endswith("pedro alvarado") for role, text in roles)

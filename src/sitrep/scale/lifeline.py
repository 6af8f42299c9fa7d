"""Worker processes die with the `sitrep run` that started them: a run killed with
SIGKILL cannot close its LocalCluster, and its nannies and workers would otherwise wait on
a scheduler that is gone. Loaded by Dask as a preload of each nanny and worker
(`dask_setup`), it ends the process once its parent has gone."""
from __future__ import annotations

import os
import threading
import time

CHECK_SECONDS = 0.5


def dask_setup(_: object) -> None:
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True, name="sitrep-lifeline").start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(CHECK_SECONDS)
    os._exit(1)

"""WeasyPrint in a child process that is replaced after N renders or past a memory limit.

A long-lived process grows with each render; the worker itself stays small because the
growth happens in a child that does not live long. A child that dies (killed, out of
memory) breaks its pool: the render is tried once more in a fresh one.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from django.conf import settings

from .pdf import RenderedPdf, html_to_pdf

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
HEARTBEAT_SECONDS = 3.0
last_render_pid: int | None = None  # the process that made the last PDF (diagnostics)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the worker decides when its child stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_in_child(html: str) -> tuple[bytes, int, int, int]:
    """Runs in the child: the PDF, its page count, the child's peak memory (KB) and pid."""
    pdf = html_to_pdf(html)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return pdf.data, pdf.pages, peak, os.getpid()


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # spawn, not fork: the child starts clean, with no copy of the database connections.
        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            max_tasks_per_child=settings.PROFILE_RENDERS_PER_PROCESS,
            initializer=_ignore_interrupts,
        )
    return _pool


def replace_child() -> None:
    """Drop the render process; the next render starts a new one."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


def child_pids() -> list[int]:
    """The ids of the live render processes (for tests and diagnostics)."""
    return [] if _pool is None else list(_pool._processes or {})


def _once(html: str, heartbeat: Callable[[], None] | None) -> RenderedPdf:
    global last_render_pid
    future = _get_pool().submit(_render_in_child, html)
    while True:
        try:
            data, pages, peak_kb, last_render_pid = future.result(timeout=HEARTBEAT_SECONDS)
            break
        except FutureTimeout:
            if heartbeat is not None:
                heartbeat()  # still alive: a long render is not taken for a dead one
    if peak_kb / 1024 > settings.PROFILE_RENDER_MAX_MB:
        logger.info("Render process reached %d MB; replacing it", peak_kb // 1024)
        replace_child()
    return RenderedPdf(data, pages)


def isolated_html_to_pdf(html: str, heartbeat: Callable[[], None] | None = None) -> RenderedPdf:
    """html_to_pdf in the render process; a killed process is replaced and tried once more.

    `heartbeat` is called every few seconds while the child renders.
    """
    if not settings.PROFILE_RENDER_IN_CHILD:
        return html_to_pdf(html)
    with _lock:  # one render at a time per worker process, as the pool has one child
        try:
            return _once(html, heartbeat)
        except BrokenProcessPool:
            logger.warning("The render process died; retrying once in a new one")
            replace_child()
            return _once(html, heartbeat)

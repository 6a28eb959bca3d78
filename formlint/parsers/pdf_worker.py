"""Run a parse in a child process with an address-space cap and a wall-clock limit.

PDFium is C++: a hostile file can hang it, make it allocate without bound or
crash it outright. None of that may take formlint down, so the parse runs in a
forked child and the parent turns every way the child can fail into one of
formlint's typed errors. Nothing here is global: each call owns its child, so a
caller that already runs files in a process pool can use it unchanged.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import traceback
from collections.abc import Callable
from multiprocessing.context import BaseContext
from typing import Any

from formlint.errors import (
    CorruptDocument,
    ParseTimeout,
    ResourceLimitExceeded,
    UnreadableForm,
)

# Exceptions cross the pipe as (class name, message), because UnreadableForm's
# two-argument constructor does not survive pickling.
_ERRORS: dict[str, type[UnreadableForm]] = {}


def _register(*classes: type[UnreadableForm]) -> None:
    for cls in classes:
        _ERRORS[cls.__name__] = cls


def _all_unreadable() -> None:
    from formlint import errors

    for value in vars(errors).values():
        if isinstance(value, type) and issubclass(value, UnreadableForm):
            _register(value)


_all_unreadable()

# Signals PDFium's allocator uses when an allocation fails under the cap
# (PartitionAlloc's OOM path ends in an immediate crash, not a C++ exception).
_OOM_SIGNALS = {
    getattr(signal, name) for name in ("SIGTRAP", "SIGILL", "SIGABRT") if hasattr(signal, name)
}


def _context() -> BaseContext:
    # fork shares the already imported pypdfium2 and costs a few ms; spawn
    # (macOS/Windows default) re-imports everything but is the only safe choice there.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _address_space_now() -> int:
    """Bytes of virtual address space this process already maps (0 when unknown)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            pages = int(fh.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cap_memory(budget: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no RLIMIT_AS; the wall-clock limit still applies
        return
    # A forked child starts with the parent's mappings (interpreter, PDFium,
    # whatever the caller loaded), so the budget is on top of those: a bare
    # RLIMIT_AS of 1.5 GB would kill a child of a large parent before it reads a byte.
    limit = _address_space_now() + budget
    # ValueError: a lower hard limit is already in place, which is just as good.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _child(
    conn: multiprocessing.connection.Connection,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    memory_budget: int,
) -> None:
    # The parent reports a crash as CorruptDocument; a C-level traceback dump
    # from an inherited faulthandler would only add noise to formlint's output.
    faulthandler.disable()
    # A short-lived child: collecting would only touch (and copy) the parent's pages.
    gc.disable()
    _cap_memory(memory_budget)
    try:
        message: tuple[Any, ...] = ("ok", func(*args))
    except UnreadableForm as exc:
        message = ("error", type(exc).__name__, exc.message)
    except MemoryError:
        message = ("memory",)
    except RecursionError:
        message = ("error", "CorruptDocument", "the PDF's structure nests too deeply to read")
    except Exception as exc:
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        message = ("error", "CorruptDocument", f"the PDF reader failed: {detail}")
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("memory",))
    finally:
        conn.close()


def _describe_exit(code: int | None) -> str:
    if code is None or code >= 0:
        return f"exit status {code}"
    try:
        return f"signal {signal.Signals(-code).name}"
    except ValueError:
        return f"signal {-code}"


def run_isolated(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    *,
    path: str,
    seconds: float,
    memory_bytes: int,
    what: str = "PDF",
) -> Any:
    """``func(*args)`` in a child process; its result must pickle.

    Raises ParseTimeout after ``seconds``, ResourceLimitExceeded when the child
    runs out of its ``memory_bytes`` budget, CorruptDocument when it dies.
    """
    ctx: Any = _context()  # typeshed's BaseContext lacks Process; both real contexts have it
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, func, args, memory_bytes), daemon=True)
    proc.start()
    sender.close()  # so recv() sees EOF if the child dies without answering
    try:
        ready = multiprocessing.connection.wait([receiver, proc.sentinel], timeout=seconds)
        if not ready:
            raise ParseTimeout(
                path,
                f"reading the {what} took longer than {seconds:g} s; stopped "
                "(the file may be hostile or damaged)",
            )
        try:
            message = receiver.recv()
        except (EOFError, OSError):
            message = None
    finally:
        receiver.close()
        if proc.is_alive():
            proc.kill()
        proc.join()
    if message is None:
        code = proc.exitcode
        mb = memory_bytes // 2**20
        if code is not None and code < 0 and -code in _OOM_SIGNALS:
            raise ResourceLimitExceeded(
                path, f"the {what} reader ran out of its {mb} MB memory budget (or aborted) on this file"
            )
        how = _describe_exit(code)
        raise CorruptDocument(
            path, f"the {what} reader crashed on this file ({how}); the file is probably damaged"
        )
    if message[0] == "ok":
        return message[1]
    if message[0] == "memory":
        raise ResourceLimitExceeded(
            path, f"reading the {what} needed more than its {memory_bytes // 2**20} MB memory budget"
        )
    cls = _ERRORS.get(message[1], CorruptDocument)
    raise cls(path, message[2])

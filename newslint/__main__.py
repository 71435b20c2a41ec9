"""``python -m newslint`` and the ``newslint`` command.

Start-up imports a few hundred modules and builds tens of thousands of objects
that live as long as the run: the cyclic garbage collector, left on, walks them
again and again while finding nothing to free (about a tenth of a one-file
run). It is off while the command line loads, and what was loaded is then
frozen out of its reach (``gc.freeze``), as worker processes do before forking.
The methods ``dataclasses`` writes for newslint's records are compiled once and
kept between runs meanwhile (``newslint.codecache``).

At the end, freeing those objects one by one and tearing the modules down is
most of what the interpreter's exit costs (about 6 ms of a one-file run), for
memory the operating system takes back anyway. ``run`` (the command) exits
without it once the run is over: the exit handlers run, the standard streams
are flushed, then the process ends. It keeps Python's ordinary exit when there
is anything that exit would do differently: other threads still running,
worker processes (a parallel run), an exit message instead of a code, or a
stream that cannot be flushed (a closed pipe is then reported as usual).
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    """Load the command line with the collector paused, then run it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        from newslint import codecache

        with codecache.kept():
            from newslint.cli import main as command
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
    command()


def run() -> None:
    """The ``newslint`` command: ``main()``, then an exit without the interpreter's teardown."""
    try:
        main()
    except SystemExit as e:
        status = e.code
    else:
        status = 0
    if status is None:
        status = 0
    if not isinstance(status, int) or not quick_exit_is_safe():
        sys.exit(status)
    try:
        import atexit

        atexit._run_exitfuncs()  # what the exit would run first (the regex cache's save)
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except BaseException:  # noqa: BLE001 - reported by the ordinary exit, as without this
        sys.exit(status)
    os._exit(status)


def quick_exit_is_safe() -> bool:
    """Whether skipping the interpreter's teardown changes nothing but its cost."""
    if "multiprocessing" in sys.modules or "concurrent.futures" in sys.modules:
        return False  # a parallel run: its pools' own exit handling is left as it is
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


if __name__ == "__main__":
    run()

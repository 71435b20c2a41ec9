"""``python -m newslint`` and the ``newslint`` command.

Start-up imports a few hundred modules and builds tens of thousands of objects
that live as long as the run: the cyclic garbage collector, left on, walks them
again and again while finding nothing to free (about a tenth of a one-file
run). It is off while the command line loads, and what was loaded is then
frozen out of its reach (``gc.freeze``), as worker processes do before forking.
The methods ``dataclasses`` writes for newslint's records are compiled once and
kept between runs meanwhile (``newslint.codecache``).
"""

from __future__ import annotations

import gc


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


if __name__ == "__main__":
    main()

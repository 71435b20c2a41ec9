"""Long articles: the work done in pieces or by search gives what the whole-text work gave."""

from __future__ import annotations

import random

import newslint.engine  # noqa: F401 - loads the check kinds before the facts they import
from newslint import facts


def test_prose_folds_in_pieces_exactly_as_a_whole() -> None:
    rng = random.Random(7)
    # Characters that fold to several ("ß", "ﬃ", "İ"), the sigmas, an emoji, plain letters.
    alphabet = "aAßẞﬃΣσςİıǅ🙂 xyz"
    text = "".join(rng.choice(alphabet) for _ in range(facts.FOLD_PIECE * 3 + 17))
    assert facts.fold_in_pieces(text) == text.casefold()
    assert len(facts.fold_in_pieces(text)) > len(text)  # the expanding folds were met
    short = "Straße ﬃ"
    assert facts.fold_in_pieces(short) == short.casefold()

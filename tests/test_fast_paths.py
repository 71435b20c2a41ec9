"""The lint's fast paths give the answers of the plain ones they stand for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks import repeats

ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=40)
MIXED = st.text(alphabet=st.sampled_from(list("aZ09 _.,-:\t\n") + ["é", "²", "①", "０", "ß", "İ", "\u0301", "½", "’"]))


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(ASCII, MIXED), mask=st.booleans())
def test_words_key_is_the_character_by_character_key(text: str, mask: bool) -> None:
    assert repeats.words_key(text, mask) == repeats.plain_words_key(text, mask)


def test_words_key_of_every_ascii_character() -> None:
    for code in range(128):
        char = chr(code)
        for text in (char, f"a{char}0", f"1{char}{char}22", f"0{char} ", f"{char}x{char}"):
            for mask in (False, True):
                assert repeats.words_key(text, mask) == repeats.plain_words_key(text, mask), (text, mask)
    assert repeats.words_key("13:12 WIB", mask_digits=True) == "0 0 wib"
    assert repeats.words_key("NBC fired Kelly.") == repeats.words_key("NBC Fired  Kelly") == "nbc fired kelly"

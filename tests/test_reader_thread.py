"""markup/reader-thread and the test that a thread's header or notice opens the page's tail
only when the lines after it look like a thread (newslint/checks/blocks.py)."""

from __future__ import annotations

import pytest

from newslint import default_rules
from newslint.checks import blocks
from newslint.cli import main
from newslint.readers import read_string

ARTICLE = [
    "The company's two founders met at university in Arizona ten years ago and have built two companies since then.",
    "The company launched its project planning tool on Tuesday, with a free plan for teams of up to five people.",
    "The tool imports schedules from other software and lets managers change them during a meeting on the fly.",
    "The company has raised two million dollars from investors and plans to hire ten engineers this year.",
    "The market for such tools is large, analysts say, and crowded with rivals from the big software houses.",
]
THREAD = [
    "Looks nice, but I don't think it beats the old desktop software at all.",
    "Also, people still make Gantt charts??",
    "I'd like to see you manage a project with 160 people with this thing!",
    "lol, the design is so 1990s. I might check it out later anyway.",
    "my team needs resource planning, not charts :)",
]


def _rule(rule_id: str):
    return next(r for r in default_rules() if r.id == rule_id)


def _lines(paragraphs: list[str]) -> list[blocks.Line]:
    return blocks.lines_of(read_string("\n\n".join(paragraphs), "draft.txt", "text")[0])


def _thread(paragraphs: list[str]) -> list[tuple[int, str]]:
    compiled = _rule("markup/reader-thread").compiled_as(blocks.Compiled)
    assert compiled.terms is not None and compiled.address is not None
    return blocks.reader_threads(_lines(paragraphs), compiled.terms, compiled.address, compiled.reported, 4)


def test_a_thread_after_the_story_is_reported_from_its_first_post_to_the_end() -> None:
    found = _thread(ARTICLE + THREAD + ["Home | About | Contact"])
    assert [k for k, _ in found] == list(range(len(ARTICLE), len(ARTICLE) + len(THREAD) + 1))
    assert "in a reader's own voice" in found[0][1]


def test_the_same_lines_quoted_by_the_article_are_its_own() -> None:
    quoted = [f'"{line}" one user said.' for line in THREAD]
    assert _thread(ARTICLE + quoted) == []


def test_a_story_in_the_first_person_throughout_is_a_column() -> None:
    column = [f"I {text[0].lower()}{text[1:]}" for text in ARTICLE]
    assert _thread(column + THREAD) == []


def test_three_speaking_posts_are_too_few() -> None:
    assert _thread(ARTICLE + THREAD[:3]) == []


def test_an_interview_with_its_questions_on_lines_of_their_own_passes() -> None:
    answers = ["I wanted the money to be there first, and it was not there until this year.", *THREAD[2:4]]
    questions = ["Why did you wait so long?", "Will it open on time?", "And the clinic?"]
    interview = ARTICLE + [line for pair in zip(questions, answers, strict=True) for line in pair]
    assert _thread(interview) == []


def test_a_story_that_speaks_to_its_reader_goes_on_in_the_first_person() -> None:
    guide = [f"{text} You will see why below." for text in ARTICLE]
    assert _thread(ARTICLE + THREAD) != []
    assert _thread(guide + THREAD) == []


def test_a_short_lead_before_answers_in_the_first_person_is_an_interview_that_lost_its_questions() -> None:
    assert _thread(ARTICLE + THREAD) != []
    assert _thread(ARTICLE[:3] + THREAD) == []


def test_a_first_person_account_in_long_paragraphs_is_the_storys() -> None:
    account = [f"{text} {ARTICLE[1]} {ARTICLE[2]} {ARTICLE[3]}" for text in THREAD]
    assert _thread(ARTICLE + account) == []


def _tail(paragraphs: list[str]) -> list[int]:
    rule = _rule("markup/comment-thread")
    compiled = rule.compiled_as(blocks.Compiled)
    voice = blocks.Voice(compiled.terms, compiled.address, compiled.reported) if compiled.terms else None
    assert voice is not None
    found = blocks.tail_sections(_lines(paragraphs), compiled.labels, True, compiled.notice, None, voice)
    return [k for k, _ in found]


STORY = [
    "The council approved the budget for the northern district on Tuesday after a long debate in the chamber.",
    "The mayor said the budget would fund three schools and a clinic in the northern district next year.",
    "Opposition members of the council said the budget left the southern district with nothing at all.",
    "The northern district schools will open in March, the mayor told the council after the budget vote.",
    "The clinic in the northern district follows in the spring, once the council has hired its doctors.",
    "The council will vote on the budget for the southern district in the autumn, the mayor said.",
]


@pytest.mark.parametrize("trigger", ["Comments are closed.", "3 Comments", "Komentar ditutup."])
def test_a_notice_or_header_inside_the_story_leaves_the_story_alone(trigger: str) -> None:
    assert _tail(STORY[:2] + [trigger] + STORY[2:]) == []


def test_a_notice_with_posts_in_a_readers_voice_after_it_opens_the_tail() -> None:
    posts = [
        "I live in the northern district and I have never seen a clinic here in twenty years.",
        "Who is going to pay for the budget? You and me, as always!",
        "My kids will go to the new schools in the northern district, I am glad.",
        "The council wasted the budget again, in my view, and the mayor knows it.",
    ]
    assert _tail(STORY[:3] + ["Comments are closed."] + posts) == list(range(3, 8))


def test_a_notice_with_each_posts_stamp_after_it_opens_the_tail() -> None:
    posts = []
    for n, text in enumerate(STORY[3:6]):
        posts += [f"Posted on 04/1{n}/2011 01:5{n} PM", text]
    assert _tail(STORY[:3] + ["3 Comments"] + posts) == list(range(3, 3 + 1 + len(posts)))


PIECES = ["I think", "you", "said", '"I agree"', "lol", "@anna", ":)", "?", "!", "kata", "saya", "the mayor", "."]


def _speaks_in_the_plain_order(text: str, voice, address, reported) -> bool:
    """_speaks as first written: reported speech ruled out before the voice is sought."""
    text = blocks.trim_end(text).strip()
    if not text or text[:1] in blocks._QUOTE_OPENINGS or blocks._SPEAKER.match(text):
        return False
    if reported is not None and reported.search(text):
        return False
    bare = blocks._QUOTED_SPAN.sub(" ", text)
    if voice.search(bare) or blocks._POST_MARK.search(bare):
        return True
    return blocks._core(text)[-1:] in "?!" and address.search(bare) is not None


@pytest.mark.parametrize("seed", range(40))
def test_a_line_speaks_as_it_did_when_reported_speech_was_sought_first(seed: int) -> None:
    import random

    compiled = _rule("markup/reader-thread").compiled_as(blocks.Compiled)
    rng = random.Random(seed)
    for _ in range(50):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6)))
        args = (text, compiled.terms, compiled.address, compiled.reported)
        assert blocks._speaks(*args) == _speaks_in_the_plain_order(*args), text


def test_the_later_posts_are_read_only_while_enough_are_left_to_make_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real = blocks._speaks

    def spy(text: str, *args: object) -> bool:
        read.append(text)
        return real(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(blocks, "_speaks", spy)
    story = ARTICLE + ARTICLE[:4]  # nine posts, none speaking: the four after the first five cannot make four
    assert _thread(story) == []
    assert read == ARTICLE[:1]  # after the sixth post none spoke, and only three are left
    read.clear()
    # a thread at the end is read whole, and found as before
    found = _thread(ARTICLE + ARTICLE[:2] + THREAD)
    assert [k for k, _ in found] == list(range(len(ARTICLE) + 2, len(ARTICLE) + 2 + len(THREAD)))


# A Spanish story whose closing paragraphs say "mes" (month), the French "my", and no other
# word of a reader's voice: the Spanish article's own word, not a thread.
SPANISH_STORY = [
    "La cadena cerró noviembre como líder de audiencia, según los datos publicados este viernes por la consultora.",
    "Su informativo de la noche sumó una media de dos millones de espectadores cada día del periodo.",
    "El grupo rival cayó a su peor registro desde hace tres décadas, según los mismos datos.",
    "La dirección atribuye el resultado a los nuevos presentadores y a la renovación del plató.",
    "La consultora publica sus cifras el primer día hábil de cada periodo, como es habitual.",
]
SPANISH_MONTHS = [
    "En cuanto al mes de noviembre, la cadena es líder por vigésimo quinto mes consecutivo y prolonga su racha.",
    "Continúa con una ventaja de tres puntos, la mayor diferencia en un mes de noviembre desde 1995.",
    "También lidera el prime time por vigésimo octavo mes, a cinco puntos de su rival directo.",
    "Las temáticas del grupo suben seis décimas respecto al mismo mes del año pasado.",
    "El grupo cierra así su mejor mes de noviembre en cinco años.",
]


def _ordinary(language: str):
    compiled = _rule("markup/reader-thread").compiled_as(blocks.Compiled)
    return next(pattern for code, pattern in compiled.ordinary if code == language)


def _thread_in(paragraphs: list[str], language: str | None) -> list[tuple[int, str]]:
    compiled = _rule("markup/reader-thread").compiled_as(blocks.Compiled)
    assert compiled.terms is not None and compiled.address is not None
    ordinary = _ordinary(language) if language else None
    return blocks.reader_threads(
        _lines(paragraphs), compiled.terms, compiled.address, compiled.reported, 4, article=None, ordinary=ordinary
    )


def test_a_word_of_another_languages_voice_is_the_spanish_articles_own_word() -> None:
    # read with every language's words, "mes" is the French "my" and the closing paragraphs speak
    assert _thread_in(SPANISH_STORY + SPANISH_MONTHS, None) != []
    # in a Spanish article it is the month
    assert _thread_in(SPANISH_STORY + SPANISH_MONTHS, "es") == []


def test_a_spanish_thread_still_speaks_in_its_readers_own_words() -> None:
    posts = [
        "Yo la veo todas las noches y creo que el presentador nuevo es mucho mejor que el de antes.",
        "jajaja pues yo ya ni enciendo la tele, todo es lo mismo de siempre.",
        "A mí me parece que las audiencias están infladas, nadie ve la tele ya!!",
        "¿Y tú de verdad te crees estos datos? Yo no me los creo.",
    ]
    assert [k for k, _ in _thread_in(SPANISH_STORY + posts, "es")] == list(range(5, 9))


def test_the_ordinary_words_are_whole_words_of_the_language() -> None:
    ordinary = _ordinary("es")
    assert blocks._says("el mes de noviembre", _rule_terms(), ordinary) is False
    assert blocks._says("mes amis", _rule_terms(), None) is True  # French "my", without the Spanish list
    assert blocks._says("yo creo que el mes fue bueno", _rule_terms(), ordinary) is True  # "yo" speaks still


def _rule_terms():
    compiled = _rule("markup/reader-thread").compiled_as(blocks.Compiled)
    assert compiled.terms is not None
    return compiled.terms


@pytest.mark.parametrize("language", ["es", None])
def test_the_cli_reads_the_spanish_article_as_spanish_when_it_selects_the_rule_alone(
    tmp_path, runner, language: str | None
) -> None:
    draft = tmp_path / "draft.md"
    front = f"---\nlang: {language}\n---\n\n" if language else ""
    draft.write_text(front + "\n\n".join(SPANISH_STORY + SPANISH_MONTHS) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--select", "markup/reader-thread", str(draft)])
    assert "markup/reader-thread" not in result.output
    assert result.exit_code == 0


FEATURE_TAIL = [
    "If you live in a condo development, as my wife and I do, watch that dumpster for treasures.",
    "Over the years I have read quite a few stories about buried treasures in gardens and sheds.",
    "Use a metal detector to avoid having to dig up your whole garden when you look for them.",
    "When my wife and I bought a place in Colorado, the garage was bursting with old appliances.",
    "My neighbor sold the scrap metal for me, but I still wonder about a classic oil stove we found.",
    "At a house I owned in Michigan, I had a shed with a floor made of loose cement tiles.",
]
BIO = "Steve Gillman is the author of a book of weird ways to make money and creator of a website."


def _reader_thread_lines(paragraphs: list[str]) -> list[int]:
    from newslint import lint_text

    result = lint_text("\n\n".join(paragraphs), "draft.txt")
    return [f.line for f in result.findings if f.rule == "markup/reader-thread"]


def test_a_feature_that_turns_to_the_first_person_and_closes_on_its_bio_is_the_storys() -> None:
    # Without its bio the first-person half reads as readers' posts; the bio closes the story.
    assert _reader_thread_lines(ARTICLE + FEATURE_TAIL) != []
    assert _reader_thread_lines(ARTICLE + FEATURE_TAIL + [BIO]) == []


def test_a_thread_after_the_writers_bio_is_still_reported() -> None:
    found = _reader_thread_lines(ARTICLE + [BIO] + THREAD)
    assert len(found) == len(THREAD)

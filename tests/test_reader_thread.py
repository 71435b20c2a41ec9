"""markup/reader-thread and the test that a thread's header or notice opens the page's tail
only when the lines after it look like a thread (newslint/checks/blocks.py)."""

from __future__ import annotations

import pytest

from newslint import default_rules
from newslint.checks import blocks
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

"""Page chrome told by its shape and its place around the article, whatever its words:
a comment section under its disclaimer after a one-paragraph story, teaser lists told by
their stamps, runs of teasers next to chrome at the page's edges (jusText's context)."""

from __future__ import annotations

from newslint import lint_text
from newslint.engine import Options


def rules_by_line(text: str, language: str, select: tuple[str, ...] = ("markup",)) -> dict[int, set[str]]:
    result = lint_text(text, path="draft.txt", options=Options(select=select, language=language))
    out: dict[int, set[str]] = {}
    for f in result.findings:
        for line in range(f.line, f.end_line + 1):
            out.setdefault(line, set()).add(f.rule)
    return out


# -- a comment section after its disclaimer ---------------------------------------------------

STORY_PT = (
    "O ex-presidente Lula será preso na segunda-feira, confirmou o tribunal regional nesta quinta-feira "
    "à noite, depois de negar o último recurso da defesa.\n\n"
    "A defesa ainda pode recorrer ao Supremo."
)
DISCLAIMER_PT = "Os comentários não representam a opinião do site; a responsabilidade é do autor da mensagem"
# readers' posts on the story's subject (they share its names), in a reader's tone
POSTS_PT = [
    "Finalmente o tribunal fez justiça, o Lula vai pagar por tudo que fez com o país e com o povo brasileiro!",
    "E o Supremo vai soltar ele de novo na semana que vem, podem esperar, é sempre a mesma história neste país...",
    "quem acredita que o Lula vai ficar preso mais de uma semana ainda acredita em papai noel e coelhinho da páscoa",
    "O tribunal regional demorou demais, a defesa do Lula usou todos os recursos possíveis para atrasar tudo isso.",
    "Vamos gelar o espumante, segunda-feira vai ser dia de grande comemoração em todo o Brasil, ninguém segura!",
    "Será que a defesa ainda tem algum truque guardado para o Supremo? Não duvido de nada vindo dessa gente toda.",
]


def test_a_disclaimer_after_a_one_paragraph_story_opens_the_thread() -> None:
    # the story's one paragraph has no other prose line near it: the posts are the page's prose
    text = "\n\n".join([STORY_PT, DISCLAIMER_PT, *POSTS_PT]) + "\n"
    found = rules_by_line(text, "pt")
    for n in range(len(POSTS_PT)):
        line = 7 + 2 * n
        assert "markup/comment-thread" in found.get(line, set()), (line, found)
    assert not found.get(1) and not found.get(3)


def test_posts_in_a_readers_tone_under_a_disclaimer_are_a_thread_though_they_share_the_story_words() -> None:
    story = STORY_PT.replace("\n\nA defesa", " A defesa") + "\n\n" + STORY_PT
    text = "\n\n".join([story, DISCLAIMER_PT, *POSTS_PT]) + "\n"
    found = rules_by_line(text, "pt")
    assert all("markup/comment-thread" in found.get(9 + 2 * n, set()) for n in range(len(POSTS_PT))), found
    assert not any(found.get(line) for line in (1, 3, 5))


def test_a_story_that_goes_on_after_a_disclaimer_like_line_is_left_alone() -> None:
    # the story's own paragraphs after the line: long, no reader's tone
    paragraphs = [
        "O tribunal regional negou nesta quinta-feira o último recurso da defesa do ex-presidente, que deve "
        "se apresentar à Polícia Federal em Curitiba na segunda-feira, segundo a decisão.",
        "A defesa do ex-presidente informou que vai recorrer ao Supremo Tribunal Federal ainda nesta semana, "
        "com um pedido de habeas corpus preventivo.",
        "O relator do caso no tribunal regional afirmou que a decisão segue a jurisprudência da corte e que "
        "não há mais recursos possíveis na segunda instância.",
    ]
    text = "\n\n".join([STORY_PT, DISCLAIMER_PT, *paragraphs]) + "\n"
    found = rules_by_line(text, "pt")
    assert not any("markup/comment-thread" in found.get(line, set()) for line in (7, 9, 11)), found

"""truncation/paragraph-end: "X said: “...”" and the story's prose after the quotation is a
paragraph of prose, judged like any, not a "Label: teaser" line passed over."""

from __future__ import annotations

from newslint import lint_text
from newslint.engine import Options

ES_LEAD = "El gobierno aprobó el martes el nuevo presupuesto de la ciudad después de un largo debate."
ES_CLOSE = "La votación fue de doce a tres, según dijo el secretario del consejo el miércoles."
LEAD = "The council approved the city budget on Tuesday after a long debate about housing."
CLOSE = "The vote was twelve to three, the clerk said on Wednesday evening after the session."


def rules_at(text: str, language: str) -> list[tuple[str, int]]:
    options = Options(select=("truncation/",), language=language)
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


def test_prose_after_a_quotation_its_sayer_introduces_is_judged() -> None:
    speech = (
        "Lasso enfatizó: “La única reunión que he mantenido con el candidato fue pública y transparente”. "
        "El presidente se refiere al diálogo político que se efectuó el 12"
    )
    assert rules_at(f"{ES_LEAD}\n\n{speech}\n\n{ES_CLOSE}", "es") == [("truncation/paragraph-end", 3)]


def test_a_label_and_a_quoted_teaser_are_still_passed_over() -> None:
    teaser = "The mayor on the new bridge: “It will open in May, whatever the weather” and"
    assert rules_at(f"{LEAD}\n\n{teaser}\n\n{CLOSE}", "en") == []

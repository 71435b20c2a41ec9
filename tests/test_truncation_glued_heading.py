"""truncation/unfinished-sentence: a subheading that lost its line break, glued after the
paragraph's last full sentence, is told by the next paragraph taking up its words."""

from __future__ import annotations

from newslint import lint_text
from newslint.engine import Options

LEAD = "El gobierno aprobó el martes el nuevo plan de salud de la ciudad después de un largo debate."
GLUED = (
    "Los estudios aún no han indicado si el clima influye en las tasas de contagio, según el documento. "
    "La mala calidad del aire aumenta las muertes, pero no la transmisión"
)
CLOSE = "La votación fue de doce a tres, según dijo el secretario del consejo el miércoles por la tarde."


def rules_at(text: str) -> list[tuple[str, int]]:
    options = Options(select=("truncation/",), language="es")
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


def test_a_subheading_glued_to_the_paragraph_before_the_one_it_heads_is_not_a_cut() -> None:
    heads = "La evidencia sobre la calidad del aire y las muertes por la transmisión aún no es concluyente."
    assert rules_at(f"{LEAD}\n\n{GLUED}\n\n{heads}\n\n{CLOSE}") == []


def test_the_same_fragment_before_a_paragraph_on_something_else_is_still_weak_evidence() -> None:
    other = "El alcalde dijo que el puente se abrirá en mayo y que las obras costarán menos de lo previsto."
    assert rules_at(f"{LEAD}\n\n{GLUED}\n\n{other}\n\n{CLOSE}") == [("truncation/unfinished-sentence", 3)]

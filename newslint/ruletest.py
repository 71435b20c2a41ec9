"""Run rules' own examples: each ``flag`` example must be flagged, each ``pass`` must not."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newslint.checks import KINDS
from newslint.document import Document
from newslint.engine import RULE_TIMEOUT, Options, lint_document
from newslint.readers import markdown
from newslint.rules import Rule, RuleSet


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: Rule
    kind: str  # "flag", "pass" or "timeout"
    example: str
    found: tuple[str, ...]

    def describe(self) -> str:
        if self.kind == "timeout":
            return f"{self.rule.source}: {self.rule.id}: example timed out: {self.example!r} ({'; '.join(self.found)})"
        if self.kind == "flag":
            return f"{self.rule.source}: {self.rule.id}: example not flagged: {self.example!r}"
        return (
            f"{self.rule.source}: {self.rule.id}: example wrongly flagged: {self.example!r} ({'; '.join(self.found)})"
        )


def example_document(text: str) -> Document:
    """An example read as Markdown: plain lines stay paragraphs (no title guessing), while
    HTML in an example (a script, a stray tag) is read the way a Markdown draft's would be."""
    return markdown.read(text, "<example>")


def run_rule_examples(rule: Rule, ruleset: RuleSet) -> Iterator[ExampleFailure]:
    language = sorted(rule.languages)[0] if rule.languages else None
    # a rule that reads the other rules' findings is tried with them (only its own findings count)
    reads = bool(getattr(KINDS[rule.check], "READS_FINDINGS", False))
    allowed = ruleset.languages or frozenset({"en"})
    options = Options(select=() if reads else (rule.id,), language=language, allowed_languages=allowed)
    single = ruleset if reads else RuleSet((rule,), ruleset.lexicon)
    for kind, examples in (("flag", rule.examples_flag), ("pass", rule.examples_pass)):
        for example in examples:
            result = lint_document(example_document(example), single, options)
            stopped = tuple(f.message for f in result.findings if f.rule == RULE_TIMEOUT)
            found = tuple(f.message for f in result.findings if f.rule == rule.id)
            if stopped:  # a rule that cannot finish on its own example would stop on real drafts
                yield ExampleFailure(rule, "timeout", example, stopped)
            elif (kind == "flag") != bool(found):
                yield ExampleFailure(rule, kind, example, found)


def missing_examples(rules: Iterable[Rule]) -> list[Rule]:
    return [r for r in rules if not r.examples_flag or not r.examples_pass]

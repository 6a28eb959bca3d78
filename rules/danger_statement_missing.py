"""T114 danger-statement-missing: a Signs of Safety form without a complete danger statement,
a safety goal, or a reason for its scaling scores."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language.risk import harm_cues
from formlint.model import Form, Section
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import pattern

LEXICON = "danger_statement_missing"
_I = regex.IGNORECASE
# A score on a 0-10 scale: "4/10", "4 out of 10", "Social worker: 4.", "scaled at 6".
_SCORE = regex.compile(
    r"(?<![\d/.])(?:10|[0-9])(?:\.5)?\s*(?:/\s*10|out of (?:10|ten))"
    r"|(?:scaled?|scaling|score[sd]?|rated?|placed|puts?|put) (?:(?:it|this|the \w+|things|them|us) )?"
    r"(?:at|as|of|on|a) (?:a )?(?:10|[0-9])\b"
    r"|(?:(?<=^\s*)|(?<=:\s*))(?:10|[0-9])(?:\.5)?(?=\s*(?:[.;,)\n]|$))",
    _I,
)
# A reason for a score: the words scaling questions ask for.
_SCORE_REASON = regex.compile(
    r"\b(?:because|as|since|given|due to|so|but|although|though|however|higher|lower|not (?:higher|lower)|"
    r"up from|down from|rather than|reason|rationale|says?|said|feels?|felt|thinks?|thought|believes?|"
    r"explained)\b",
    _I,
)
# A safety goal or danger statement written inline under another heading ("Safety goal: ...").
_INLINE_GOAL = regex.compile(r"^\s*(?:safety|wellbeing|well-being) goals?\s*[:–—-]\s*\S", _I)
_INLINE_STATEMENT = regex.compile(r"^\s*(?:danger|worry|harm) statements?\s*[:–—-]\s*\S", _I)
# The answer written after an inline heading ("Danger statement: Neglect.").
_INLINE_LABEL = regex.compile(r"^\s*[^:\n]{2,60}:\s*")


def answer_text(section: Section) -> str:
    """The section's words without an inline heading repeated before a colon."""
    text = section.text.strip()
    label = _INLINE_LABEL.match(text)
    if label and label.group().rstrip(": \t").casefold() == section.heading.strip().rstrip(":").casefold():
        return text[label.end() :].strip()
    return text


def missing_parts(text: str) -> list[str]:
    """What a danger statement lacks: who is worried, the behaviour, what could happen to the child."""
    missing = []
    if not pattern(LEXICON, "worrier").search(text):
        missing.append("who is worried")
    if not pattern(LEXICON, "behaviour").search(text):
        missing.append(
            "what the adult does that worries them (a behaviour, not only a category such as 'neglect')"
        )
    if not (pattern(LEXICON, "future").search(text) and harm_cues(text)):
        missing.append("what could happen to the child if nothing changes")
    return missing


_SENTENCES = regex.compile(r"(?<=[.!?;])\s+")
# "0 means the children cannot stay at home; 10 means ..." defines the scale, it scores nothing.
_SCALE_DEFINITION = regex.compile(r"\b(?:0|10|zero|ten) (?:means|is|=)\b", _I)


def _first_sentence(text: str) -> str:
    return _SENTENCES.split(text.strip(), maxsplit=1)[0]


def _scores_quoted(text: str) -> str:
    """The sentences that give the scores, without the scale's definition."""
    parts = [
        p for p in _SENTENCES.split(text.strip()) if _SCORE.search(p) and not _SCALE_DEFINITION.search(p)
    ]
    return " ".join(parts) or _first_sentence(text)


def unexplained_scores(section: Section) -> bool:
    """True when a scaling section gives at least one score and no reason for any of them."""
    text = answer_text(section)
    scores = list(_SCORE.finditer(text))
    if not scores:
        return False
    rest = _SCORE.sub(" ", text)
    return not _SCORE_REASON.search(rest)


def _statement_elsewhere(form: Form, kinds: Sequence[str]) -> bool:
    """A danger statement labelled inline anywhere, or a full one written under another heading
    ("What are we worried about")."""
    if _inline(form, _INLINE_STATEMENT):
        return True
    return any(not missing_parts(s.text) for section in form.sections_of(*kinds) for s in section.sentences)


def _inline(form: Form, label: regex.Pattern[str]) -> bool:
    return any(label.match(block.text) for section in form.sections for block in section.blocks)


class DangerStatementMissing(Rule):
    code = "T114"
    slug = "danger-statement-missing"
    summary = (
        "A Signs of Safety form has no danger statement, or one without who is worried, the behaviour "
        "and what could happen to the child; no safety goal; or scaling scores with no reason."
    )
    pattern = "1b"
    sources = ("S23",)
    severity = Severity.WARNING
    why = (
        "A danger statement in the family's own language is how a Signs of Safety assessment names the "
        "risk: who is worried, about what the adults do, and what could happen to the child if nothing "
        "changes. A category ('neglect', 'domestic violence') tells the family nothing they can change, "
        "and without a paired safety goal and reasoned scaling nobody can tell when the case is safe "
        "enough to close. The assessment framework's focus on need makes naming risk easy to skip."
    )
    fix = (
        "Write the danger statement as: who is worried (children's services, the school, ...), what the "
        "adult does ('when Dad drinks he shouts and throws things while Lily is in the room'), and what "
        "could happen to the child if nothing changes. Pair it with a safety goal saying what the family "
        "will do and for how long, and give each scaling score its reason ('4 because ..., not lower "
        "because ...')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # The rule reads only forms of these profiles (Signs of Safety).
        "profiles": ("sos",),
        # Where a danger statement written under another heading is accepted.
        "statement_elsewhere": ("risk_analysis", "analysis"),
        # How many of the three parts (who is worried, the behaviour, what could happen to the
        # child) must be missing before a danger statement is reported: one missing part alone
        # is often a matter of wording, and disputed wording belongs in the statement.
        "min_missing_parts": 2,
    }
    examples = (
        Example(
            "DANGER STATEMENT\nNeglect.\n\nSAFETY GOAL\nLily will be kept safe.\n\nSCALING\nSocial worker: 4 "
            "because Dad has stayed away when drinking.",
            True,
            "a category noun is not a danger statement",
        ),
        Example(
            "DANGER STATEMENT\nWe are worried about domestic violence.\n\nSAFETY GOAL\nMum and Dad will keep "
            "Lily out of arguments for six months.\n\nSCALING\n5 because the police have not been called "
            "since March.",
            True,
            "who is worried, but no behaviour and no consequence for the child",
        ),
        Example(
            "DANGER STATEMENT\nChildren's services and the school are worried that when Dad drinks he shouts "
            "and throws things at Mum while Lily (5) is in the room, and if nothing changes Lily could be "
            "hurt or grow up frightened.\n\nSAFETY GOAL\nMum and Dad will keep Lily out of arguments for six "
            "months.\n\nSCALING\n4/10.",
            True,
            "a score with no reason",
        ),
        Example(
            "DANGER STATEMENT\nChildren's services and the school are worried that when Dad drinks he shouts "
            "and throws things at Mum while Lily (5) is in the room, and if nothing changes Lily could be "
            "hurt or grow up frightened.\n\nSAFETY GOAL\nMum and Dad will show for six months that when "
            "there is a disagreement Lily is kept out of it.\n\nSCALING\n4/10 - higher than last month "
            "because Dad "
            "has stayed away when drinking, but not higher because Lily still hears arguments.",
            False,
            "all three parts, a safety goal and a reasoned score",
        ),
        Example(
            "SIGNS OF SAFETY MAPPING\n\nWHAT ARE WE WORRIED ABOUT\nThe health visitor is worried that when "
            "Mum drinks she falls asleep "
            "with Noah on the sofa, and if nothing changes Noah could be smothered.\n\nSCALING\n4 because "
            "Grandad now stays at weekends.",
            True,
            "well-formed worry statements, but no safety goal",
        ),
        Example(
            "ANALYSIS\nThere are worries about neglect.\n\nRECOMMENDATION\nChild in need plan.",
            False,
            "not a Signs of Safety form: the rule does not apply",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        if form.profile not in tuple(self.option(context, "profiles") or ()):
            return
        statements = [s for s in form.sections_of("danger_statement") if answer_text(s)]
        if not statements and not _statement_elsewhere(form, self.option(context, "statement_elsewhere")):
            worries = form.sections_of("risk_analysis")
            yield self.finding(
                "This Signs of Safety form has no danger statement. Add one saying who is worried, what the "
                "adult does and what could happen to the child if nothing changes.",
                section=worries[0] if worries else None,
            )
        for section in statements:
            text = answer_text(section)
            missing = missing_parts(text)
            if len(missing) >= int(self.option(context, "min_missing_parts")):
                quoted = _first_sentence(text)
                yield self.finding(
                    f"The danger statement '{quoted}' does not say " + "; or ".join(missing) + ". Rewrite it "
                    "as who is worried, what the adult does, and what could happen to the child if nothing "
                    "changes.",
                    section=section,
                    text=text,
                    location=section.blocks[0].location if section.blocks else None,
                )
        # A safety goal is required whether the danger is stated under its own heading or in
        # worry statements under "What are we worried about?": without one nobody can tell when
        # the child is safe enough.
        goals = [s for s in form.sections_of("safety_goal") if answer_text(s)]
        if not goals and not _inline(form, _INLINE_GOAL):
            anchor = statements or form.sections_of("risk_analysis")
            yield self.finding(
                "This Signs of Safety form has no safety goal. Add one beside the danger statement: what "
                "the family will do, that shows the child is safe, and for how long.",
                section=anchor[0] if anchor else None,
            )
        for section in form.sections_of("scaling"):
            if unexplained_scores(section):
                text = answer_text(section)
                yield self.finding(
                    f"The scaling score '{_scores_quoted(text)}' has no reason. Say why the score is that "
                    "number: what makes it higher, and what stops it being higher.",
                    section=section,
                    text=text,
                    location=section.blocks[0].location if section.blocks else None,
                )

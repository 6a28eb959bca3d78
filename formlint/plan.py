"""Plan actions: what will be done, by whom, by when and how we will know.

Read from plan tables (columns in any order or wording) and from numbered or
bulleted plan lists; where there is no owner or timescale column they are found
in the action's own words ("Ms Khan (health visitor) will ... by 30 May").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from formlint.dates import find_dates
from formlint.headings import normalise
from formlint.model import Block, Form, Location, Section
from formlint.sentences import split_text

__all__ = [
    "PLAN_KINDS", "PlanAction", "column_kind", "find_owner", "find_timescale", "is_standing", "read_actions",
]

PLAN_KINDS = ("plan_actions", "safety_plan")

# Column headings, normalised, by what the column holds.
_COLUMNS = {
    "action": (
        "action", "actions", "what", "what will happen", "what will be done", "what we will do", "task",
        "tasks", "support", "intervention", "what needs to happen", "action required", "actions agreed",
        "how", "plan", "service", "support offered",
    ),
    "owner": (
        "who", "by whom", "lead", "lead person", "owner", "responsible", "person responsible",
        "people responsible", "responsible person", "who will do this", "who will do it", "lead professional",
        "lead agency", "agency", "who is responsible", "responsibility", "named person", "lead worker",
    ),
    "timescale": (
        "when", "by when", "timescale", "timescales", "target date", "completion date", "date", "deadline",
        "by what date", "start date", "frequency", "how often", "due", "due date", "review date",
    ),
    "outcome": (
        "how will we know", "how we will know", "outcome", "outcomes", "desired outcome", "outcome measure",
        "what needs to change", "need", "needs", "goal", "what success looks like", "what will be different",
        "measure of success", "expected outcome", "why",
    ),
}
_COLUMN_OF = {normalise(label): kind for kind, labels in _COLUMNS.items() for label in labels}

_ITEM = regex.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-*•◦▪●–])\s+")
# Numbered items run together in one paragraph: "1. ... 2. ...". Bullets are only ever at a line start,
# because " - " inside a line separates what, who and when.
_INLINE_ITEM = regex.compile(r"(?:^|(?<=[.;]\s{1,3}))\(?\d{1,2}[.)]\s+")
_AGENTLESS = regex.compile(
    r"\b(?:will|to|shall|should|must|would|can)\s+(?:continue\s+to\s+)?be\s+(?:\w+ly\s+)?"
    r"(?:monitored|reviewed|offered|provided|supported|explored|considered|arranged|completed|undertaken|"
    r"made|sought|given|discussed|shared|assessed|encouraged|signposted|referred|checked|kept|put in place|"
    r"agreed|followed up|looked into|addressed|tackled|managed|visited|seen|held|helped)\b",
    regex.IGNORECASE,
)
_BY_AGENT = regex.compile(
    r"\bby\s+(?:the\s+|her\s+|his\s+|their\s+)?(?!\d|when|the end|end\b|next\b|then\b)[\w'’]+",
    regex.IGNORECASE,
)
# The subject of an action line: everything before "will", "to", "should" ...
_SUBJECT = regex.compile(
    r"^\s*(?P<subject>[^.;:!?]{2,90}?)\s+(?:will|to|should|must|shall|is to|are to|has agreed to|"
    r"have agreed to|agrees to|agree to|is going to|are going to|needs to|need to|can)\b",
    regex.IGNORECASE,
)
_COLLECTIVE = regex.compile(
    r"^(?:all|every|any)\s+(?:professionals?|agencies|partners|services|involved)"
    r"|^(?:the\s+)?(?:network|core group|professional network|professionals|agencies|services|everyone|all)$",
    regex.IGNORECASE,
)
_OWNER_WORDS = regex.compile(
    r"\b(?:mum|mother|dad|father|parents?|carers?|step-?(?:mum|dad|father|mother)|"
    r"grand(?:mother|father|ma|pa|parents?)|nan|aunt|uncle|partner|family|social worker|sw|health visitor|hv|"
    r"school|nursery|college|teacher|dsl|senco|gp|midwife|police|health|camhs|housing|school nurse|"
    r"paediatrician|family support worker|fsw|early help|youth worker|key ?worker|idva|probation|iro|chair|"
    r"team manager|manager|practitioner|worker|service|team|clinic|hospital|academy|charity|agency|officer|"
    r"therapist|counsellor|mentor|coordinator|lead|head|child|young person|he|she|they|i|we)\b",
    regex.IGNORECASE,
)
_TIMESCALE = regex.compile(
    # "for the rest of the school year", "until the end of term", "by the end of the summer term"
    r"\b(?:by|before|until|till|for|from|at)\s+the\s+(?:end|start|rest|beginning)\s+of\s+(?:the\s+|this\s+)?"
    r"(?:(?:school|academic|summer|autumn|spring|christmas|easter|current)\s+)?"
    r"(?:term|year|half[- ]term|holidays?|month|week|placement|school year)\b"
    r"|\b(?:by|before|until|from|starting|within|no later than|at|for)\s+(?:the\s+)?"
    r"(?:next|end of|start of|\d|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|half[- ]term|christmas|easter|summer|autumn|spring|term|core group|review|"
    r"conference|week|weeks|month|months|two|three|four|six|eight|ten|twelve)"
    r"|\b(?:daily|weekly|fortnightly|monthly|every\s+\w+(?:\s+\w+)?|each\s+(?:week|day|month|visit|morning|evening)|"
    r"twice\s+a\s+\w+|once\s+a\s+\w+|\d+\s+times\s+a\s+\w+|immediately|today|tomorrow|same day|this week|"
    r"(?:next|this)\s+(?:week|month|term)|at\s+(?:each|every|all|the)?\s*(?:[\w-]+\s+){0,2}visits?\b"
    r"|(?:in|during)\s+(?:the\s+)?(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|spring|summer|autumn|next|new|coming)\b"
    r"(?:\s+(?:term|half[- ]term|holidays?))?)\b",
    regex.IGNORECASE,
)
# "(Ms Marsh, by 12/04/2024)", "(Megan and Sophie)": who, in brackets at the end of the line.
_BRACKETED_OWNER = regex.compile(
    r"\(([^()]{2,60}?)(?:,\s*(?:by|from|before|within|weekly|monthly)\b[^()]*)?\)\W*$"
)
_WITH_AGENCY = regex.compile(
    r"\b(?:with|by|from)\s+(?:the\s+)?(?:[\w'’]+'s\s+)?(?P<who>(?:school nurse|health visitor|social worker|"
    r"family support worker|youth worker|senco|dsl|gp|camhs|midwife|paediatrician|teacher|school|nursery|"
    r"police|probation|idva|key ?worker|mentor|therapist|counsellor)\b)",
    regex.IGNORECASE,
)
_PRONOUN = regex.compile(r"he|she|they|i|we", regex.IGNORECASE)
# Lines in a plan section that are not actions: the review date, the contingency.
_NOT_ACTION = regex.compile(
    r"^\W*(?:(?:next\s+)?(?:review|contingency|date of|plan agreed|plan date|progress|update|outcome)\b"
    r"|(?:the\s+)?next\s+(?:\w+\s+){0,2}(?:meeting|review|conference|core group)\b"
    r"|(?:the\s+)?(?:(?:\w+\s+)?plan|case|core group(?:\s+meetings?)?|review(?:\s+meetings?)?)\s+"
    r"(?:to be|will be|is to be|to|will)?\s*(?:reviewed|held|meets?|every|on\s+\d))",
    regex.IGNORECASE,
)
# "Family support sessions - FSW Kim Doran - from 02/04/2024": what, who and when between dashes.
_DASHES = regex.compile(r"\s+[-–—]\s+")
# Inline labels of a plan record typed as running text, and the numbering on "Action 3:".
_INLINE_LABEL = regex.compile(r"(?:^|(?<=[.;]\s{1,3}))(?P<label>[\p{L}'’ /]{2,30}?(?:\s+\d{1,2})?)\s*:\s*")
_NUMBERED_LABEL = regex.compile(r"\s+\d{1,2}$")
_STANDING = regex.compile(
    r"\b(?:not to|must not|will not|is not to|are not to|no (?:unsupervised )?contact|"
    r"not (?:be )?left alone|ensure\b[^.;]{0,60}\b(?:does|do|is|are|will) not|at all times|never)\b"
    r"|\bcontact\b[^.;]*\bsupervised\b|\bsupervised\b[^.;]*\bcontact\b",
    regex.IGNORECASE,
)
# "Lead social worker: Claire Dunn": a labelled detail, not an action.
_FIELD_LINE = regex.compile(r"^\W*[\p{L}'’ /]{2,30}:\s")
# A present-tense statement ("The plan is working") rather than a verbless list item.
_IS_VERB = regex.compile(
    r"\b(?:is|are|was|were|has|have|had|does|do|did|seems?|feels?|needs|wants)\b", regex.IGNORECASE
)
# Sentences that tell what happened rather than what will be done.
_NARRATIVE = regex.compile(
    r"\b(?:was|were|had|has been|have been|met|attended|reviewed|completed|went|said|told|agreed that)\b",
    regex.IGNORECASE,
)
_ABOUT_IT = regex.compile(r"^\W*(?:it|this|that|these|those|there|the plan)\b", regex.IGNORECASE)
_COMMITMENT = regex.compile(
    r"\b(?:will|shall|should|must|to be|is to|are to|agreed to|agrees to|needs? to)\b"
    # "Mum to attend ...", but not "Evie went to five of the six sessions" (what happened).
    r"|^\s*(?![\w'’ ()-]*?\b(?:went|came|got|moved|spoke|talked|returned|listened|used|had|tried|been|"
    r"was|were|started|began|stopped|continued|managed|refused|declined|failed|seemed)\s+to\b)"
    r"[\w'’ ()-]{2,60}?\s+to\s+\w+",
    regex.IGNORECASE,
)
_VAGUE_TIME = regex.compile(
    r"^\W*(?:ongoing|on-going|as required|as needed|as and when|when appropriate|as appropriate|asap|"
    r"when available|when possible|if needed|if required|to be agreed|to be arranged|when needed|"
    r"as soon as possible|in due course|regularly|tbc|tba|to be confirmed|n/?a|none|-+|\?+|"
    # "not yet agreed", "to be decided", "when a place is available", "once funding is agreed"
    r"(?:not|not yet|still) (?:agreed|known|decided|confirmed|allocated|identified)|"
    r"to be (?:decided|allocated|identified)|"
    r"(?:when|once|if) (?:a |the )?(?:place|space|slot|worker|funding|referral)\b.*)\W*$",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class PlanAction:
    """One action of a plan. ``owner``/``timescale``/``outcome`` are the words of the
    form (from a column, or found in the action's text), or None where there are none."""

    text: str
    owner: str | None
    timescale: str | None
    outcome: str | None
    location: Location
    heading: str
    kind: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "owner": self.owner,
            "timescale": self.timescale,
            "outcome": self.outcome,
            "heading": self.heading,
            "location": self.location.to_dict(),
        }


def column_kind(label: str | None) -> str | None:
    """What a plan table column holds ("action", "owner", "timescale", "outcome"), from its heading."""
    return _COLUMN_OF.get(normalise(label or ""))


def _names_someone(text: str) -> bool:
    return bool(_OWNER_WORDS.search(text) or regex.search(r"\p{Lu}\p{Ll}+", text))


def _dashed_owner(text: str) -> str | None:
    parts = _DASHES.split(text)
    for part in parts[1:]:
        # "Mr Akinola, by 12/07/2024": who, then when.
        who = regex.split(r",\s*(?=(?:by|from|before|within|weekly|monthly|every|until)\b)", part)[0]
        if not find_timescale(who) and _names_someone(who):
            return who.strip(" .")
    return None


def find_owner(text: str) -> str | None:
    """Who an action line names as doing it: the subject before "will"/"to" when it is a
    person, a role or an agency; the agent of a passive ("... will be offered by the
    school"); or an agency that opens a verbless item ("CAMHS assessment")."""
    passive = _AGENTLESS.search(text)
    match = _SUBJECT.match(text)
    if passive and (match is None or passive.start() <= match.end("subject") + 1):
        agent = _BY_AGENT.search(text, passive.end())
        return agent.group().removeprefix("by").strip() if agent else None
    dashed = _dashed_owner(text)
    if dashed:
        return dashed
    bracket = _BRACKETED_OWNER.search(text)
    if bracket and _names_someone(bracket.group(1)):
        return bracket.group(1).strip()
    if match:
        subject = match.group("subject").strip(" -–•*")
        if _COLLECTIVE.search(subject):
            return None
        if _OWNER_WORDS.search(subject) or regex.search(r"\p{Lu}\p{Ll}+", subject):
            return subject
        return None
    opening = " ".join(text.split()[:3])
    found = _OWNER_WORDS.search(opening)
    if found and not _PRONOUN.fullmatch(found.group()):
        return found.group()
    # "Reading intervention with the school's SENCo": the service named after "with" or "by".
    agency = _WITH_AGENCY.search(text)
    return agency.group("who") if agency else None


def find_timescale(text: str) -> str | None:
    """A date, deadline, duration or frequency in an action's words."""
    dates = find_dates(text)
    if dates:
        return dates[0].text
    match = _TIMESCALE.search(text)
    return match.group() if match else None


def is_standing(text: str) -> bool:
    """A standing condition of the plan ("Jason not to come to the family home", "contact to be
    supervised by ..."): it holds throughout, so it needs an owner but no date."""
    return bool(_STANDING.search(text))


def _is_vague(text: str | None) -> bool:
    return text is None or bool(_VAGUE_TIME.match(text))


def _table_actions(section: Section, *, require_plan_columns: bool = False) -> Iterator[PlanAction]:
    rows: dict[tuple[int | None, int | None], list[Block]] = {}
    columns: dict[int | None, set[str]] = {}
    for block in section.blocks:
        if _is_table_cell(block):
            rows.setdefault((block.location.table, block.location.row), []).append(block)
            columns.setdefault(block.location.table, set()).add(_COLUMN_OF[normalise(block.label or "")])
    for (table, _), cells in rows.items():
        present = columns[table]
        if len(present) < 2:
            continue  # a label/answer table ("What needs to happen? | ..."): read as text
        if require_plan_columns and not ("action" in present and present & {"owner", "timescale"}):
            continue
        by_kind: dict[str, Block] = {}
        for block in cells:
            by_kind.setdefault(_COLUMN_OF[normalise(block.label or "")], block)
        main = by_kind.get("action") or by_kind.get("outcome")
        if main is None or main.blank or not main.text.strip() or _NOT_ACTION.match(main.text):
            continue
        yield PlanAction(
            main.text.strip(),
            # A table with an owner (or date) column says who (or when) there, even by leaving it empty.
            # An empty owner or date cell can still be answered in the action's own words.
            _cell(by_kind, "owner") or find_owner(main.text),
            _cell(by_kind, "timescale") or find_timescale(main.text),
            _cell(by_kind, "outcome") if "action" in by_kind else None,
            main.location,
            section.heading,
            section.kind,
        )


def _cell(by_kind: dict[str, Block], kind: str) -> str | None:
    block = by_kind.get(kind)
    return _vetted(kind, block.text.strip() if block is not None and not block.blank else None)


def _items(block: Block) -> Iterable[str]:
    """The action lines of a block: inline "1. ... 2. ..." items split apart."""
    text = block.text.strip()
    starts = [m.start() for m in _INLINE_ITEM.finditer(text)]
    if len(starts) < 2:
        yield _ITEM.sub("", text, count=1).strip()
        return
    pieces = [text[: starts[0]], *(text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True))]
    for piece in pieces:
        piece = _ITEM.sub("", piece, count=1).strip()
        if piece:
            yield piece


def _in_plan_table(block: Block, section: Section) -> bool:
    """A cell of a table with column headings (a label that is not the section's own)."""
    if block.location.row is None or not block.label:
        return False
    return normalise(block.label) != normalise(section.heading)


def _is_table_cell(block: Block) -> bool:
    return block.location.row is not None and bool(block.label) and normalise(block.label or "") in _COLUMN_OF


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_text(text)]


def _trim(item: str) -> str:
    """An action line without trailing lines that are not part of it ("Review of plan: 02/04")."""
    kept = [s for s in _sentences(item) if not _NOT_ACTION.match(s)]
    return " ".join(kept)


def _merged(blocks: list[Block]) -> list[tuple[str, Block]]:
    """Paragraphs with a line broken after a label ("Responsible person:" / "Mr Lindley.") rejoined."""
    out: list[tuple[str, Block]] = []
    record: set[str] = set()  # the columns of the action record being rejoined, if any
    for block in blocks:
        text = block.text.strip()
        label = _NUMBERED_LABEL.sub("", block.label or "")
        column = _COLUMN_OF.get(normalise(label)) if label and block.location.row is None else None
        if column is not None:
            # "Outcome: ..." / "Action: ..." / "Lead: ..." / "Date: ..." as fields of their own:
            # one action record, until a column comes round again.
            field = f"{block.label}: {text}" + ("" if text.endswith((".", ":", ";")) else ".")
            if out and record and column not in record:
                out[-1] = (f"{out[-1][0]} {field}", out[-1][1])
            else:
                out.append((field, block))
                record = set()
            record.add(column)
            continue
        record = set()
        continues = out and not _ITEM.match(text) and (text[:1].islower() or text[:1].isdigit())
        if out and (out[-1][0].endswith(":") or continues):
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1])
        else:
            out.append((text, block))
    return out


def _list_actions(section: Section, *, listed_only: bool = False) -> Iterator[PlanAction]:
    blocks = [
        b for b in section.blocks
        if not b.blank and b.label != "guidance" and b.text.strip() and not _in_plan_table(b, section)
    ]
    listed = any(_ITEM.match(b.text.strip()) for b in blocks)
    for text, block in _merged(blocks):
        record = _inline_record(text)
        if record is not None:
            action = record["action"]
            owner = _vetted("owner", record.get("owner")) or find_owner(action)
            when = _vetted("timescale", record.get("timescale")) or find_timescale(action)
            yield PlanAction(action, owner, when, record.get("outcome"), block.location, section.heading,
                             section.kind)
            continue
        if listed or listed_only:
            lines: Iterable[str] = (_trim(i) for i in _items(block)) if _ITEM.match(text) else ()
        else:
            lines = _running_actions(text)
        for line in lines:
            if not line or line.rstrip().endswith(":") or _NOT_ACTION.match(line):
                continue  # "The following was agreed:" introduces the actions; "Review on ..." is a date
            if listed_only and not _COMMITMENT.search(line):
                continue  # a progress list also records what happened ("Kyle moved in in August")
            owner, when = find_owner(line), find_timescale(line)
            yield PlanAction(line, owner, when, None, block.location, section.heading, section.kind)


def _running_actions(text: str) -> list[str]:
    """Action lines in running text: sentences that commit someone to something, or, in a
    paragraph of short sentences with no narrative (a list typed as sentences), every one.
    "The core group met on 3 May" and "Lead social worker: Claire Dunn" are not actions."""
    sentences = [s for s in _sentences(text) if regex.search(r"\p{L}{3}", s) and not _FIELD_LINE.match(s)]
    if len(sentences) < 2:
        return [s for s in sentences if _COMMITMENT.search(s)]
    # Several sentences: short verbless ones ("Young carers assessment.") are list items too.
    # "It continues.", "This is below.": a sentence about the plan itself is not one of its items.
    verbless = [
        len(s.split()) <= 10 and not (_NARRATIVE.search(s) or _IS_VERB.search(s) or _ABOUT_IT.match(s))
        for s in sentences
    ]
    return [s for s, short in zip(sentences, verbless, strict=True) if short or _COMMITMENT.search(s)]


def _inline_record(text: str) -> dict[str, str] | None:
    """ "Action 3: Dental check-up. Responsible person: to be confirmed. By when: summer." """
    marks = list(_INLINE_LABEL.finditer(text))
    kinds = [_COLUMN_OF.get(normalise(_NUMBERED_LABEL.sub("", m.group("label")))) for m in marks]
    # The action usually comes first; an outcome-led record ("Outcome: ... Action: ...") too.
    if len(marks) < 2 or kinds[0] not in ("action", "outcome") or "action" not in kinds:
        return None
    if not any(k in ("owner", "timescale") for k in kinds):
        return None
    record: dict[str, str] = {}
    for mark, kind, following in zip(marks, kinds, [*marks[1:], None], strict=True):
        end = following.start() if following else len(text)
        value = text[mark.end() : end].strip().rstrip(".").strip()
        if kind and value and kind not in record:
            record[kind] = value
    return record if "action" in record else None


def _vetted(kind: str, value: str | None) -> str | None:
    if not value:
        return None
    if kind == "owner" and (_COLLECTIVE.search(value) or _is_vague(value)):
        return None
    if kind == "timescale" and _is_vague(value) and not _TIMESCALE.search(value):
        return None
    return value


def read_actions(form: Form, kinds: tuple[str, ...] = PLAN_KINDS) -> list[PlanAction]:
    """Every action in the form's plan sections, in form order."""
    actions: list[PlanAction] = []
    for section in form.sections:
        if section.kind in kinds:
            actions.extend(_table_actions(section))
            actions.extend(_list_actions(section))
        elif section.kind == "review_progress":
            # "Progress against the plan": its numbered lines are the plan's actions, with progress.
            actions.extend(_list_actions(section, listed_only=True))
        else:
            # A plan table under another heading (often the form's title) is still the plan.
            actions.extend(_table_actions(section, require_plan_columns=True))
    return actions

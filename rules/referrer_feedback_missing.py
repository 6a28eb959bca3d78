"""C303 referrer-feedback-missing: a referral is decided with no record that the referrer was told."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from formlint.dates import find_dates
from formlint.finding import Finding, Severity
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.agencies import NAMES, agencies_in, spans, speaks_of

_WHO = r"(?P<who>[^.;:\n]{2,70}?)"
_REFERRER_FIELD = regex.compile(
    r"(?:^|\n)\W*(?:referrer|referred by|referral (?:source|from|made by|received from)|source of "
    r"(?:referral|"
    r"contact)|contact (?:from|made by)|requested by|request (?:made )?by)\s*[:\-–]\s*(?P<who>[^.;\n]{2,90})",
    regex.IGNORECASE,
)
_REFERRER_TEXT = (
    regex.compile(
        rf"\b(?:referral|contact|request)\s+(?:was\s+|has been\s+)?(?:received\s+|made\s+|sent\s+)?"
        rf"(?:from|by)\s+{_WHO}(?=\s+(?:on|in|at|after|following|because|as|about|regarding|re|dated|when|"
        rf"reporting|raising|who|which|that|due|with|was|were|is|has|had)\b|[.,;:(\n]|$)",
        regex.IGNORECASE,
    ),
    regex.compile(
        rf"(?:^|[.;]\s+|\n){_WHO}\s+(?:(?:has|had)\s+)?(?:made|submitted|sent|completed|raised)\s+(?:an?\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}(?:referral|contact|request)\b",
        regex.IGNORECASE,
    ),
    regex.compile(
        rf"(?:^|[.;]\s+|\n){_WHO}\s+(?:(?:has|had)\s+)?(?:referred|"
        rf"contacted\s+(?:children's\s+(?:social\s+care|"
        rf"services)|the\s+(?:mash|front door|duty team|multi-agency safeguarding hub)|early help))\b",
        regex.IGNORECASE,
    ),
)
_SELF = regex.compile(
    r"\bself[- ]?referr\w*|\b(?:mother|mum|father|dad|parents?|carers?|herself|himself|themselves|the family|"
    r"young person|grand\w+|aunt|uncle|neighbour|member of the public|relative|friend)\b",
    regex.IGNORECASE,
)
_ANONYMOUS = regex.compile(r"\banonymous(?:ly)?\b|\bfeedback (?:was )?not possible\b", regex.IGNORECASE)
_DECISION = regex.compile(
    r"\b(?:decision|outcome)\s*[:\-–]|\bNFA\b|\bno further action\b|\bstep(?:ped|s)? down\b|\bsignpost\w*|"
    r"\bstrategy discussion (?:is |was )?(?:not )?(?:required|needed|held)|\bproceed(?:s|ed)? to\b|"
    r"\b(?:child in need|child protection|early help) plan\b|\b(?:case|referral) (?:was |will be |to be "
    r")?closed\b|"
    r"\bclose the case\b|\brecommend\w*",
    regex.IGNORECASE,
)
_DECISION_KINDS = ("decision", "recommendation", "manager_oversight", "analysis")
# A filled plan records the decision on the referral as much as a Decision box does.
_DECIDING_KINDS = ("decision", "recommendation", "plan_actions", "safety_plan")
_FEEDBACK = regex.compile(
    r"\b(?:feedback|outcome|decision|result|findings|conclusions?)s?\b[^.;]{0,50}?\b(?:given|provided|"
    r"shared|sent|"
    r"communicated|fed back|passed on|explained|discussed|emailed|relayed|"
    r"confirmed)\s+(?:\w+\s+){0,3}?(?:to|with)\b"
    r"|\breferrers?\b[^.;]{0,40}\b(?:informed|advised|updated|notified|told|made aware|contacted|written to|"
    r"sent|"
    r"given|received|acknowledged|thanked)"
    # not "the CPN's updated relapse plan": the verb must not be an adjective after 's / the / a
    r"|(?<!['’]s\s|\bthe\s|\ban?\s)\b(?:informed|advised|updated|notified|told|made aware|wrote to|"
    r"written to|emailed|phoned|rang|called|letter to|feedback to)\b[^.;]{0,60}\b(?:the )?"
    r"(?:outcome|decision|result|findings|plan|nfa|step[- ]down)\b"
    r"|\bfed back\b|\bfeedback (?:was |has been )?(?:given|provided|sent|shared)|\bletter to (?:the "
    r")?referrer\b"
    r"|\backnowledg(?:ed|ement)\b[^.;]{0,40}\breferr\w*|\breferr\w*[^.;]{0,40}\backnowledg\w*"
    r"|\b(?:was|were|has been|have been) (?:told|informed|advised|updated|notified) (?:of|about) the\b",
    regex.IGNORECASE,
)
_MEETING = regex.compile(
    r"\b(?:strategy (?:discussion|meeting)|conference|meeting|core group|taf|team around the family|panel)\b",
    regex.IGNORECASE,
)
_TOOK_PART = regex.compile(
    r"\b(?:attended|attend|present|took part|joined|was part of|were part of|held with|contributed|chaired|"
    r"agreed|invited|(?:held|took place|convened)\b[^.;]{0,40}\bwith)\b"
    # "Strategy discussion (police, health, school)", "Mapping meeting: 15/05 (Abbie, Mrs Beck, ...)"
    r"|\b(?:meeting|discussion|conference|mapping)\s*[:\-–]?[^().;]{0,30}\(",
    regex.IGNORECASE,
)
_PASSIVE = regex.compile(r"\b(?:was|were|been|is|are|be)$", regex.IGNORECASE)
_CAME_IN = regex.compile(
    r"\b(?:referr\w*|notification|notified|shared|raised (?:a |the )?concerns?|contacted|reported (?:to|"
    r"that))\b",
    regex.IGNORECASE,
)
_REVIEW = regex.compile(r"\breview\b", regex.IGNORECASE)


@dataclass(frozen=True)
class _Referrer:
    words: str
    agencies: tuple[str, ...]
    section: Section | None
    sentence: Sentence | None


def _referrer(form: Form) -> _Referrer | None:
    for key, value in form.metadata.other.items():
        if regex.search(r"referr|source of", key, regex.IGNORECASE):
            return _Referrer(value.strip(), tuple(agencies_in(value)), None, None)
    for section in form.sections:
        for sentence in section.sentences:
            text = sentence.text
            match = _REFERRER_FIELD.search(text)
            candidates = [match] if match else []
            if section.kind in (None, "referral", "history", "summary", "analysis", "basis_of_assessment"):
                candidates += [m for p in _REFERRER_TEXT for m in [p.search(text)] if m]
            for found in candidates:
                who = _clean(found.group("who"))
                if _PASSIVE.search(who):
                    continue  # "Kian was referred": the child, not the referrer
                if _ANONYMOUS.search(who) or _ANONYMOUS.search(text):
                    return None
                return _Referrer(who, tuple(agencies_in(who)), section, sentence)
    return _agency_referral(form)


def _clean(who: str) -> str:
    who = who.strip(" ,-–•*")
    # "On 30/05/2025 Sunflower Day Nursery referred Demi": the date opens the sentence.
    first = next(iter(find_dates(who)), None)
    if first is not None and who[: first.start].strip().lower() in ("", "on", "in", "at"):
        who = who[first.end :].lstrip(" ,")
    return who[:1].lower() + who[1:] if regex.match(r"The\b", who) else who


# A section that says why the work began, under a heading the profile may not know
# ("Why early help was requested", "Why we are involved").
_REFERRAL_HEADING = regex.compile(
    r"\b(?:referr\w*|reason for|why (?:we|early help|are we|is|was|were|this|the)|presenting|"
    r"what happened)\b",
    regex.IGNORECASE,
)
# The family asked for help themselves ("Ms Ray asked the school for help"): a self-referral.
_ASKED_FOR_HELP = regex.compile(
    r"\b(?:self[- ]?referr\w*|came\s+(?:in\s+)?to\s+see\s+(?:me|us)\b|"
    r"(?:asked|approached|contacted|went to|requested)\b[^.;]{0,60}\b(?:for|about)\s+"
    r"(?:some\s+)?(?:help|support|advice|early help)|(?:asked|requested)\s+(?:for\s+)?(?:help|support|advice|"
    r"early help))",
    regex.IGNORECASE,
)
_PARENT_SUBJECT = regex.compile(
    r"^\W*(?:(?:the\s+)?(?:mother|mum|father|dad|parents?|carers?|family|grand\w+)|(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+"
    r"[\p{Lu}][\p{L}'’-]+|[\p{Lu}][\p{Ll}'’-]+\s+(?:and\s+[\p{Lu}][\p{Ll}'’-]+\s+)?"
    r"(?:asked|approached|contacted|went|requested|came|self))",
)
# A place the child or an adult was, not who raised the concern ("seen at school").
_PLACE = regex.compile(
    r"\b(?:at|in|outside|near|from)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[\p{Lu}][\p{L}'’]*\s+){0,3}$"
)


def _referral_sections(form: Form) -> list[Section]:
    return [
        s
        for s in form.sections
        if s.kind == "referral" or (s.kind is None and _REFERRAL_HEADING.search(s.heading or ""))
    ]


def _agency_referral(form: Form) -> _Referrer | None:
    """The agency that raised the concern, where the referral section tells it as events rather
    than naming a referrer: "Kelsworth Police shared a domestic abuse notification", "Ruby told
    her teacher ...", "police attended after a neighbour heard ...", "Oak Juniors asked for early
    help". Not when the family asked for help themselves."""
    for section in _referral_sections(form):
        sentences = section.sentences[:3]
        if any(_ASKED_FOR_HELP.search(s.text) and _PARENT_SUBJECT.search(s.text) for s in sentences):
            return None
        for sentence in sentences:
            text = sentence.text
            if not _RAISED.search(text):
                continue  # "placed by the council's housing team": named, but raised nothing
            for start, end, key in spans(text):
                if key in _NOT_REFERRERS or _PLACE.search(text[max(0, start - 40) : start]):
                    continue
                # Its own name where the text gives one ("St Anne's Primary"), so that a meeting
                # "held at St Anne's" is found to include it.
                own = _OWN_NAME.search(text[max(0, start - 40) : start])
                words = f"{own.group().strip()} {text[start:end]}" if own else NAMES.get(key, key)
                return _Referrer(words, (key,), section, sentence)
    return None


# How a concern reaches an agency or is raised by it: the sentence that names the referrer.
_RAISED = regex.compile(
    r"\b(?:referr\w*|notifi\w*|shared|raised|reported|contacted|asked for|told|disclosed|attended|called|"
    r"found|saw|seen|noticed|smelled|observed|executed|arrested|concerned|worried|alerted)\b",
    regex.IGNORECASE,
)
_OWN_NAME = regex.compile(r"(?<![\p{L}'’])(?:(?-i:[\p{Lu}][\p{L}'’.-]*)\s+){1,3}$")
# Agencies that are the work's own side, not a referrer.
_NOT_REFERRERS = frozenset({"early_help"})


def _decided(form: Form) -> bool:
    if any(not s.is_blank for s in form.sections_of(*_DECIDING_KINDS)):
        return True
    return any(_DECISION.search(s.text) for s in form.sections)


# Sections listing who took part: "Who came to the mapping", "Present", "Attendees".
_ATTENDANCE_HEADING = regex.compile(
    r"\b(?:who (?:came|attended|was (?:there|present)|took part)|attend(?:ees|ance)|present|participants|"
    r"those (?:at|present))\b",
    regex.IGNORECASE,
)
# Sections that tell the family's past (an earlier, anonymous referral is not this one).
_PAST_KINDS = frozenset({"history"})
_LEAD = regex.compile(
    r"\blead (?:professional|practitioner|worker|agency)\b\W{0,3}(?P<who>[^\n]{2,120})", regex.IGNORECASE
)


def _leads(form: Form, referrer: _Referrer) -> bool:
    """The referring agency leads the work itself (a school's pastoral lead runs the early help)."""
    worker = [f"lead professional: {form.metadata.worker}"] if form.metadata.worker else []
    texts = [
        *worker,
        *form.metadata.other.values(),
        *(
            f"{b.label}: {b.text}" if b.label else b.text
            for s in form.sections
            for b in s.blocks
            if not b.blank
        ),
    ]
    for text in texts:
        for match in _LEAD.finditer(text):
            if any(k in agencies_in(match.group("who")) for k in referrer.agencies):
                return True
    return False


def _named(referrer: _Referrer, text: str) -> bool:
    """``text`` names the referring organisation by its own name ("Little Owls" for "Little Owls
    Preschool"); a one-word place name alone ("Kelsworth Police") is not enough."""
    name = referrer.words
    for start, end, _ in reversed(spans(name)):
        name = name[:start] + name[end:]
    words = tuple(_CAPITALISED.findall(name))
    return len(words) >= 2 and _phrase(words).search(text) is not None


_CAPITALISED = regex.compile(r"\b[\p{Lu}][\p{L}'’-]+")


@functools.lru_cache(maxsize=512)
def _phrase(words: tuple[str, ...]) -> regex.Pattern[str]:
    """Compiled once per name: a batch of forms names the same referrers again and again."""
    return regex.compile(r"\b" + r"\s+".join(map(regex.escape, words)) + r"\b")


def _fed_back(form: Form, referrer: _Referrer) -> bool:
    for section in form.sections:
        if (
            section.kind not in _PAST_KINDS
            and _ATTENDANCE_HEADING.search(section.heading or "")
            and any(speaks_of(k, section.text) for k in referrer.agencies)
        ):
            return True  # the referrer was at the meeting that decided
        for sentence in section.sentences:
            text = sentence.text
            if section.kind in _PAST_KINDS:
                continue
            if _FEEDBACK.search(text) or _ANONYMOUS.search(text):
                return True
            # The referrer took part in the meeting that decided.
            if (
                (any(speaks_of(k, text) for k in referrer.agencies) or _named(referrer, text))
                and _MEETING.search(text)
                and _TOOK_PART.search(text)
            ):
                return True
    return False


class ReferrerFeedbackMissing(Rule):
    code = "C303"
    slug = "referrer-feedback-missing"
    summary = (
        "A referral is recorded and decided, but nothing records that the referrer was told the outcome."
    )
    pattern = "3e"
    severity = Severity.INFO
    why = (
        "Referral procedures work when referrers hear back: those who are never told the outcome stop "
        "referring, or refer again without new framing. Working Together expects receipt to be "
        "acknowledged within one working day and the referrer to be told the decision."
    )
    fix = (
        "Record that the referrer was told the outcome: who, when and how ('Outcome shared with Mrs Ali, "
        "DSL, by phone on 6/5 and confirmed by letter'), or why it was not possible (an anonymous referral)."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Form profiles that record a referral's outcome; plans and reviews do not.
        "profiles": ("cfa", "cp_conference", "eha", "sos", "common", None),
        # Profiles where a professional referrer not told the outcome is a warning.
        "warning_profiles": ("cfa", "common", None),
    }
    examples = (
        Example(
            "REASON FOR REFERRAL\nReferral from Oak Primary School about bruising to Jay's arm.\n\n"
            "DECISION\nNFA.",
            True,
            "nothing about telling the school",
        ),
        Example(
            "REFERRAL\nReferrer: PC Smith.\n\nDECISION\nStrategy discussion not required.",
            True,
            "a police referrer, a decision, no feedback",
        ),
        Example(
            "REFERRAL\nReferral from health visitor re: missed appointments.\n\nOUTCOME\nSignposted to early "
            "help.",
            True,
            "the health visitor is not told of the signposting",
        ),
        Example(
            "REASON FOR REFERRAL\nOn 2/5 Maya told her teacher that her dad hits her.\n\nRECOMMENDATION\n"
            "Child in need plan.",
            True,
            "a disclosure to a teacher started the work; the school is not told the outcome",
        ),
        Example(
            "REFERRAL\nReferral from Oak Primary School.\n\nDECISION\nNFA. Outcome shared with Mrs Ali (DSL, "
            "Oak Primary) by phone on 6/5 and confirmed by letter.",
            False,
            "feedback given, with who, when and how",
        ),
        Example(
            "REFERRAL\nAnonymous referral from a neighbour. Feedback not possible.\n\nDECISION\nNFA.",
            False,
            "an anonymous referrer cannot be told",
        ),
        Example(
            "REFERRAL\nReferral from the health visitor.\n\nDECISION\nThe health visitor attended the "
            "strategy "
            "discussion and was told the decision there.",
            False,
            "the referrer took part in the decision",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        profiles = tuple(self.option(context, "profiles") or ())
        if form.profile not in profiles or _REVIEW.search(form.metadata.title or ""):
            return
        referrer = _referrer(form)
        if referrer is None or (_SELF.search(referrer.words) and not referrer.agencies):
            return
        if not _decided(form) or _fed_back(form, referrer) or _leads(form, referrer):
            return
        warning = bool(referrer.agencies) and form.profile in tuple(
            self.option(context, "warning_profiles") or ()
        )
        section = referrer.section or next(iter(form.sections_of("referral")), None)
        yield self.finding(
            f"The referral from {referrer.words} has a decision, but the form does not record that the "
            f"referrer was told the outcome. Record who told {referrer.words}, when and how, or why they "
            "could not be told.",
            section=section,
            sentence=referrer.sentence,
            severity=Severity.WARNING if warning else None,
        )

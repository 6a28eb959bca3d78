"""Shared language tools for formlint rules.

Pure functions over plain strings; offsets are into the string given.  The
lexicons are data files in ``formlint/language/lexicons/`` (see
``docs/language.md``).
"""

from formlint.language.classify import SentenceKind, classify_cues, classify_sentence
from formlint.language.cues import Cue
from formlint.language.judgement import judgement_cues
from formlint.language.negation import clause_bounds, is_negated
from formlint.language.rationale import RATIONALE_CATEGORIES, rationale_cues
from formlint.language.reported import reported_spans, reported_speech, reported_speech_cues, spans_of
from formlint.language.risk import RISK_CATEGORIES, RiskMention, risk_factors
from formlint.language.uncertainty import (
    UNCERTAINTY_CATEGORIES,
    Profile,
    sentence_has_question,
    uncertainty_cues,
)

__all__ = [
    "RATIONALE_CATEGORIES",
    "RISK_CATEGORIES",
    "UNCERTAINTY_CATEGORIES",
    "Cue",
    "Profile",
    "RiskMention",
    "SentenceKind",
    "classify_cues",
    "classify_sentence",
    "clause_bounds",
    "is_negated",
    "judgement_cues",
    "rationale_cues",
    "reported_spans",
    "reported_speech",
    "reported_speech_cues",
    "risk_factors",
    "sentence_has_question",
    "spans_of",
    "uncertainty_cues",
]

"""Dates, headings and sentences: the small pieces every parser and rule relies on."""

from __future__ import annotations

import datetime as dt

import pytest

from formlint.dates import find_dates, parse_date
from formlint.headings import clean_heading
from formlint.profile import load_profile
from formlint.sentences import split_text


@pytest.mark.parametrize(
    "text",
    [
        "05/04/2024",
        "05-04-2024",
        "5 April 2024",
        "5 Apr 2024",
        "2024-04-05",
        "5th April 2024",
        "05.04.2024",
        "April 5, 2024",
    ],
)
def test_uk_date_formats_read_day_first(text):
    assert parse_date(text) == dt.date(2024, 4, 5)


def test_impossible_dates_are_not_dates():
    assert parse_date("31/02/2024") is None
    assert parse_date("no date here") is None


def test_dates_are_found_in_running_text_with_spans():
    text = "Seen on 4 March 2024 and again on 12/03/2024."
    found = find_dates(text)
    assert [f.date for f in found] == [dt.date(2024, 3, 4), dt.date(2024, 3, 12)]
    assert text[found[0].start : found[0].end] == "4 March 2024"


@pytest.mark.parametrize(
    ("written", "clean"),
    [
        ("4.2 Child's Views:", "Child's Views"),
        ("Section 3: Analysis", "Analysis"),
        ("Part B - Parenting capacity", "Parenting capacity"),
        (
            "1a) Family, parenting and household relationships",
            "Family, parenting and household relationships",
        ),
        ("What are we worried about?", "What are we worried about"),
        ("## Danger statement", "Danger statement"),
    ],
)
def test_heading_numbering_and_trailing_punctuation_are_stripped(written, clean):
    assert clean_heading(written) == clean


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Child’s views, wishes and feelings", "child_views"),
        ("4.2 Voice of the child", "child_views"),
        ("Section 7: Summary and analysis", "analysis"),
        ("What are we worried about?", "risk_analysis"),
        ("What's working well?", "strengths"),
        ("Part C – Family composition", "family_composition"),
        ("Manager's decision and rationale", "manager_oversight"),
        ("Gaps in information", "gaps"),
        ("What will happen if the plan does not work?", "contingency"),
        ("Analysis of the information gathered", "analysis"),
        ("Favourite colour", None),
    ],
)
def test_heading_synonyms_from_the_research_map_to_canonical_sections(heading, kind):
    assert load_profile("cfa").section_kind(heading) == kind


def _sentences(text):
    return [text[s:e] for s, e in split_text(text)]


def test_splitter_keeps_titles_initials_and_abbreviations_inside_sentences():
    text = "Mr. J. Smith met Dr. Patel on 5 Apr. 2024, i.e. after the visit. Mrs. Smith was not there."
    assert _sentences(text) == [
        "Mr. J. Smith met Dr. Patel on 5 Apr. 2024, i.e. after the visit.",
        "Mrs. Smith was not there.",
    ]


def test_splitter_treats_list_items_as_separate_units():
    text = "Actions agreed:\n- Mum will attend the course\n- School will monitor attendance\n1. Review in May"
    assert _sentences(text) == [
        "Actions agreed:",
        "- Mum will attend the course",
        "- School will monitor attendance",
        "1. Review in May",
    ]


def test_splitter_gives_offsets_into_the_original_text():
    text = "  Ava is safe.  She said so (e.g. at school)!  Is she?"
    spans = split_text(text)
    assert [text[s:e] for s, e in spans] == ["Ava is safe.", "She said so (e.g. at school)!", "Is she?"]


def test_splitter_keeps_quoted_speech_with_its_sentence():
    text = 'Ava said "I like it at Nana\'s." Her mother agreed.'
    assert _sentences(text) == ['Ava said "I like it at Nana\'s."', "Her mother agreed."]


def test_decimal_numbers_and_approximations_do_not_split():
    text = "Weight was approx. 9.5 kg on the 0.4th centile. No concerns were raised."
    assert len(_sentences(text)) == 2


def test_heading_numbering_is_stripped_but_words_that_start_like_it_are_kept():
    from formlint.headings import clean_heading

    assert clean_heading("Section 4 - Family history") == "Family history"
    assert clean_heading("Q3. Child's views") == "Child's views"
    assert clean_heading("Part A: Details") == "Details"
    for heading in ("Questions we still have", "Partner's views", "Stepfather's views", "Quality of care"):
        assert clean_heading(heading) == heading


def test_children_act_sections_are_not_numbering():
    from formlint.headings import clean_heading

    assert clean_heading("SECTION 47 ENQUIRY OUTCOME") == "SECTION 47 ENQUIRY OUTCOME"

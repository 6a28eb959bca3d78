"""Plan actions: owner, timescale and outcome from tables in any wording and from lists."""

from __future__ import annotations

from formlint.api import parse
from formlint.plan import find_owner, find_timescale
from tests.conftest import SAMPLES
from tests.helpers import form_from_text


def test_table_columns_in_other_wordings_give_owner_timescale_and_outcome():
    form = form_from_text(
        "CHILD IN NEED PLAN\n\n"
        "| Outcome | What we will do | Responsible person | Target date |\n|---|---|---|---|\n"
        "| Jasmine sleeps well | Quiet evenings on school nights | Mr and Mrs Aziz | 20/05/2024 |\n"
        "| Asthma managed | Asthma review at the GP | | ongoing |\n",
        name="plan.md",
    )
    first, second = form.actions
    assert (first.text, first.owner, first.timescale, first.outcome) == (
        "Quiet evenings on school nights", "Mr and Mrs Aziz", "20/05/2024", "Jasmine sleeps well"
    )
    assert second.owner is None and second.timescale is None  # a blank owner; "ongoing" is no timescale


def test_list_actions_find_owner_and_timescale_in_their_words():
    form = form_from_text(
        "PLAN\n"
        "1. Ms Khan (health visitor) will weigh Ava every two weeks from 6 May.\n"
        "2. Home conditions will be monitored.\n"
        "3. Support to be offered to mother.\n"
        "4. School to tell the social worker the same day if Kai arrives hungry.\n"
    )
    owners = [(a.owner, a.timescale) for a in form.actions]
    assert owners[0] == ("Ms Khan (health visitor)", "every two weeks")
    assert owners[1] == (None, None)
    assert owners[2][0] is None
    assert owners[3] == ("School", "same day")


def test_an_agent_named_after_a_passive_is_the_owner():
    assert find_owner("Attendance will be monitored by the school.") == "the school"
    assert find_owner("All professionals to share concerns as appropriate.") is None


def test_timescales_are_dates_deadlines_or_frequencies():
    assert find_timescale("by 30 June 2024") == "30 June 2024"
    assert find_timescale("Mum to restart Triple P in September") == "in September"
    assert find_timescale("Continue to support the family") is None


def test_running_text_in_a_plan_section_yields_only_its_commitments():
    form = form_from_text(
        "PLAN\nThe core group met on 3 May. The social worker will visit fortnightly. Mum to attend the GP.\n"
    )
    assert [a.text for a in form.actions] == [
        "The social worker will visit fortnightly.",
        "Mum to attend the GP.",
    ]


def test_word_plan_tables_with_content_controls():
    form = parse(SAMPLES / "cin-plan-controls.docx")
    assert [a.owner for a in form.actions] == ["Colin Rudd", None, "Sophie Adeyemi, social worker"]


def test_inline_action_records_and_lines_broken_after_a_label():
    form = form_from_text(
        "PLAN\n"
        "Action 3: Dental check-up for Oscar. Responsible person: to be confirmed. "
        "By when: summer holidays.\n\n"
        "Action 4: Oscar to stay with his father on alternate weekends. Responsible person:\n\n"
        "Mr and Ms Lindley. By when: from 10/07/2024.\n"
    )
    first, second = form.actions
    assert (first.text, first.owner) == ("Dental check-up for Oscar", None)
    assert (second.owner, second.timescale) == ("Mr and Ms Lindley", "from 10/07/2024")


def test_dashed_what_who_when_lines():
    (action,) = form_from_text(
        "PLAN\n- Citizens Advice appointment for arrears - Mr Akinola, by 12/07/2024.\n"
    ).actions
    assert (action.owner, action.timescale) == ("Mr Akinola", "12/07/2024")


def test_standing_conditions_need_no_date():
    from formlint.plan import is_standing

    assert is_standing("Jason not to come to the family home.")
    assert is_standing("Mr Parr's contact with the children to be supervised by the paternal grandmother.")
    assert not is_standing("Mum to attend the GP.")


def test_school_calendar_timescales_and_a_passive_help_are_read_as_such():
    form = form_from_text(
        "# Child in Need Plan\n\n**Child:** Noah Finch (9)\n\n## Plan\n\n"
        "1. The school nurse will see Noah until the end of term.\n"
        "2. Ms Finch will attend the parenting group for the rest of the school year.\n"
        "3. Noah will be helped to talk about his feelings.\n",
        name="plan.md",
    )
    nurse, group, helped = form.actions
    assert nurse.timescale == "until the end of term"
    assert group.timescale == "for the rest of the school year"
    assert helped.owner is None and helped.timescale is None

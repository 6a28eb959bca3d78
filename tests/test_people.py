"""The people roster: read from details, family lists and the narrative; mentions resolve to members."""

from __future__ import annotations

from formlint.api import parse
from tests.conftest import SAMPLES
from tests.helpers import form_from_text


def people(form):
    return {(m.name, m.role): m for m in form.people}


def test_roster_reads_labelled_details_and_roles_in_the_narrative():
    form = form_from_text(
        "Child: Kai Morgan (9)\nSocial worker: Sana Iqbal\n\n"
        "FAMILY\nKai lives with his mother Leanne Morgan. Her partner Dom Achebe moved out on 01/06/2024. "
        "Carys (maternal aunt) visits daily.\n\n"
        "ANALYSIS\nMr Achebe has not been seen since the incident.\n"
    )
    found = people(form)
    assert found[("Kai Morgan", "child")].subject and found[("Kai Morgan", "child")].age == "9"
    assert found[("Leanne Morgan", "mother")].gender == "female"
    partner = found[("Dom Achebe", "partner")]
    assert partner.gender == "male"  # from "Mr Achebe" later in the form
    assert found[("Carys", "aunt")].child is False
    assert found[("Sana Iqbal", "social worker")].professional


def test_household_lists_give_roles_in_brackets_and_children_by_age():
    form = form_from_text(
        "**Child:** Amira Haddad (11)\n**Household:** Samira Haddad (mother), Youssef Haddad (father), "
        "Zain Haddad (8)\n",
        name="cfa.md",
    )
    found = people(form)
    assert found[("Youssef Haddad", "father")].in_household is True
    zain = found[("Zain Haddad", "child")]
    assert zain.child and not zain.subject and zain.in_household


def test_a_parent_known_only_by_role_is_one_member_and_merges_with_the_named_one():
    form = form_from_text(
        "BACKGROUND\nThe children's father left in 2022. Their father, Sean Platt, lives in Leeds.\n"
    )
    fathers = form.people.with_role("father")
    assert [m.name for m in fathers] == ["Sean Platt"]


def test_mentions_resolve_by_first_name_title_and_surname_or_role_word():
    form = form_from_text("Mother: Natalie Chambers (34)\nChild: Riley Chambers (6)\n")
    (mother,) = form.people.with_role("mother")
    assert form.people.mentioned_in(mother, "Ms Chambers said she was tired.")
    assert form.people.mentioned_in(mother, "Natalie agreed to the plan.")
    assert form.people.mentioned_in(mother, "Riley told me his mum cried.")
    assert not form.people.mentioned_in(mother, "Riley said he likes school.")


def test_places_and_services_are_not_people():
    form = form_from_text("PROFESSIONALS\nHollin Lane Primary (DSL) and Kelsworth Police were contacted.\n")
    assert all(m.name is None or "Primary" not in m.name for m in form.people)


def test_family_composition_tables_in_word_forms_become_household_members():
    form = parse(SAMPLES / "cfa-table-form.docx")
    found = people(form)
    assert found[("Lee Parkin", "father")].in_household is False
    assert found[("Jacob Fenwick", "brother")].child


def test_rows_typed_as_label_and_value_in_each_cell_give_name_role_and_age():
    form = form_from_text(
        "# Child and Family Assessment\n\n**Child:** Ellie-Mae Jones (7)\n\n## Family composition\n\n"
        "| Name: Ellie-Mae Jones | Relationship: subject child | Age: 7 |\n|---|---|---|\n"
        "| Name: Sian Jones | Relationship: mother | Age: 31 |\n"
        "| Name: Tyler Jones | Relationship: half-brother | Age: 12 |\n\n"
        "## Analysis\n\nEllie-Mae told me she likes her new school.\n",
        name="cfa.md",
    )
    found = people(form)
    assert found[("Sian Jones", "mother")].age == "31"
    assert found[("Tyler Jones", "brother")].child
    # A hyphenated first name is one name, kept in the form's own casing.
    assert [m.name for m in form.people.subjects] == ["Ellie-Mae Jones"]
    assert form.people.subjects[0].first_names == ("Ellie-Mae",)


def test_a_parent_of_unstated_gender_takes_it_from_their_own_account():
    form = form_from_text(
        "Child: Nova Shaw (10 weeks)\nParents: Jade Shaw (19) and Callum Reid (20)\n\n"
        "BACKGROUND\nCallum said he had punched the wall during an argument.\n"
    )
    roles = {m.name: m.role for m in form.people}
    assert roles["Callum Reid"] == "father"
    assert roles["Jade Shaw"] == "parent"  # nothing says which: left unstated


def test_numbered_household_fields_of_a_case_system_export_are_one_person_each():
    form = form_from_text(
        "Form type: Child and Family Assessment\nSubject child name: Ruby Haines\nSubject child age: 3\n"
        "Household member 1: Chelsea Haines, mother, 23\n"
        "Household member 2: Dean Walsh, mother's partner, 27\n"
        "Household member 3: Alfie-James Walsh, half-brother, 9 months\n\nANALYSIS\nRuby is three.\n"
    )
    found = people(form)
    assert found[("Dean Walsh", "partner")].in_household and found[("Dean Walsh", "partner")].age == "27"
    alfie = found[("Alfie-James Walsh", "brother")]
    assert alfie.child and alfie.age == "9 months"
    assert not any(s.heading.startswith("Household member") for s in form.sections)

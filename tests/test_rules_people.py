"""F501 absent-male-carer and C301 wider-children-overlooked, on short realistic forms."""

from formlint.rule import Context
from formlint_rules.absent_male_carer import AbsentMaleCarer
from formlint_rules.child_voice_absent import ChildVoiceAbsent
from formlint_rules.wider_children_overlooked import WiderChildrenOverlooked
from tests.helpers import form_from_text


def amc(text: str) -> list[str]:
    return [f.message for f in AbsentMaleCarer().check(form_from_text(text), Context())]


def wco(text: str) -> list[str]:
    return [f.message for f in WiderChildrenOverlooked().check(form_from_text(text), Context())]


def test_partner_listed_in_household_and_never_mentioned_again_is_flagged_by_name():
    found = amc(
        "Child: Ava Walsh (1)\nHousehold: Kim Walsh (mother), Dean Walsh (mother's partner)\n\n"
        "PARENTING CAPACITY\nMs Walsh keeps a warm, tidy home, as seen on three visits."
    )
    assert any("Dean Walsh" in message for message in found)


def test_father_declining_after_letters_counts_as_contact_sought():
    assert not amc(
        "Child: Leo Grant (6)\nFather: Marcus Lee\n\nHOW THE ASSESSMENT WAS COMPLETED\n"
        "Mr Lee did not respond to two letters and a phone message."
    )


def test_father_living_abroad_with_no_attempt_to_reach_him_is_flagged():
    found = amc(
        "Child: Kiera Dobson (15)\n\nFAMILY HISTORY\nKiera's father lives in Spain and has not been "
        "in touch since 2019.\n\nANALYSIS\nMs Dobson meets Kiera's needs, as seen on visits."
    )
    assert len(found) == 1 and "father" in found[0].lower()


def test_deceased_father_is_explained_absence():
    assert not amc("Child: Evie Marshall (2)\n\nFAMILY HISTORY\nEvie's father, Sean Platt, died in 2023.")


def test_risk_analysis_of_the_danger_he_poses_is_an_assessment():
    assert not amc(
        "Child: Mason Kirby (10)\nFather: Lee Parr\n\nRISK ANALYSIS\nMr Parr poses a risk of "
        "violence when drinking; he is on bail for threats made on 22/06/2024."
    )


def test_plan_action_alone_is_not_an_assessment_of_him():
    found = amc(
        "Child: Isaac Pryor (8)\nFather: Matt Pryor\n\nWHAT THE FAMILY TOLD ME\nMrs Pryor said he works "
        "away.\n\nPLAN\nMr Pryor to attend debt advice by 31/10/2024."
    )
    assert len(found) == 1 and "Matt Pryor" in found[0]


def test_manager_direction_to_contact_father_is_not_contact():
    found = amc(
        "Child: Leo Hart (13)\nFather: Shaun Hart\n\nANALYSIS\nLeo is unhappy at school, as his "
        "teacher reports.\n\nMANAGER'S COMMENTS\nThe social worker must contact his father and "
        "speak to Mr Hart."
    )
    assert len(found) == 1


def test_father_not_mentioned_anywhere_is_flagged_once():
    found = amc(
        "Child: Riley Chambers (6)\nMother: Natalie Chambers\n\nANALYSIS\nMs Chambers meets Riley's "
        "needs, as the school confirms."
    )
    assert len(found) == 1 and "not mentioned" in found[0]


def test_male_professionals_are_not_treated_as_carers():
    assert not amc(
        "Child: Nathan Okafor (14)\nFather: Tom Okafor\n\nBASIS\nI spoke to his head of year "
        "Mr Lyle. Mr Okafor told me he is worried about Nathan."
    )


def test_sibling_named_only_in_household_line_is_flagged_by_name():
    found = wco(
        "Child: Nathan Okafor (14)\nLives with: Grace Okafor (mother), Precious Shaw (half-sister, 5)\n\n"
        "ANALYSIS\nNathan is at risk of exploitation; he was found twice with adults known for drug supply."
    )
    assert len(found) == 1 and "Precious Shaw" in found[0]


def test_one_sentence_on_a_siblings_safety_clears_them():
    assert not wco(
        "Child: Tommy Heywood (3)\nAlso in the household: Grace Rowntree (11), half-sister\n\n"
        "GRACE\nI saw Grace alone at school; she said she makes Tommy's breakfast."
    )


def test_child_living_elsewhere_is_out_of_scope():
    assert not wco(
        "Child: Freya Lomax (1)\nFamily: Kai Lomax (9), half-brother\n\nBACKGROUND\nKai lives with "
        "his aunt under a special guardianship order.\n\nANALYSIS\nFreya was left alone and was at risk."
    )


def test_unnamed_cousin_who_stays_is_flagged_by_relationship():
    found = wco(
        "Child: Tayla Green (14)\n\nHOME\nTayla shares a bedroom with her younger cousin at weekends.\n\n"
        "ANALYSIS\nTayla is angry, and her exclusions show it; she said she wants her own room."
    )
    assert len(found) == 1 and "cousin" in found[0]


def test_father_in_a_household_table_is_known_by_his_row_and_contact_with_him_counts():
    text = (
        "# Assessment\n\n## Who lives with Cara\n\n| Name | Relationship to Cara | Age |\n|---|---|---|\n"
        "| Cara Jones | Subject | 6 |\n| Bethan Jones | Mother | 30 |\n| Owain Jones | Father | 33 |\n\n"
        "## What the family told me\n\nI met Owain at the office on 02/10/2024. He wants to see Cara on "
        "Tuesdays again.\n"
    )
    found = [f.message for f in AbsentMaleCarer().check(form_from_text(text, name="form.md"), Context())]
    assert not found


def test_another_mans_death_in_the_same_details_run_does_not_explain_this_father():
    found = amc(
        "Children:   Mia Kerr, born 03/05/2018 (6)\n            Alfie Kerr (1)\n"
        "Alfie's father:  Dale Finch (29), lives in the household\nMia's father: Rob Kerr, died in 2020\n\n"
        'WHAT MUM TOLD ME\nMs Kerr said Dale is "great with Alfie".\n\n'
        'MIA\'S VIEWS\nWhen I asked what would help, Mia said "if Dale was home more".'
    )
    assert any("Dale Finch" in message for message in found)


def test_sibling_named_only_as_the_object_of_an_adults_wish_is_overlooked():
    found = wco(
        "Household: Eve Price (7), Tom Price (4)\n\n"
        "WHAT DAD SAID\nHe wants to have Eve and Tom every Tuesday and said he had not known about the "
        "breakfasts.\n\nANALYSIS\nEve is hungry at school, as her teacher reports, and needs breakfast."
    )
    assert any("Tom Price" in message for message in found)


# --- holdout-3 failure types ---------------------------------------------------------


def test_child_saying_something_about_the_partner_is_not_contact_with_him():
    text = (
        "Child: Oscar Reed (10)\nLives with: Gemma Reed (mother) and Liam Shaw (mother's partner)\n"
        "Father: Darren Reed, died in 2019\n\n"
        "WHAT OSCAR SAYS\nHe said he likes it when Liam takes him fishing. He wants to stay at his school."
    )
    assert any("Liam Shaw" in m for m in amc(text))


def test_police_called_to_the_home_is_not_contact_with_him():
    text = (
        "Child: Oscar Reed (10)\nLives with: Gemma Reed (mother) and Liam Shaw (mother's partner)\n"
        "Father: Darren Reed, died in 2019\n\n"
        "BACKGROUND\nOn 18/04/2025 police were called to the home after Liam threw a phone at Gemma."
    )
    assert any("Liam Shaw" in m for m in amc(text))


def test_father_named_in_apposition_is_known_by_name_and_contact_with_him_counts():
    text = (
        "Children: Isla Kerr (4), Harris Kerr (7)\n"
        "Household: Morag Kerr (mother)\nEuan Kerr (39), father of both children, now at his brother's.\n\n"
        "PARENTS' VIEWS\nI met Euan at his brother's flat on 02/05/2025. He said he misses the children."
    )
    assert amc(text) == []


def test_a_parent_the_form_calls_he_is_the_father():
    text = (
        "Children: Ellie Ford (8)\nParents: Jodie Ford (30) and Marcus Ford (33)\n\n"
        "WORRIES\nMarcus punched the door and his temper frightens Ellie. Ellie said her dad shouts.\n\n"
        "MAPPING\nMarcus came to the meeting and he said his cannabis use has to stop."
    )
    assert amc(text) == []


def test_someone_elses_relative_living_elsewhere_does_not_put_the_child_out_of_scope():
    text = (
        "Young person: Zara Khan (13)\nBrother: Imran Khan (9)\n\n"
        "FAMILY\nZara's grandmother lives with her uncle's family nearby.\n\n"
        "ANALYSIS\nZara's attendance is 79% and she is anxious about school."
    )
    assert any("Imran" in m for m in wco(text))


def cva(text: str) -> list[str]:
    return [f.message for f in ChildVoiceAbsent().check(form_from_text(text), Context())]


def test_a_childs_named_views_heading_holds_that_childs_voice():
    text = (
        "Children: Kacey Dunn (8)\n\n"
        "KACEY'S VIEWS\nLikes her room \"when it's tidy\". Wants a new bed cover."
    )
    assert cva(text) == []


def test_another_childs_views_section_is_not_this_childs_voice():
    text = (
        "Children: Ellie-Mae Foster (8) and Ollie Foster (5)\n\n"
        "ELLIE-MAE'S VIEWS\n- House of worries: \"Dad shouting\".\n\n"
        "OLLIE'S VIEWS\nOllie was at his nan's on the day of the visit and has not yet been seen."
    )
    assert any("Ollie" in m for m in cva(text))


def test_she_after_a_sentence_about_the_child_is_the_child_whoever_else_is_named():
    text = (
        "Children: Poppy Hollis (7) and Jake Hollis (4)\n\n"
        "THE CHILDREN'S VIEWS\nPoppy (7): seen alone at school on 10/03/2025. "
        "She said she \"hid behind Mrs Rowe\" at the gate.\n"
        "Jake (4): seen at home. He drew his family."
    )
    assert cva(text) == []


def test_a_child_who_brought_the_worker_a_toy_was_observed():
    text = (
        "Child: Maisie Turner (2)\n\nMAISIE'S WORLD\nOn my visit Maisie brought me her shape sorter, named "
        "\"circle\" and \"star\", and went to her mum for a cuddle."
    )
    assert cva(text) == []

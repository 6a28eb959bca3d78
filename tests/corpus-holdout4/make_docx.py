#!/usr/bin/env python3
"""Generate the four .docx forms of held-out corpus 4 with python-docx.

All content is defined in this script; edit it here, not in the .docx files.
Output is deterministic: fixed core properties and fixed zip timestamps, so
re-running the script gives byte-identical files.

    .venv/bin/python tests/corpus-holdout4/make_docx.py          # writes forms/*.docx
    .venv/bin/python tests/corpus-holdout4/make_docx.py --check  # rebuilds in memory, compares bytes

Layouts (real Word structures, each different):
  cfa-04.docx     Heading 1 sections, label/answer details table, family-composition
                  table (Name | Relationship | Age/DOB | Lives in household),
                  interim safety plan table with a header row.
  icpc-02.docx    the whole report as two-column label/answer tables (bold shaded
                  labels), plus a family-composition table.
  cp-plan-01.docx bold heading lines (no heading styles), details table, plan table
                  with header row (Need | What will happen | Who | By when | How we
                  will know).
  sos-02.docx     Heading 2 sections, three-column Signs of Safety mapping table with
                  a header row, label/answer rows for danger statement/goal/scaling,
                  and an Action | Who | By when plan table.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
FORMS = HERE / "forms"
FIXED_TIME = dt.datetime(2025, 6, 1, 9, 0, 0)
ZIP_TIME = (2025, 6, 1, 9, 0, 0)


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def new_doc(title: str) -> Document:
    doc = Document()
    cp = doc.core_properties
    cp.author = "Held-out corpus 4"
    cp.last_modified_by = "Held-out corpus 4"
    cp.title = title
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.revision = 1
    cp.comments = "Fictional form for formlint evaluation"
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    return doc


def shade(cell, fill: str = "D9D9D9") -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def set_cell(cell, text: str, bold: bool = False) -> None:
    """Write text into a cell; blank lines in text become separate paragraphs."""
    parts = text.split("\n\n")
    cell.text = ""
    first = cell.paragraphs[0]
    for i, part in enumerate(parts):
        p = first if i == 0 else cell.add_paragraph()
        run = p.add_run(part)
        run.bold = bold


def kv_table(doc, rows, shaded: bool = True) -> None:
    """Two-column label/answer table."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, answer in rows:
        cells = table.add_row().cells
        set_cell(cells[0], label, bold=True)
        if shaded:
            shade(cells[0])
        set_cell(cells[1], answer)
    doc.add_paragraph()


def grid_table(doc, header, rows) -> None:
    """Table with a bold, shaded header row."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        set_cell(cell, text, bold=True)
        shade(cell)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            set_cell(cell, text)
    doc.add_paragraph()


def paras(doc, text: str) -> None:
    for part in text.strip().split("\n\n"):
        doc.add_paragraph(part.strip())


def bold_line(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.add_run(text).bold = True


def deterministic_bytes(doc) -> bytes:
    raw = io.BytesIO()
    doc.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in sorted(zin.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            data = zin.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, data)
    return out.getvalue()


# --------------------------------------------------------------------------
# cfa-04: child and family assessment, Heading 1 layout
# --------------------------------------------------------------------------

def cfa_04() -> Document:
    doc = new_doc("Child and Family Assessment - Leo and Isla Brennan")
    doc.add_paragraph("Hollinbury City Council - Children's Social Care", style="Title")
    doc.add_paragraph("Child and Family Assessment", style="Subtitle")
    kv_table(doc, [
        ("Children", "Leo Brennan, born 07/04/2013 (11)\n\nIsla Brennan, born 22/09/2018 (6)"),
        ("Address", "41 Larch Avenue, Hollinbury"),
        ("Schools", "Leo: Year 6, Westfield Primary School. Isla: Year 2, Westfield Primary School"),
        ("Referral", "02/02/2025, Hollinbury General Hospital emergency department (Carol Feeney, liaison nurse)"),
        ("Assessment started", "03/02/2025"),
        ("Assessment completed", "12/03/2025"),
        ("Social worker", "Natalie Okonjo"),
        ("Team manager", "Dev Mistry"),
    ])

    doc.add_heading("Family Composition", level=1)
    grid_table(doc, ["Name", "Relationship", "Age/DOB", "Lives in household"], [
        ["Leo Brennan", "Subject child", "11 (07/04/2013)", "Yes"],
        ["Isla Brennan", "Subject child", "6 (22/09/2018)", "Yes"],
        ["Nicola Brennan", "Mother", "37", "Yes"],
        ["Kieran Brennan", "Father of both children", "40", "No - lives in Hollinbury; children stay on Saturdays"],
        ["Pat Doyle", "Maternal grandmother", "63", "No - stayed at the house 02/02/2025 to 16/02/2025"],
    ])

    doc.add_heading("Reason for Assessment", level=1)
    paras(doc, """
At about 7.30pm on 01/02/2025 Leo found his mother on the bathroom floor, drowsy and being sick, and rang 999. Nicola told paramedics she had taken about 40 paracetamol tablets that afternoon. Isla was asleep in bed. Nicola was admitted overnight and treated, and the hospital liaison nurse referred the family the next morning. Pat Doyle came to stay with the children.
""")

    doc.add_heading("How the Assessment Was Carried Out", level=1)
    paras(doc, """
I visited the home on 04/02/2025, 18/02/2025 and 04/03/2025 and saw Leo alone at school on 11/02/2025. I met Nicola alone on 18/02/2025 and spoke to Kieran by phone on 10/02/2025. I spoke to Leo's class teacher, the school's designated safeguarding lead, the GP, the crisis resolution team and Pat Doyle.
""")

    doc.add_heading("Family History", level=1)
    paras(doc, """
Nicola and Kieran separated in 2022 after ten years together. Nicola has had depression since her early twenties. When the family lived in Ashcombe, Leo and Isla were subject to child protection plans under the category of neglect from March to December 2019, during an earlier period of Nicola's depression; the plans ended when Nicola's mood improved and the home conditions were consistently good. The family moved to Hollinbury in 2021.
""")

    doc.add_heading("Leo's Views", level=1)
    paras(doc, """
Leo told me: "I thought she was dead. I did what they said on the phone and put her on her side." He said he now checks on his mum "every night before I go to sleep, sometimes twice", and that he does not want Isla to know "how bad it was". He said he wants his mum "to get better properly this time" and would like to see his dad more. He said he does not want to talk to a counsellor at school "because everyone will know".
""")

    doc.add_heading("Isla's Views", level=1)
    paras(doc, """
Isla was staying with her grandmother during both of my home visits on 18/02/2025 and 04/03/2025, and I have not yet spoken with her.
""")

    doc.add_heading("Parents' Views", level=1)
    paras(doc, """
Nicola said she took the tablets after a letter arrived stopping her benefits, and that she "just wanted everything to stop for a bit". She said she feels ashamed that Leo found her. She wants help for her mood and is willing for the children to spend more time with their father.

Kieran told me on 10/02/2025 that he was shocked and had not known how low Nicola had been. He offered to have both children every Saturday night as well as Saturday daytime, and to be the person Leo calls if he is worried about his mother. He works shifts at the bus depot and said he can change two shifts a month.
""")

    doc.add_heading("Children's Developmental Needs", level=1)
    paras(doc, """
Leo's teacher says he has fallen asleep in lessons three times since February and has stopped going to football club. His attendance is 97%. Isla's teacher says Isla is meeting her expected levels in reading and writing; her attendance this year is 99%. The GP confirms that both children are healthy and up to date with their immunisations.
""")

    doc.add_heading("Parenting Capacity", level=1)
    paras(doc, """
On all three visits the house was clean and warm and there was food in the fridge. Nicola has taken the children to school every day since she came home from hospital, according to the school register. The crisis team visited her daily for the first week and then twice weekly. Nicola told me that on her worst days she stays in bed until the children come home, and that Leo makes his own and Isla's breakfast on those days.
""")

    doc.add_heading("Risk Analysis", level=1)
    paras(doc, """
The overdose is the most serious risk. If Nicola harms herself again while she is alone with the children, Leo or Isla could find her, which would be deeply frightening for them, and an 11-year-old would again have to manage a medical emergency. If she became unconscious while caring for Isla alone, Isla would be left without an adult.

Leo is acting as a young carer: he checks on his mother at night, makes breakfast on her bad days and is trying to protect Isla from knowing. This is already affecting his sleep and his schoolwork, and he is at risk of emotional harm from carrying this worry on his own.
""")

    doc.add_heading("Analysis", level=1)
    paras(doc, """
Leo found his mother unconscious and called the ambulance, and since then he has been checking on her at night and missing sleep. This is a heavy burden for an 11-year-old, and his teacher has noticed him falling asleep in lessons. His tiredness may also come from worry more generally rather than only from the night checks, as he has also stopped going to football club. Nicola is a protective parent. Leo's needs are being met. We do not yet know whether Nicola's mood has stabilised: the crisis team has discharged her to the community mental health team, whose first appointment is on 24/03/2025. Nicola links the overdose to the benefits letter, but the crisis team's view is that her mood had been falling since the autumn, and both may be true. Kieran's offer of more time with the children and of being Leo's person to call would lift some of the weight from Leo, although it is not yet clear whether his shifts will allow it every week.
""")

    doc.add_heading("Immediate Safety Plan (agreed 18/02/2025)", level=1)
    grid_table(doc, ["Action", "Who", "By when"], [
        ["Keep all medicines in a locked box in the kitchen, with the key kept by Nicola", "Nicola", "From 18/02/2025"],
        ["Phone the crisis line, Pat or Kieran straight away if she feels unsafe, and not be alone with the children while she feels that way", "Nicola", "From 18/02/2025"],
        ["Be the person Leo can phone at any time if he is worried about his mother, and have both children on Saturday nights", "Kieran", "From 22/02/2025"],
        ["Give Leo a card with Kieran's, Pat's and the crisis line numbers", "Natalie Okonjo, social worker", "By 20/02/2025"],
        ["Check in with Leo every Monday morning and tell the social worker the same day if he is worried or very tired", "Mrs Hayes, designated safeguarding lead", "Weekly from 24/02/2025"],
    ])

    doc.add_heading("Recommendation", level=1)
    paras(doc, """
A Child in Need plan for both children, with a young carers' referral for Leo, support for Nicola through the community mental health team, and a plan for Kieran's increased care at weekends.
""")

    doc.add_heading("Manager's Comments", level=1)
    paras(doc, """
Agreed. Before the first Child in Need meeting Isla must be seen and spoken to on her own, and the plan must say who Leo can call if his mother is unwell, because he should not have to be the one who manages a crisis. Dev Mistry, team manager, 14/03/2025.
""")
    return doc


# --------------------------------------------------------------------------
# icpc-02: ICPC report as label/answer tables
# --------------------------------------------------------------------------

def icpc_02() -> Document:
    doc = new_doc("Initial Child Protection Conference Report - Freya Lowe")
    bold_line(doc, "KETTLESBY BOROUGH COUNCIL - SOCIAL WORK REPORT TO INITIAL CHILD PROTECTION CONFERENCE")
    kv_table(doc, [
        ("Child", "Freya Lowe"),
        ("Date of birth", "14/03/2022 (2)"),
        ("Address", "7 Sandpiper Close, Kettlesby"),
        ("Nursery", "Little Acorns Day Nursery, Kettlesby"),
        ("Strategy discussion", "14/01/2025"),
        ("Conference date", "03/02/2025"),
        ("Report author", "Simon Pratt, social worker, Kettlesby Assessment Team"),
        ("Team manager", "Helen Ward"),
        ("Report shared with Jess Lowe and Aaron Pike", "30/01/2025"),
    ])

    bold_line(doc, "Family composition")
    grid_table(doc, ["Name", "Relationship", "Age/DOB", "Lives in household"], [
        ["Freya Lowe", "Subject child", "2 (14/03/2022)", "Yes"],
        ["Jess Lowe", "Mother", "26", "Yes"],
        ["Aaron Pike", "Mother's partner (since May 2024)", "30", "Yes"],
        ["Kai Lowe", "Half-brother (Jess's son)", "13", "Yes"],
        ["Scott Finch", "Freya's father", "29", "No - whereabouts unknown"],
    ])

    kv_table(doc, [
        ("Reason for conference",
         "On 13/01/2025 nursery staff saw bruising to Freya's left ear and left cheek when she arrived. Jess told the nursery that Freya had fallen off the sofa onto the corner of the toy box the afternoon before."),
        ("Chronology",
         "13/01/2025 - Nursery referral.\n\n14/01/2025 - Strategy discussion (police, health, nursery and social care). All agencies agreed that a section 47 enquiry and a child protection medical were needed. The nursery manager, Mrs Elaine Fox, said she thought the injury was accidental because Freya \"is always falling over\"; her view was recorded.\n\n14/01/2025 - Child protection medical by Dr Anita Rao, consultant paediatrician.\n\n16/01/2025 and 21/01/2025 - Home visits."),
        ("How the enquiry was done",
         "I saw Freya at nursery on 15/01/2025 and at home on 16/01/2025 and 21/01/2025. I met Jess alone on 16/01/2025 and Aaron alone on 21/01/2025, and saw them together on both visits. I spoke to Mrs Fox, Freya's key worker, Dr Rao, the health visitor and the police. Police and health checks were completed for Jess and Aaron."),
        ("Freya's views and presentation",
         "At nursery Freya pointed to her ear and said \"ouchie, sofa\". At home she showed me her bed and her Peppa Pig toy, climbed onto Jess's lap when I arrived, and asked Aaron to lift her up to see the fish tank, which he did. She chatted in short sentences and laughed when Aaron pulled faces. Her key worker says she is a lively child who settles well at nursery."),
        ("Mother's views",
         "Jess said she was in the kitchen when she heard a bang and found Freya crying next to the toy box. She did not see the fall. She said she put a cold flannel on Freya's ear and that the bruise came out the next morning. She said she is upset that anyone could think she or Aaron would hurt Freya."),
        ("Aaron Pike's views",
         "Aaron said he was upstairs when Freya fell and came down when he heard her crying. He said he had looked after Freya alone for about an hour earlier that afternoon while Jess went to the shop, and that Freya had been \"fine, just watching telly\". He said he is happy to do whatever is needed. Police and health checks found no records about Aaron."),
        ("Freya's father",
         "Jess has had no contact with Scott Finch since before Freya was born and does not know where he lives. I wrote to his last known address in Oldford Vale on 21/01/2025 and the letter was returned on 27/01/2025. Police checks found no current address. His whereabouts remain unknown."),
        ("Health",
         "Dr Rao found bruising to the outer ear and a separate bruise on the cheekbone. In her opinion the cheek bruise is consistent with a fall onto an edge, but bruising to the ear is not a common accidental injury and the pattern is also seen when a child is slapped; she could not exclude an inflicted injury. Freya's growth and development are within the expected range, and the health visitor has no other concerns."),
        ("Nursery",
         "Freya attends four days a week and her attendance is 96%. The nursery accident record shows two minor falls this term, both witnessed by staff, with grazed knees."),
        ("Wider family and community", "N/A"),
        ("Risks",
         "The main worry is that Freya's bruising may have been caused by an adult. If an adult in the household hit Freya, she is at risk of further and more serious injury, and at two she cannot protect herself or tell anyone in detail what happened. Bruising to the ear of a toddler is an injury that needs an explanation that fits; the explanation given was not seen by either adult."),
        ("Strengths",
         "Freya is well cared for day to day: her key worker says she arrives clean, fed and happy, and the home was clean and safe on both visits. Jess took Freya to nursery the morning after the injury and did not hide the bruise. Both adults have met me when asked."),
        ("Gaps in information",
         "Neither adult saw Freya fall, so we do not know how the bruises happened. We have not yet seen the nursery's full accident log for last term. Dr Rao has been asked whether the two bruises could have come from one fall."),
        ("Analysis",
         "Two explanations for Freya's bruising have been considered. Jess says Freya fell from the sofa onto the corner of the toy box; Dr Rao found the cheek bruise consistent with this, but the ear bruising is also seen when a child is slapped and she could not exclude an inflicted injury. Aaron was alone with Freya for an hour that afternoon, and neither adult saw the fall. The nursery's record of two witnessed falls this term shows that Freya does fall, but neither of those falls caused bruising to her head. We cannot yet say which explanation is right, and until we can, Freya's safety depends on knowing who cares for her and how she is afterwards. Aaron has been open and honest throughout the enquiry."),
        ("Recommendation",
         "That Freya becomes subject to a child protection plan under the category of physical abuse, because Dr Rao could not exclude an inflicted injury and nobody saw the fall, so that the two explanations can be tested over the coming months with a clear plan for her safety."),
        ("Team manager's comments",
         "Discussed with Simon on 28/01/2025. I agree that conference is needed because the medical opinion does not exclude an inflicted injury and the account was not witnessed. Before conference Simon must obtain the nursery's full accident log and Dr Rao's answer on whether one fall could cause both bruises, so that conference can weigh both explanations. Helen Ward, team manager, 29/01/2025."),
    ])
    return doc


# --------------------------------------------------------------------------
# cp-plan-01: CP plan with bold heading lines and a plan table
# --------------------------------------------------------------------------

def cp_plan_01() -> Document:
    doc = new_doc("Child Protection Plan - Kayden and Ellie Ashworth")
    bold_line(doc, "OLDFORD VALE CHILDREN'S SERVICES")
    bold_line(doc, "CHILD PROTECTION PLAN AND FIRST CORE GROUP REVIEW")
    kv_table(doc, [
        ("Children", "Kayden Ashworth, born 12/06/2015 (9), Meadowbank Primary School\n\nEllie Ashworth, born 28/09/2024 (4 months)"),
        ("Parents", "Stacey Ashworth (31) and Wayne Ashworth (35), who live together with both children"),
        ("Plan date", "13/01/2025 (initial child protection conference)"),
        ("Category", "Neglect"),
        ("First core group", "03/02/2025"),
        ("Review conference", "10/04/2025"),
        ("Social worker", "Lucy Hammond"),
        ("Team manager", "Paul Grady"),
    ], shaded=False)

    bold_line(doc, "Why Kayden and Ellie have a child protection plan")
    paras(doc, """
Stacey has been prescribed methadone since 2021 and missed two daily pick-ups in December 2024. Wayne told the conference he drinks about eight cans of lager a day. On 05/12/2024 the health visitor found Ellie asleep on the sofa with Wayne, who smelled of alcohol. Kayden was late for school 14 times in the autumn term.
""")

    bold_line(doc, "Summary")
    paras(doc, """
The conference decided on 13/01/2025 that Kayden and Ellie should have child protection plans under the category of neglect. Stacey and Wayne are committed to making the changes.
""")

    bold_line(doc, "What we are worried about")
    paras(doc, """
Stacey needs support from the Horizon drug and alcohol service to keep her methadone script stable, as she missed two pick-ups in December. Wayne needs help to cut down his drinking, since he told the conference he drinks about eight cans of lager a day. Ellie needs a safe place to sleep, because the health visitor found her asleep on the sofa with Wayne on 05/12/2024. Kayden needs a steady morning routine, as he was late for school 14 times last term.
""")

    bold_line(doc, "Kayden's views")
    paras(doc, """
Kayden (seen alone at school on 21/01/2025) said: "I want Dad to stop drinking beer because he gets grumpy and falls asleep." He said he likes breakfast club "because there's toast and Jake goes". He said his mum "is better now she goes to the chemist every day". He would like his dad to take him to football again.
""")

    bold_line(doc, "Ellie")
    paras(doc, """
I observed Ellie at home on 21/01/2025 and 30/01/2025. She smiled and cooed when Stacey talked to her, followed my face and held her head up well during tummy time. She was asleep in her cot in her parents' room on my second visit. The health visitor reports her weight is on the 25th centile and rising.
""")

    bold_line(doc, "Parents' views")
    paras(doc, """
Stacey said she wants the plan to end "as soon as possible" and that she has not missed a pick-up since Christmas. Wayne said he knows he drinks too much and wants to cut down before the review conference; he said the sofa "was a one-off".
""")

    bold_line(doc, "The plan")
    grid_table(doc, ["Need", "What will happen", "Who", "By when", "How we will know"], [
        ["Stacey's recovery", "Pick up methadone every day and attend key-work sessions at Horizon every Tuesday", "Stacey; Dan Booth, Horizon key worker", "Daily and weekly from 14/01/2025", "Horizon confirms pick-ups and sessions at each core group"],
        ["Wayne's drinking", "Attend the Horizon alcohol group every Thursday and have a liver function test with the GP", "Wayne; Horizon", "Weekly from 16/01/2025; test by 14/02/2025", "Group attendance and GP result shared at core group"],
        ["Ellie's sleep", "Visit weekly to check that Ellie sleeps in her cot and to go through safe sleep advice with both parents", "Amy Clarke, health visitor", "Weekly from 15/01/2025 until the review conference", "Ellie in her cot at every visit"],
        ["Ellie's sleep", "Wayne not to care for Ellie alone, or share a sofa or bed with her, after he has been drinking", "Wayne", "Standing condition from 13/01/2025", "Reported by Stacey and checked at visits"],
        ["Kayden's mornings", "Walk Kayden to breakfast club at Meadowbank Primary every school day", "Stacey", "From 20/01/2025", "School sends lateness figures to each core group"],
        ["Overall safety", "Visit every 10 working days, including one unannounced visit a month, and see Kayden alone", "Lucy Hammond, social worker", "Every 10 working days from 14/01/2025", "Visit records"],
    ])

    bold_line(doc, "Contingency")
    paras(doc, """
If Stacey misses two pick-ups in a month, Ellie is found sleeping unsafely again, or Wayne is drunk while caring for the children, Lucy Hammond will hold a strategy discussion with the team manager within two working days.
""")

    bold_line(doc, "Core group review, 03/02/2025: summary of progress")
    paras(doc, """
The core group reviewed each action. Horizon confirms that Stacey has picked up her methadone every day since 14/01/2025 and attended all three Tuesday sessions. Wayne has attended two of the three Thursday groups; his liver function test is booked for 10/02/2025. Ellie was in her cot at all three health visitor visits. Kayden has been late twice since 20/01/2025. No new incidents have been reported by any agency.

The plan remains unchanged because the actions have been in place for only three weeks and each is on track; the review conference on 10/04/2025 will consider whether any need to change. The professionals at the core group agreed that the plan should continue unchanged. Stacey said she does not agree that Wayne should have to stay off the sofa with Ellie "after one can", and her view is recorded. It is too early to know whether Wayne's cutting down will last.
""")

    bold_line(doc, "Authorisation")
    paras(doc, """
Approved. Paul Grady, team manager, 14/01/2025.
""")
    return doc


# --------------------------------------------------------------------------
# sos-02: Signs of Safety assessment with mapping table
# --------------------------------------------------------------------------

def sos_02() -> Document:
    doc = new_doc("Signs of Safety Assessment - Nova Shaw")
    doc.add_heading("Signs of Safety Assessment and Plan", level=1)
    kv_table(doc, [
        ("Child", "Nova Shaw, born 06/01/2025 (10 weeks)"),
        ("Parents", "Jade Shaw (19) and Callum Reid (20), who live together at Flat 12, Fernside House, Kettlesby"),
        ("Referral", "10/03/2025, health visitor (Mel Gardner)"),
        ("Mapping meeting", "19/03/2025, Kettlesby Family Hub"),
        ("At the mapping", "Jade Shaw; Callum Reid; Mel Gardner (health visitor); Tanya Bell (Jade's personal adviser, leaving care team); Amy Lowe (social worker)"),
        ("Social worker", "Amy Lowe"),
        ("Team manager", "Mark Ellison"),
    ])

    doc.add_heading("Background", level=2)
    paras(doc, """
Mel Gardner referred Nova on 10/03/2025 because her weight had dropped from the 50th centile at two weeks to the 9th centile at eight weeks. Nova was born at full term and weighed 3.3kg.

On 28/01/2025 police were called by neighbours who heard shouting at the flat. Officers found a hole punched in the kitchen wall; Callum said he had punched the wall during an argument with Jade. Nobody was injured and no further action was taken. Jade was in foster care from 13 to 18 and has a personal adviser from the leaving care team.

I visited the flat on 12/03/2025 and 19/03/2025 and saw Nova on both visits. I met Jade and Callum together both times and spoke to the GP surgery and the health visitor.
""")

    doc.add_heading("Mapping", level=2)
    grid_table(doc, ["What are we worried about?", "What is working well?", "What needs to happen?"], [[
        "Nova's weight has dropped from the 50th to the 9th centile in six weeks.\n\nMel Gardner and Amy Lowe are worried that if Nova does not start gaining weight, she could become dehydrated and seriously unwell and need to go to hospital.",
        "Jade and Callum have kept every health visitor appointment and rang the health visitor themselves when Nova was sick after feeds.\n\nCallum does the night feeds at weekends so that Jade can sleep.\n\nTanya Bell visits Jade every two weeks and helps her with appointments.",
        "Nova needs to gain weight steadily and be back on her expected centile line by the review.\n\nThe GP needs to see Nova about her sickness.\n\nJade and Callum need a clear feeding plan from the health visitor.",
    ]])

    kv_table(doc, [
        ("Complicating factors", "N/A"),
        ("Danger statement", "Mel Gardner (health visitor) and Amy Lowe (social worker) are worried that if Nova keeps losing weight, she could become seriously unwell and need hospital treatment."),
        ("Safety goal", "Nova will gain weight every week, Jade and Callum will follow a written feeding plan, and the health visitor will see Nova's weight rising back towards her centile line by 30/04/2025."),
        ("Scaling", "Amy Lowe: 5 out of 10 (0 = Nova needs to go to hospital because of her weight; 10 = Nova is gaining weight and everyone is confident she is being fed well). It is 5 because her weight has not yet started to rise, but her parents have kept every appointment and asked for help themselves."),
        ("Nova's views", "Nova is too young to give her views. She was seen at home on 12/03/2025 and 19/03/2025."),
        ("Jade's views", "Jade said Nova \"brings most of it back up\" after every feed and that she is frightened Nova is \"starving\". She wants to see the GP and is happy to keep a feeding diary."),
        ("Callum's views", "Callum said Nova is \"really sicky\" and that he has been making her bottles up the way the hospital showed them. He said he wants Nova to be well and will come to every appointment he can. He said he had been \"stressed out\" in January but that things are calmer now."),
    ])

    doc.add_heading("Analysis", level=2)
    paras(doc, """
Nova's weight loss is due to reflux, which makes her bring back most of her feeds, as Jade and Callum both describe. Jade and Callum are attentive parents: they have kept every appointment, rang the health visitor themselves when Nova was being sick, and share the night feeds. We do not yet know how much milk Nova keeps down, because no feeding diary has been kept yet. With a GP appointment, weekly weighing and a feeding plan in place, a Child in Need plan is the right level of support for now.
""")

    doc.add_heading("What needs to happen: plan", level=2)
    grid_table(doc, ["Action", "Who", "By when"], [
        ["Take Nova to the GP about her sickness after feeds", "Jade and Callum", "By 21/03/2025"],
        ["Weigh Nova every week and send the weight to the social worker the same day", "Mel Gardner, health visitor", "Weekly from 24/03/2025"],
        ["Write a feeding plan with Jade and Callum", "Mel Gardner, health visitor", "By 26/03/2025"],
        ["Keep a feeding diary (time, amount, how much brought back)", "Jade and Callum", "Daily from 19/03/2025 until the review"],
        ["Visit Nova at home every week", "Amy Lowe, social worker", "Weekly until the review on 30/04/2025"],
        ["Help Jade book and get to appointments", "Tanya Bell, personal adviser", "Every two weeks from 19/03/2025"],
    ])

    doc.add_heading("Contingency", level=2)
    paras(doc, """
If Nova loses weight at any weekly weigh-in, Mel Gardner will arrange a same-day GP or paediatric review and Amy Lowe will discuss the case with the team manager that day.
""")

    doc.add_heading("Team Manager's Consultation", level=2)
    paras(doc, """
Mark Ellison, 20/03/2025: I agree with a Child in Need plan rather than a section 47 enquiry because Nova is being weighed weekly, both parents have kept every appointment and asked for help themselves, and there is a same-day route to a paediatrician if her weight falls. Amy must make sure the GP appointment happens by 21/03/2025 and bring the first two weekly weights to supervision on 03/04/2025.
""")
    return doc


BUILDERS = {
    "cfa-04.docx": cfa_04,
    "icpc-02.docx": icpc_02,
    "cp-plan-01.docx": cp_plan_01,
    "sos-02.docx": sos_02,
}


def main(argv: list[str]) -> int:
    check = "--check" in argv
    status = 0
    for name, build in BUILDERS.items():
        data = deterministic_bytes(build())
        path = FORMS / name
        if check:
            same = path.exists() and path.read_bytes() == data
            print(f"{name}: {'ok' if same else 'DIFFERS'}")
            status |= 0 if same else 1
        else:
            FORMS.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(HERE)}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

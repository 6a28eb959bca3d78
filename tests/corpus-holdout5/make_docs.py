#!/usr/bin/env python3
"""Generate the .docx and .pdf forms of held-out corpus 5.

All their content is defined in this script: edit the script, not the
binaries. Output is deterministic:

* .docx (python-docx): fixed core properties (dates, author, revision) and
  the package is re-zipped with fixed timestamps and a fixed file order;
* .pdf (reportlab platypus): ``invariant=1`` (fixed creation date and
  document ID) and fixed title/author/subject/creator.

Layouts:

* cfa-03.docx - each section is a one-row, two-column table (shaded
  heading cell | answer cell); the father has a section headed with his name.
* eha-01.docx - Heading 2 sections, a family table, a "Team around the
  family" attendance list (List Bullet paragraphs), a What | Who | By when
  plan table.
* sos-01.docx - Heading 1 sections with Signs of Safety headings, a scaling
  paragraph and an Action | Who | When safety-plan table.
* cfa-04.pdf - sentence-case headings with trailing colons, family
  composition written as a sentence.
* rcpc-01.pdf - headings in shaded full-width bars, a details table and the
  plan as an Action | Who | By when table.

Run:  .venv/bin/python tests/corpus-holdout5/make_docs.py          # writes forms/
      .venv/bin/python tests/corpus-holdout5/make_docs.py --check  # compares bytes
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMS = HERE / "forms"
FIXED_DT = dt.datetime(2025, 7, 1, 9, 0, 0)
ZIP_DT = (2025, 7, 1, 9, 0, 0)


# --------------------------------------------------------------------------
# .docx helpers
# --------------------------------------------------------------------------

def _new_document():
    import docx
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    cp = d.core_properties
    cp.author = "Corpus generator"
    cp.last_modified_by = "Corpus generator"
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.last_printed = FIXED_DT
    cp.revision = 1
    cp.title = ""
    cp.subject = ""
    cp.keywords = ""
    cp.comments = ""
    cp.category = ""
    return d


def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _cell_paragraphs(cell, paras, bold=False):
    """Write a list of paragraph strings into a cell (first reuses the empty one)."""
    if isinstance(paras, str):
        paras = [paras]
    first = True
    for text in paras:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = p.add_run(text)
        run.bold = bold


def _table(d, header, rows, style="Table Grid", bold_header=True):
    t = d.add_table(rows=1 + len(rows), cols=len(header))
    t.style = style
    for i, h in enumerate(header):
        _cell_paragraphs(t.rows[0].cells[i], h, bold=bold_header)
        if bold_header:
            _shade(t.rows[0].cells[i], "D9D9D9")
    for r, row in enumerate(rows, start=1):
        for i, val in enumerate(row):
            _cell_paragraphs(t.rows[r].cells[i], val)
    return t


def deterministic_bytes(document) -> bytes:
    raw = io.BytesIO()
    document.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=ZIP_DT)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


# --------------------------------------------------------------------------
# cfa-03.docx: one-row two-column table per section
# --------------------------------------------------------------------------

CFA03_SECTIONS = [
    ("Child", [
        "Mia Price. Female. DOB 10/01/2025 (4 months). White British. Not yet in childcare.",
    ]),
    ("Household", [
        "Kelsey Dunn (19), mother, and Jordan Price (21), father, live with Mia at Flat 3, "
        "9 Fern Walk, Brackenfold. There are no other children.",
    ]),
    ("Referral and dates", [
        "Referral received 14/04/2025 from the health visitor, Alison Reeve. Assessment started "
        "15/04/2025 and completed 27/05/2025.",
        "Social worker: Marcus Leigh. Team manager: Donna Fairclough.",
    ]),
    ("Reason for assessment", [
        "Alison Reeve visited on 14/04/2025 for a routine contact. There was a strong smell of "
        "cannabis in the flat, and Mia was asleep on the sofa next to Kelsey, who was also asleep. "
        "Kelsey told the health visitor that she and Jordan smoke \"a bit in the evenings\".",
    ]),
    ("How the assessment was done", [
        "I visited four times: 15/04/2025 (announced, with the health visitor), 22/04/2025 "
        "(unannounced, 7pm), 08/05/2025 (announced) and 20/05/2025 (unannounced, 10am). I spoke to "
        "Kelsey and Jordan together on each visit, and to each of them alone on 08/05/2025. I "
        "checked with the police, the GP surgery and the health visiting records.",
    ]),
    ("Observations of Mia", [
        "On 22/04/2025 at 7pm Mia was asleep on the sofa, propped on a cushion, while both parents "
        "were on the balcony with the door open. The living room smelled strongly of cannabis.",
        "On 08/05/2025 Mia was awake and alert. She smiled at Jordan when he talked to her, "
        "followed my keys with her eyes and fed well from a bottle that Kelsey held, then settled on "
        "Kelsey's shoulder. On 20/05/2025 she was clean and dressed, lying on a play mat, babbling "
        "and trying to roll over; she cried when Jordan left the room and stopped when he came back.",
    ]),
    ("Mia's health and development", [
        "The health visitor weighed Mia on 02/05/2025: her weight has moved from the 25th centile "
        "at birth to the 50th. Her immunisations are up to date. Her GP, Dr Kofi Owusu, saw a dry "
        "red rash on her cheeks on 29/04/2025, diagnosed eczema and prescribed an emollient cream.",
    ]),
    ("Kelsey Dunn (mother)", [
        "Kelsey does most of Mia's day-time care. She knows Mia's feeding times and had a clean, "
        "well-organised changing area. She told me she smokes cannabis \"to chill out\" most "
        "evenings after Mia's last feed, on the balcony, and that she sometimes falls asleep with "
        "Mia on the sofa \"when she won't settle\". She said \"I know the sofa thing was stupid\" "
        "and has since bought a second Moses basket for the living room.",
        "Kelsey is not working and receives Universal Credit. She said she wants to go to college "
        "next year to train as a hairdresser.",
    ]),
    ("Jordan Price (father)", [
        "I saw Jordan alone on 08/05/2025. He works nights at a warehouse three days a week and "
        "cares for Mia in the evenings on his days off. He told me he smokes \"a couple of joints\" "
        "most evenings, always on the balcony, and never when he is looking after Mia alone. "
        "Police checks show a caution for possession of cannabis in 2022 and nothing else.",
        "I saw Jordan change Mia's nappy and give her a bottle on 08/05/2025; he held her close, "
        "talked to her throughout and knew how much milk she takes. He said he wants to \"keep us "
        "together\" and would stop smoking indoors altogether. He agreed to a drug service referral.",
    ]),
    ("Background and history", [
        "Kelsey grew up in Brackenfold and had a Child in Need plan in 2019 because she was not "
        "going to school. In August 2023, when she was 17, she took an overdose of paracetamol after "
        "a relationship ended and was admitted to Brackenfold General Hospital for two nights. CAMHS "
        "saw her until she turned 18 in November 2023. Kelsey and Jordan have been together since "
        "late 2023.",
    ]),
    ("Wider family and community", [
        "N/A",
    ]),
    ("Parents' views", [
        "Both parents said they were shocked by the referral but understood why the health visitor "
        "was worried. Kelsey said Mia is \"the best thing that's happened to me\". Both agreed to a "
        "Child in Need plan and to hair strand tests.",
    ]),
    ("Risks", [
        "Mia needs a safe place to sleep, as she has twice been found asleep on the sofa. Kelsey "
        "and Jordan would benefit from support to cut down their cannabis use, since they both smoke "
        "most evenings. Both parents need advice about smoking away from Mia, because the living "
        "room smelled strongly of cannabis on 22/04/2025.",
    ]),
    ("Analysis", [
        "Mia is a settled baby who is growing well: her weight has moved from the 25th to the 50th "
        "centile since birth (health visitor, 02/05/2025), and on all four visits she was clean and "
        "fed on demand. Both parents smoke cannabis most evenings, and on 22/04/2025 the flat smelled "
        "strongly of it while Mia was asleep in the living room. Mia has twice been found asleep on "
        "the sofa, once with Kelsey by the health visitor on 14/04/2025 and once on her own by me on "
        "22/04/2025. Kelsey and Jordan are committed parents. Mia is safe in her parents' care. I am "
        "not yet sure whether Jordan's account that they only smoke on the balcony is accurate, and "
        "a hair strand test would tell us more.",
    ]),
    ("Recommendation", [
        "Child in Need plan, with a safe sleep session from the health visitor by 06/06/2025 and a "
        "referral for both parents to the Brackenfold young people's drug and alcohol service. Hair "
        "strand tests for both parents, with their consent.",
    ]),
    ("Manager's comments", [
        "I have read the assessment and discussed it with Marcus on 23/05/2025. I agree with a Child "
        "in Need plan because Mia is thriving and both parents have taken the safe sleep advice "
        "seriously, as the new Moses basket shows, but their cannabis use needs testing rather than "
        "taking on trust. Please arrange hair strand tests for both parents before the first Child "
        "in Need meeting, and book that meeting by 13/06/2025.",
        "D. Fairclough, Team Manager, 27/05/2025",
    ]),
]


def build_cfa03():
    from docx.shared import Cm, Pt

    d = _new_document()
    p = d.add_paragraph()
    r = p.add_run("Brackenfold Metropolitan Borough Council")
    r.bold = True
    r.font.size = Pt(12)
    p = d.add_paragraph()
    r = p.add_run("Child and Family Assessment")
    r.bold = True
    r.font.size = Pt(16)
    for heading, answer in CFA03_SECTIONS:
        t = d.add_table(rows=1, cols=2)
        t.style = "Table Grid"
        left, right = t.rows[0].cells
        left.width = Cm(4.5)
        right.width = Cm(12.0)
        _cell_paragraphs(left, heading, bold=True)
        _shade(left, "DEEAF6")
        _cell_paragraphs(right, answer)
        d.add_paragraph()
    return d


# --------------------------------------------------------------------------
# eha-01.docx: Team around the family attendance list
# --------------------------------------------------------------------------

def build_eha01():

    d = _new_document()
    d.add_heading("Ashcombe Family Hub - Early Help Plan", level=1)
    _table(d, ["Item", "Detail"], [
        ["Family", "Lund, 3 Pippin Close, Ashcombe"],
        ["Lead practitioner", "Farah Begum, Family Support Worker, Ashcombe Family Hub"],
        ["Plan agreed at", "Team around the family meeting, 10/03/2025"],
        ["Next TAF review", "12/05/2025"],
        ["Consent", "Given by Chloe and Aaron Lund on 24/02/2025"],
        ["Interpreter needed", "No"],
        ["Any child with a disability", "None"],
    ])
    d.add_heading("Who is in the family", level=2)
    _table(d, ["Name", "Relationship", "Date of birth", "Lives at home"], [
        ["Harvey Lund", "Son", "08/07/2018 (6)", "Yes"],
        ["Poppy Lund", "Daughter", "12/08/2024 (7 months)", "Yes"],
        ["Chloe Lund", "Mum", "(26)", "Yes"],
        ["Aaron Lund", "Dad", "(28)", "Yes"],
    ])
    d.add_heading("Team around the family - meeting on 10/03/2025", level=2)
    d.add_paragraph("Present:")
    for who in [
        "Chloe Lund (mum)",
        "Aaron Lund (dad)",
        "Farah Begum (family support worker, lead practitioner)",
        "Mrs Anjali Patel (SENCo, Ashcombe Infant School)",
        "Nadine Cross (health visitor)",
    ]:
        d.add_paragraph(who, style="List Bullet")
    d.add_paragraph("Apologies:")
    d.add_paragraph("Mr Tom Riley (Harvey's class teacher; sent a written report)", style="List Bullet")

    sections = [
        ("Why we are working together", [
            "Chloe asked Harvey's school for help in February. Harvey's speech is hard for adults "
            "outside the family to understand, and he has been late on 23 mornings since September; "
            "his attendance is 88%. Mr Riley's report says Harvey is often upset when he arrives late "
            "and misses the start of phonics.",
        ]),
        ("What Harvey says", [
            "I saw Harvey at school on 03/03/2025 and at home on 06/03/2025. He told me he likes "
            "\"dinosaurs and Poppy\". He said he does not like it when \"people say what? when I "
            "talk\". He said mornings are \"shouty because Poppy cries and we're late\". He would "
            "like to \"go to breakfast club like Alfie\".",
        ]),
        ("Poppy", [
            "Nadine Cross saw Poppy on 04/03/2025: her weight is on the 50th centile and she is "
            "rolling and babbling as expected for her age. When I visited on 06/03/2025 Poppy "
            "smiled at Harvey, reached for him from her bouncer and laughed when he pulled faces. "
            "She settled quickly when Chloe picked her up.",
        ]),
        ("What mum and dad say", [
            "Chloe said mornings are \"chaos\" because Poppy's feeds and the school run clash, and "
            "she does the school run on her own because Aaron starts work at the bakery at 6am. "
            "Aaron said he could do the school run on Tuesdays and Thursdays if his manager agrees "
            "to move his shifts. Both are worried about Harvey's speech. Aaron said he had speech "
            "therapy himself when he was little and \"it really helped\".",
        ]),
        ("What is working well", [
            "Aaron reads with Harvey every evening, and Harvey told me about their dinosaur book. "
            "Both parents came to the TAF meeting and asked for the plan to start straight away. "
            "The health visitor says Poppy is thriving.",
        ]),
        ("What we are worried about", [
            "We are worried that if Harvey keeps arriving late he will keep missing phonics, which is "
            "the first lesson of the day, and fall further behind with his reading and his speech.",
            "We are worried that if his speech is not assessed, other children may stop playing with "
            "him and he may become upset and withdrawn. Mrs Patel has seen him playing alone at "
            "break twice this month.",
        ]),
        ("What we don't know yet", [
            "We don't know whether Harvey's unclear speech is a speech delay on its own or whether "
            "his hearing is part of it: he had a lot of ear infections as a toddler and has not "
            "had a hearing test since he was two. We don't know yet whether Aaron's shifts can "
            "change.",
        ]),
        ("Summary", [
            "Harvey is a chatty boy who loves dinosaurs and his baby sister. The late mornings are "
            "a practical problem: Chloe does the school run alone with a baby, and on the four days "
            "in February half term week when Aaron was off work Harvey was on time to holiday club "
            "every day. Harvey may need more help with his speech than school can give on its own, "
            "as Mrs Patel says his speech is about 18 months behind his age. A speech and language "
            "referral and a hearing test are the first steps.",
        ]),
    ]
    for heading, paras in sections:
        d.add_heading(heading, level=2)
        for text in paras:
            d.add_paragraph(text)

    d.add_heading("Our plan", level=2)
    _table(d, ["What will happen", "Who", "By when"], [
        ["Refer Harvey to speech and language therapy", "Mrs Anjali Patel, SENCo", "By 21/03/2025"],
        ["Book a hearing test for Harvey through the GP", "Chloe Lund", "By 28/03/2025"],
        ["Harvey to join the school's Talk Boost group three times a week", "Mrs Anjali Patel, SENCo",
         "From 17/03/2025 to 23/05/2025"],
        ["Ask his manager to move his Tuesday and Thursday shifts so he can do the school run",
         "Aaron Lund", "By 21/03/2025"],
        ["Book Harvey a breakfast club place on Mondays, Wednesdays and Fridays (free for the first "
         "half term), and take him there", "Farah Begum to book; Chloe Lund to take him",
         "From 17/03/2025"],
        ["See Poppy for her 9 to 12 month review", "Nadine Cross, health visitor", "By 30/04/2025"],
        ["Visit the family to see how mornings are going", "Farah Begum", "Every two weeks from 17/03/2025"],
    ])
    d.add_heading("If things don't get better", level=2)
    d.add_paragraph(
        "If Harvey's attendance is below 90% at the review, or the speech and language referral is "
        "not accepted, Farah will ask the early help manager for a consultation within two weeks to "
        "agree what else is needed.")
    d.add_heading("Manager approval", level=2)
    d.add_paragraph("Approved.")
    d.add_paragraph("M. Osei, Early Help Manager, 04/06/2025")
    return d


# --------------------------------------------------------------------------
# sos-01.docx: Signs of Safety assessment and safety plan
# --------------------------------------------------------------------------

def build_sos01():
    d = _new_document()
    d.add_heading("Calderbrook Council - Signs of Safety Assessment and Safety Plan", level=0)
    _table(d, ["Item", "Detail"], [
        ["Children", "Ruby Stone, DOB 19/06/2016 (8), Fieldgate Primary School; "
                     "Max Walsh, DOB 28/01/2023 (2), at home"],
        ["Mother", "Leah Harding (30)"],
        ["Max's father", "Kieran Walsh (31), Leah's partner, lives at home"],
        ["Ruby's father", "Aaron Stone, whereabouts unknown (see below)"],
        ["Address", "11 Bridle Path, Calderbrook"],
        ["Mapping meeting", "20/03/2025"],
        ["Social worker", "Jess Pryor"],
        ["Practice lead", "Anita Blake"],
        ["Safety plan review", "17/04/2025"],
    ])

    def section(title, paras):
        d.add_heading(title, level=1)
        for text in paras:
            d.add_paragraph(text)

    section("What happened", [
        "On 02/03/2025 Leah took an overdose of her prescribed sertraline and paracetamol while "
        "Kieran was at work. Ruby came home from school with a neighbour at 4pm, found her mother "
        "unconscious on the bedroom floor and called 999. Max was in his cot. Ruby was alone with "
        "Max for about 25 minutes until the ambulance came. Leah was in Calderbrook General "
        "Hospital for three nights and has been seen by the crisis team since 06/03/2025.",
    ])
    section("Who came to the mapping (20/03/2025)", [
        "Leah Harding; Kieran Walsh; Mrs Sandra Cole (Leah's mother); Mrs Helen Dyer (Ruby's "
        "class teacher); Sam Okoye (crisis team nurse); Lisa Grant (health visitor); Jess Pryor "
        "(social worker); Anita Blake (practice lead, chair).",
        "Ruby's father, Aaron Stone, has not been in touch since 2019. My letter to his last known "
        "address (Flat 2, 14 Quayside, Mardon) came back on 07/03/2025 marked \"not known at this "
        "address\". I asked the police and Ruby's school on 10/03/2025 for any other address; "
        "neither had one.",
    ])
    section("What are we worried about? - Harm", [
        "Ruby found her mother unconscious and had to call 999 and look after her brother until "
        "help came. She has told her teacher she is scared to go home in case it happens again. "
        "Leah told us she took an overdose once before, in 2018, and that she has had thoughts of "
        "ending her life on and off since her teens. When Leah is very low she stays in bed and "
        "Max is left in his cot for long periods; Kieran found him wet and hungry on 02/03/2025.",
    ])
    section("What are we worried about? - Complicating factors", [
        "See above.",
    ])
    section("What's working well?", [
        "Kieran is a protective father. Leah's mother, Mrs Sandra Cole, lives ten minutes away and "
        "has a key. Leah has seen the crisis team every day since 06/03/2025 and says she feels "
        "\"safer with them checking\". Ruby knows how to call 999. Kieran has taken unpaid leave "
        "until 31/03/2025 so that Leah is not alone with the children.",
    ])
    section("Danger statement", [
        "Jess, Sam and Mrs Dyer are worried that if Leah becomes very low again while she is alone "
        "with Ruby and Max, she could take another overdose, Max could be left without care, and "
        "Ruby could find her mother unconscious again and feel it is her job to keep her alive.",
    ])
    section("Safety goal", [
        "Ruby and Max will be safe when Leah is never the only adult looking after them while she "
        "is in crisis, Ruby knows that keeping her mum safe is not her job, and the adults around "
        "Leah know the signs that she is becoming unwell and what to do.",
    ])
    section("Scaling", [
        "0 means Ruby and Max cannot stay at home; 10 means everyone is confident they are safe and "
        "we can close.",
        "Group score: 5. Leah is seeing the crisis team every day and Kieran is at home, but Kieran "
        "goes back to work on 31/03/2025 and we do not yet know whether Leah will stay well when he "
        "does.",
    ])
    section("What we don't know", [
        "We do not know whether the overdose was planned. Leah says it was not, but she told the "
        "crisis team she had been saving tablets for a week. We do not know how Ruby is coping "
        "at night, because she has only talked about school.",
    ])
    section("Ruby's views", [
        "I saw Ruby on her own at school on 12/03/2025 and used the three houses. In her house of "
        "worries she wrote \"Mummy not waking up\" and \"Max crying\". She told me \"I thought "
        "Mummy was dead\". In her house of good things she drew Nana's kitchen and her cat. In her "
        "house of dreams she wrote \"Nana comes every day and Mummy is happy\".",
    ])
    section("Max", [
        "I observed Max at home on 12/03/2025 and 20/03/2025. He built a tower of bricks, brought a "
        "book to Kieran and sat on his knee to look at it, and said \"Mummy\" and \"more\". When he "
        "fell over on 20/03/2025 he went straight to Leah for a cuddle and she comforted him. He "
        "was clean and dressed, and the health visitor says his weight is on the 50th centile.",
    ])
    d.add_heading("Safety plan", level=1)
    _table(d, ["Action", "Who", "When"], [
        ["Kieran or Mrs Cole to be at home with Leah and the children at all times",
         "Kieran Walsh and Sandra Cole", "Until the safety plan review on 17/04/2025"],
        ["Keep Leah's tablets and give her one dose each day", "Kieran Walsh", "Daily from 20/03/2025"],
        ["Leah's mood will be monitored.", "", "Ongoing"],
        ["Support to be offered to Ruby.", "", "As needed"],
        ["See Leah every day and tell the social worker the same day if worried",
         "Sam Okoye, crisis team", "Daily until 31/03/2025"],
        ["See Ruby on her own every week", "Jess Pryor, social worker", "Weekly from 24/03/2025"],
        ["Let Ruby phone home at lunchtime if she is worried about her mum",
         "Mrs Helen Dyer, Fieldgate Primary", "Every school day from 21/03/2025"],
    ])
    section("Decision", [
        "Everyone at the mapping agreed that Ruby and Max can stay at home with this safety plan, "
        "supported by a Child in Need plan.",
    ])
    section("Practice lead's comments", [
        "I chaired the mapping. I agree that the children can stay at home, because Kieran and Mrs "
        "Cole can cover every day until 31/03/2025 and the crisis team is seeing Leah daily. Jess, "
        "before Kieran goes back to work please hold a review of the safety plan and ask the crisis "
        "team for a written view of Leah's risk of another overdose.",
        "A. Blake, Practice Lead, 21/03/2025",
    ])
    return d


# --------------------------------------------------------------------------
# .pdf helpers (reportlab platypus)
# --------------------------------------------------------------------------

def _pdf_bytes(story, title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, 1.2 * cm, "OFFICIAL-SENSITIVE")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
        bottomMargin=2 * cm, title=title, author="Corpus generator", subject="",
        creator="Corpus generator", invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def _styles():
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    ss = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=ss["BodyText"], fontName="Helvetica", fontSize=10,
                          leading=13.5, spaceAfter=5)
    return ss, body


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------
# cfa-04.pdf: sentence-case headings with trailing colons
# --------------------------------------------------------------------------

CFA04_SECTIONS = [
    ("Family composition:", [
        "Jayden lives with his mother, Sharon Tate (41), his stepfather, Craig Mellor (44), and his "
        "half-sister, Lily Mellor (9), in a three-bedroom house at 52 Osier Road, Thornley Cross. "
        "Jayden's father, Wayne Tate, lives in Fenmouth and sees Jayden about once a month.",
    ]),
    ("Reason for the assessment:", [
        "Jayden was reported missing three times this year. On 14/02/2025 he stayed out overnight "
        "and came home by himself the next morning. On 29/03/2025 police found him in Harcourt at "
        "2am with two men aged about 19. On 19/04/2025 police found him in a flat in Harcourt with "
        "£400 in cash and a second phone, which he would not explain. The police missing persons "
        "coordinator made a referral on 22/04/2025.",
    ]),
    ("How the assessment was done:", [
        "I saw Jayden on his own three times: at school on 25/04/2025, at home on 07/05/2025 and at "
        "a cafe on 21/05/2025. I visited the home on 25/04, 07/05 and 28/05/2025 and spoke to Ms "
        "Tate and Mr Mellor together and separately. I spoke to his head of year, Mr Neil Carter, "
        "and to the police, and read the two return home interviews completed by Safer Futures on "
        "30/03/2025 and 21/04/2025.",
    ]),
    ("Jayden's views:", [
        "Jayden said he goes to Harcourt \"to chill with my mates\" and that the older boys "
        "\"look after me\" and buy him food. He said the money was \"birthday money\" and would not "
        "talk about the phone. He said home is \"fine but boring\", that he gets on \"OK\" with "
        "Craig and that he misses his dad \"sometimes\". He wants \"everyone to stop making a big "
        "deal\". He agreed to meet the Safer Futures worker.",
    ]),
    ("Health:", [
        "Jayden has asthma and uses an inhaler. His GP surgery reports no other health needs and "
        "his last asthma review was in January 2025.",
    ]),
    ("Education:", [
        "Jayden is in Year 9 at Thornley Cross Academy. Mr Carter says his attendance has fallen "
        "from 95% last year to 82% this year, and he had a two-day exclusion in March 2025 for "
        "fighting. He is choosing his GCSE options this term.",
    ]),
    ("Mother's views:", [
        "Ms Tate said she is frightened for Jayden and that \"it's those lads from Harcourt\". She "
        "has tried grounding him and taking his phone, and she reports him missing as soon as he "
        "is not home by 9pm. She wants him \"away from them\".",
    ]),
    ("Stepfather's views:", [
        "Mr Mellor said he and Jayden \"used to get on\" but that they argue about the curfew now. "
        "He thinks Jayden needs \"firm rules\" and said he would go on a parenting course for "
        "parents of teenagers if one is offered.",
    ]),
    ("Parenting capacity:", [
        "Ms Tate and Mr Mellor provide good basic care: the home was clean and well stocked on all "
        "three visits and Jayden has his own room. They have set a 9pm curfew and reported each "
        "missing episode to the police within two hours, which shows they act quickly when he is "
        "missing.",
    ]),
    ("Risks:", [
        "Jayden is at risk of criminal exploitation. He was found on 19/04/2025 in a flat in "
        "Harcourt with £400 in cash and a second phone he would not explain, and on 29/03/2025 with "
        "two men aged about 19 at 2am. He is at risk of violence from the older males he spends "
        "time with and of being arrested. His attendance has fallen from 95% to 82%, and he will "
        "fall behind in his options year if this continues.",
    ]),
    ("Analysis:", [
        "Jayden's missing episodes are the result of his friendship with a group of older boys from "
        "Harcourt, whom he met at the skate park last summer, according to his mother and to his "
        "own account. The older boys have given him food, money and a phone, and he now spends most "
        "evenings with them. Ms Tate and Mr Mellor are good parents. Jayden's needs can be met "
        "through a Child in Need plan. The plan will include the Safer Futures exploitation service "
        "and the school's pastoral team.",
    ]),
    ("Recommendation:", [
        "Child in Need plan, with the first meeting by 20/06/2025. Referral to Safer Futures "
        "(accepted on 02/06/2025). Parenting course for Ms Tate and Mr Mellor.",
    ]),
    ("Manager's comments:", [
        "I agree with a Child in Need plan because Jayden's parents report every missing episode "
        "quickly, he has agreed to see Safer Futures and there has been no missing episode since "
        "19/04/2025. The exploitation screening tool must be completed with Safer Futures by "
        "30/06/2025. Jayden's father has not been contacted during this assessment; please speak to "
        "him before the first Child in Need meeting.",
        "Alan Booth, Team Manager, 04/06/2025",
    ]),
]


def build_cfa04() -> bytes:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer

    ss, body = _styles()
    head = ParagraphStyle("head", parent=body, fontName="Helvetica-Bold", fontSize=10.5,
                          spaceBefore=8, spaceAfter=3, keepWithNext=1)
    story = [
        Paragraph("Thornley Cross City Council - Children's Social Care", body),
        Paragraph("Child and family assessment", ss["Title"]),
        Paragraph("Child: Jayden Tate, born 21/06/2010 (14)", body),
        Paragraph("Referral received: 22/04/2025, from Thornley Cross Police (PC Darren Holt, "
                  "missing persons coordinator)", body),
        Paragraph("Assessment started: 23/04/2025", body),
        Paragraph("Assessment completed: 04/06/2025", body),
        Paragraph("Social worker: Grace Nwosu", body),
        Paragraph("Team manager: Alan Booth", body),
        Spacer(1, 6),
    ]
    for heading, paras in CFA04_SECTIONS:
        story.append(Paragraph(_esc(heading), head))
        for text in paras:
            story.append(Paragraph(_esc(text), body))
    return _pdf_bytes(story, "Child and family assessment")


# --------------------------------------------------------------------------
# rcpc-01.pdf: headings in shaded bars
# --------------------------------------------------------------------------

RCPC01_SECTIONS = [
    ("Why the children are on child protection plans", [
        "Mason and Ellie-Mae became subject to child protection plans under the category of "
        "emotional abuse at the initial conference on 20/01/2025. Police were called to the family "
        "home three times in 2024 because of domestic abuse by Mr Foster. On 08/12/2024 he threw Ms "
        "Foster against the wardrobe while the children were in the next room, and Mason called "
        "999. Mr Foster moved out the same night.",
    ]),
    ("Events since the initial conference", [
        "Core groups were held on 03/02/2025, 03/03/2025 and 25/03/2025. Mr Foster's bail "
        "conditions ended on 10/02/2025 when the Crown Prosecution Service decided not to charge "
        "him. Ms Foster started the Freedom Programme on 27/01/2025 and has attended eight of the "
        "ten sessions.",
        "On 15/03/2025 at about 11pm a neighbour called the police. Mr Foster had come to the house "
        "drunk, shouted and kicked the front door until a panel cracked. Ms Foster opened the door "
        "and argued with him on the doorstep. Both children woke up; officers found Ellie-Mae "
        "crying on the landing. Mr Foster had left before the police arrived. Officers spoke to him "
        "the next day and took no further action.",
        "Mason's school attendance since January is 96% and Ellie-Mae's is 94% (Pennington Vale "
        "Primary School).",
    ]),
    ("Mason's views", [
        "I saw Mason on his own at school on 06/03/2025 and 02/04/2025. He told me \"Dad kicked the "
        "door and I put my pillow on my head\". He said he wants to see his dad \"but not at "
        "home\", and that he likes Saturdays at Nana Foster's because \"Dad is nice there\".",
    ]),
    ("Ellie-Mae's views", [
        "I saw Ellie-Mae on her own at school on 02/04/2025. She drew the front door with a crack "
        "in it and said \"I was scared and I cried\". When I asked what she wished for, she said "
        "\"Daddy to be nice and not shout\".",
    ]),
    ("Parents' views", [
        "Ms Foster said the plan is helping and the Freedom Programme has \"opened my eyes\". She "
        "said she opened the door on 15/03/2025 because she \"didn't want the neighbours to hear\". "
        "She would like the plan to end.",
        "I met Mr Foster at his flat on 27/03/2025. He said he \"just wanted to see the kids\" and "
        "accepted that he had been drinking. He does not agree that the children need a child "
        "protection plan and said he will say so at conference.",
    ]),
    ("Core group view", [
        "At the core group on 25/03/2025 all members agreed that the plan was working. Mr Foster, "
        "who was invited, told me by phone afterwards that he did not agree that the children need "
        "a plan.",
    ]),
    ("Risk", [
        "Mason and Ellie-Mae remain at risk of emotional harm from domestic abuse by Mr Foster, and "
        "of physical harm if they are caught up in it: on 15/03/2025 Ellie-Mae was found crying on "
        "the landing and Mason hid under his pillow while his father kicked the door in. Mr Foster's "
        "drinking makes it more likely that he will come to the house again at night.",
    ]),
    ("Analysis", [
        "Ms Foster has made good progress. It is not clear whether she would keep Mr Foster out of "
        "the house if he came again, as she opened the door to him on 15/03/2025. The children's "
        "day-to-day care is good: both attend school more than 94% of the time and the home has "
        "been clean and warm on all six of my visits since January. Mason and Ellie-Mae have both "
        "told me that they were frightened on 15/03/2025, which shows that the harm has not "
        "stopped.",
    ]),
]

RCPC01_PLAN = [
    ["Ms Foster to complete the Freedom Programme", "Kerry Foster", "By 31/03/2025"],
    ["Mr Foster not to come to the family home", "Dean Foster", "Standing condition"],
    ["Mr Foster's time with the children to be supervised by his mother at her house",
     "Mrs Pat Foster", "Saturdays 10am to 1pm"],
    ["Social worker to visit every 10 working days and see the children on their own",
     "Laura Quinn, social worker", "Every 10 working days"],
    ["The children's emotional wellbeing will be monitored.", "", "Ongoing"],
    ["Mr Foster to be referred to a domestic abuse perpetrator programme.", "", "By 28/02/2025"],
    ["School to send the children's attendance to the social worker", "Pennington Vale Primary School",
     "Monthly"],
]


def build_rcpc01() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    ss, body = _styles()
    bar = ParagraphStyle("bar", parent=body, fontName="Helvetica-Bold", fontSize=10.5,
                         textColor=colors.white, spaceAfter=0)
    cellst = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0)
    width = 17 * cm

    def heading(text):
        t = Table([[Paragraph(_esc(text), bar)]], colWidths=[width])
        t.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#1F4E79")),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        t.keepWithNext = 1
        gap = Spacer(1, 4)
        gap.keepWithNext = 1
        return [Spacer(1, 8), t, gap]

    def grid(rows, widths, header=False):
        data = [[Paragraph(_esc(c), cellst) for c in row] for row in rows]
        t = Table(data, colWidths=widths)
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")))
        t.setStyle(TableStyle(style))
        return t

    story = [
        Paragraph("Pennington Vale Council - Children's Services", body),
        Paragraph("Review Child Protection Conference: Social Work Report", ss["Title"]),
    ]
    story += heading("Details")
    story.append(grid([
        ["Children", "Mason Foster, DOB 02/09/2015 (9); Ellie-Mae Foster, DOB 11/01/2019 (6)"],
        ["Mother", "Kerry Foster (33), 27 Kestrel Close, Pennington Vale"],
        ["Father", "Dean Foster (35), 6 Mill Yard, Pennington Vale (moved out 08/12/2024)"],
        ["Initial conference", "20/01/2025 (category: emotional abuse)"],
        ["Review conference", "14/04/2025 (first review)"],
        ["Report author", "Laura Quinn, social worker; report completed 09/04/2025"],
        ["Team manager", "Simon Ashworth"],
    ], [4.5 * cm, 12.5 * cm]))
    for title, paras in RCPC01_SECTIONS:
        story += heading(title)
        for text in paras:
            story.append(Paragraph(_esc(text), body))
    story += heading("The child protection plan")
    story.append(Paragraph(
        "The child protection plan agreed at the initial conference on 20/01/2025 is set out below. "
        "It continues.", body))
    story.append(grid([["Action", "Who", "By when"], *RCPC01_PLAN],
                      [9.5 * cm, 4.5 * cm, 3 * cm], header=True))
    story += heading("Recommendation")
    story.append(Paragraph(_esc(
        "I recommend that Mason and Ellie-Mae remain subject to child protection plans under the "
        "category of emotional abuse, because of the incident on 15/03/2025 and the children's "
        "accounts of being frightened."), body))
    story += heading("Team manager's comments")
    story.append(Paragraph(_esc(
        "I discussed this report with Laura in supervision on 08/04/2025. I agree that the plans "
        "should continue, because the incident on 15/03/2025 shows that Mr Foster will still come to "
        "the house when he has been drinking and that the children were frightened. Ms Foster's "
        "attendance at eight of the ten Freedom Programme sessions is real progress, but the "
        "conference needs to hear how she would respond if he came again."), body))
    story.append(Paragraph("S. Ashworth, Team Manager, 09/04/2025", body))
    return _pdf_bytes(story, "Review Child Protection Conference: Social Work Report")


# --------------------------------------------------------------------------

DOCX_BUILDERS = {
    "cfa-03.docx": build_cfa03,
    "eha-01.docx": build_eha01,
    "sos-01.docx": build_sos01,
}
PDF_BUILDERS = {
    "cfa-04.pdf": build_cfa04,
    "rcpc-01.pdf": build_rcpc01,
}


def all_outputs() -> dict[str, bytes]:
    out = {name: deterministic_bytes(build()) for name, build in DOCX_BUILDERS.items()}
    out.update({name: build() for name, build in PDF_BUILDERS.items()})
    return out


def main(argv: list[str]) -> int:
    outputs = all_outputs()
    if "--check" in argv:
        bad = [n for n, b in outputs.items()
               if not (FORMS / n).exists() or (FORMS / n).read_bytes() != b]
        for n in bad:
            print(f"DIFFERS forms/{n}")
        print("FAIL" if bad else f"OK ({len(outputs)} files identical)")
        return 1 if bad else 0
    FORMS.mkdir(exist_ok=True)
    for name, data in outputs.items():
        (FORMS / name).write_bytes(data)
        print(f"wrote forms/{name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

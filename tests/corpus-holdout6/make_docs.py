#!/usr/bin/env python3
"""Generate the .docx and .pdf forms of tests/corpus-holdout6 deterministically.

All content is defined here; edit this script, not the binaries.
    .venv/bin/python tests/corpus-holdout6/make_docs.py           # write forms/
    .venv/bin/python tests/corpus-holdout6/make_docs.py --check   # rebuild in memory, compare
"""
from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = dt.datetime(2025, 1, 1, 0, 0, 0)

# ---------------------------------------------------------------- cfa-03.docx
CFA03_DETAILS = [
    ("Child", "Poppy Lindqvist (5, born 03/12/2019)"),
    ("Household", "Hanna Lindqvist (mother, 31); Poppy; Leo Lindqvist (brother, 10 months)"),
    ("Father of both children", "Stefan Lindqvist (34), lives in Carrow Bridge"),
    ("School", "Tansley Green Primary (Reception)"),
    ("Social worker", "Maya Robertshaw"),
    ("Started / completed", "24/02/2025 / 04/04/2025"),
]
CFA03 = [
    ("Section A - About the family", None),
    ("A(i) Who is in the household?",
     "Poppy lives with her mother, Hanna Lindqvist, and her baby brother Leo in a three-bedroom "
     "rented house. Her father, Stefan Lindqvist, moved out in June 2024 and sees both children "
     "every Saturday at his mother's house."),
    ("A(ii) What led to this assessment?",
     "On 20/02/2025 Poppy's teacher saw three small oval bruises on the back of Poppy's upper right "
     "arm while she changed for PE. Poppy said her cousin Ava (7) had pulled her during a game. A "
     "strategy discussion on 21/02/2025 decided on a single-agency assessment, with a paediatric "
     "examination the same day."),
    ("Section B - What we found", None),
    ("B(i) What does Poppy say and how did she present?",
     "I saw Poppy alone at school on 26/02/2025 and 19/03/2025. She told me: \"Ava grabbed me when "
     "we played horses and it hurt.\" She said she likes her mummy's pancakes and going to Daddy's on "
     "Saturdays to see his rabbits. She drew her family and put Leo in the middle \"because he's the "
     "baby\". She was chatty and relaxed with me and with her teacher."),
    ("B(ii) Leo",
     "I observed Leo at home on 27/02/2025 and 25/03/2025. He crawled to his mother when I came in, "
     "pulled himself up on the sofa and babbled at Poppy, who made him laugh with a puppet. He was "
     "clean and appropriately dressed, and the health visitor's nine-month review on 10/03/2025 "
     "found his weight on the 50th centile and his development on track."),
    ("B(iii) Parents' views",
     "Ms Lindqvist said Poppy and Ava play roughly and that she has told them off for it before. She "
     "said she finds the evenings hard on her own with two children. I spoke to Mr Lindqvist by phone "
     "on 03/03/2025 and met him at his mother's house on 15/03/2025; he said he had seen the girls "
     "play \"horses\" with a skipping rope as reins and that he had not seen any marks before."),
    ("B(iv) Checks",
     "Police: no records for either parent. GP: no concerns. Health visitor: as above. The paediatric "
     "examination on 21/02/2025 (Dr Ferreira) found the bruises consistent with fingertip grip by "
     "another child or an adult and could not say which."),
    ("B(v) Early years setting (Leo)",
     "N/A - Leo is 10 months old and is cared for at home by his mother."),
    ("Section C - Analysis", None),
    ("C(i) What are the risks?",
     "The bruises show that someone gripped Poppy hard enough to mark her. If an adult caused them, "
     "Poppy and Leo could be hurt again, and Leo is at greater risk because he is a baby. Ms "
     "Lindqvist's tiredness in the evenings matters because that is when the children are alone with "
     "her."),
    ("C(ii) What explanations have we considered?",
     "We considered two explanations. The first is the one Poppy gave: rough play with Ava. Poppy "
     "told the same story twice without prompting, Mr Lindqvist describes the game, and Ava's mother "
     "confirmed on 04/03/2025 that the girls played together on 19/02/2025. The second is that an "
     "adult gripped Poppy, which Dr Ferreira could not exclude. Nothing else we found points to an "
     "adult, but we have kept this possibility open."),
    ("C(iii) What do we not know?",
     "We have not spoken to Ava herself, because her mother did not agree. We do not know how Ms "
     "Lindqvist manages on the evenings when she is most tired."),
    ("C(iv) Recommendation",
     "Poppy's account is consistent and is supported by her father, Ava's mother and the paediatric "
     "opinion, so I recommend early help for Ms Lindqvist with evening routines rather than a Child in "
     "Need plan. Ms Lindqvist agrees with this; Mr Lindqvist would prefer a Child in Need plan "
     "because he worries about how tired she is, and his view has been shared with my manager."),
    ("Section D - Management oversight",
     "Discussed in supervision on 03/04/2025. I agree with the early help recommendation because Poppy's "
     "account has been tested against three sources and the medical opinion. I have weighed Mr "
     "Lindqvist's view: the early help worker should visit in the evening and review with him after "
     "six weeks whether the help is enough. Leanne Garside, Team Manager, 04/04/2025"),
]

# ---------------------------------------------------------------- eha-01.docx
EHA01_DETAILS = [
    ("Child", "Amelia Grant (10, born 17/07/2014)"),
    ("Lives with", "Tanya Grant (mother, 38); Sam Grant (brother, 14)"),
    ("Father", "Martin Grant, lives in Leeds"),
    ("School", "Brackenholme Primary (Year 5)"),
    ("Lead practitioner", "Joel Whitaker, Early Help Worker"),
    ("Does Amelia have a disability?", "None"),
    ("Plan agreed", "14/04/2025"),
    ("TAF review date", "16/05/2025"),
]
EHA01 = [
    ("Why we are working together",
     "Brackenholme Primary asked Ms Grant in March whether she would like early help because Amelia "
     "had arrived after registration on 19 of the 40 school days since January and often looked tired. "
     "Ms Grant agreed and signed the consent form on 01/04/2025."),
    ("My world: how I grow and develop",
     "Amelia told me she loves netball and drawing horses. She said mornings are \"a rush\" and that "
     "she sometimes does not have breakfast. Her teacher says she is working at the expected level "
     "but misses the phonics catch-up group, which runs before registration."),
    ("My world: what I need from the people who look after me",
     "Ms Grant started a 6am shift at the care home in January and leaves the house at 5.40am. Sam, "
     "who is 14, wakes Amelia and walks her to school before going to his own school. Sam told me he "
     "does not mind but is often late himself; he said \"Amelia takes ages and I can't make her "
     "hurry\". I spoke to Mr Grant by phone on 10/04/2025; Amelia stays with him one weekend a month "
     "and he said she is always on time for things when she is with him."),
    ("My world: my wider world",
     "The family live in a two-bedroom flat above a shop. Ms Grant's sister lives nearby but works "
     "early shifts too. The walk to school is 15 minutes along a main road."),
    ("What we are worried about",
     "If Amelia keeps arriving after registration she could fall behind in reading, because she is "
     "missing the catch-up group, and she may be on the main road without an adult on mornings when "
     "Sam leaves early. Sam is carrying a job that is too big for a 14-year-old, as he is "
     "now often late for his own school."),
    ("What is going well",
     "Amelia is doing well in class and has good friends, according to her teacher. Ms Grant is "
     "open about how hard the mornings are and asked for help herself."),
    ("Summary",
     "Amelia's lateness is because of Ms Grant's early shift pattern, which started in January, "
     "the same month the late arrivals began. Once the shift is changed or "
     "the breakfast club place starts, the mornings will settle."),
    ("Team manager",
     "Approved. Ruth Akinola, Early Help Team Manager, 02/06/2025"),
]
EHA01_PLAN = [
    ("Ask her manager about moving to a 7am shift start", "Tanya Grant", "By 25/04/2025"),
    ("Offer Amelia a free breakfast club place from 7.45am", "Brackenholme Primary (Mrs Kaur, office manager)", "From 28/04/2025"),
    ("Phone Ms Grant the same morning if Amelia is not in by 9am", "Brackenholme Primary (Mrs Kaur)", "From 28/04/2025"),
    ("Meet Sam and Amelia together to agree a morning routine chart", "Joel Whitaker", "By 02/05/2025"),
]

# ---------------------------------------------------------------- sos-02.docx
SOS02_DETAILS = [
    ("Children", "Jamal Okoro (14, born 12/01/2011); Precious Okoro (12, born 30/09/2012)"),
    ("Mother", "Grace Okoro (44)"),
    ("Father", "Emmanuel Okoro - died in 2021"),
    ("Worker", "Rhiannon Coles, social worker, Sefton Vale Children's Services"),
    ("Mapping date", "20/05/2025"),
    ("Present", "Ms Okoro, Jamal, Precious, Rhiannon Coles, Mr Hussain (head of year, Orchard Park School), PC Laura Benn"),
]
SOS02 = [
    ("Referral",
     "On 02/05/2025 police stopped Jamal in Northgate at 22:30 with two older boys. He was carrying a "
     "kitchen knife and £300 in cash and would not say where the money came from. He was released to "
     "his mother. Orchard Park School reports that Jamal has missed 14 afternoons since Easter and has "
     "a new phone that his mother did not buy."),
    ("Jamal's views",
     "Jamal told me the knife was \"for protection\" because \"everyone carries\". He said he is not "
     "doing anything wrong and that the money was from \"a mate\". He wants to be a mechanic."),
    ("Precious's views",
     "Precious told me she misses her dad and that \"Mum is always tired\". She said she worries when "
     "Jamal comes home late and she cannot sleep until he is in. She likes her new school and her "
     "drama club."),
    ("What are we worried about?",
     "Ms Okoro needs support with her low mood, as she has been feeling low since her husband died. "
     "Jamal needs help to manage his anger and to get back into school, as he has missed 14 "
     "afternoons since Easter. The family would benefit from "
     "a parenting course. Precious would benefit from a bereavement group, because she told me she "
     "misses her dad."),
    ("What's working well?",
     "Ms Okoro has kept the family home going on her own since 2021; the house was warm and well "
     "stocked on both visits. Precious attends every day (100% this year)."),
    ("Complicating factors", "See above."),
    ("Safety scale",
     "Everyone at the mapping agreed that Jamal and Precious are safe at home and scored safety at 8."),
    ("Analysis",
     "Ms Okoro is a protective parent. Jamal's behaviour will settle with the right support. The "
     "family's needs can be met through a Child in Need plan."),
    ("Practice manager", "Authorised. Kwame Asante, 23/05/2025"),
]
SOS02_PLAN = [
    ("Jamal's school attendance will be monitored.", "", ""),
    ("Support will be offered to Ms Okoro with her low mood.", "", "Ongoing"),
    ("Rhiannon Coles to refer Precious to the Sefton Vale young people's bereavement group", "Rhiannon Coles", "By 30/05/2025"),
    ("Ms Okoro to attend the Family Links parenting course", "Grace Okoro", "From 04/06/2025, weekly for 8 weeks"),
]

# ---------------------------------------------------------------- rcpc-01.pdf
RCPC01_DETAILS = [
    ("Child", "Summer-Rose Pike (11, born 22/02/2014)"),
    ("Mother", "Gemma Pike (36), lives with Summer-Rose"),
    ("Father", "Dean Pike (38), lives in Ashby Thorpe; contact every other weekend"),
    ("Category", "Neglect (plan from ICPC on 13/01/2025)"),
    ("Social worker", "Laura Fenwick"),
    ("Review conference", "07/04/2025"),
    ("Next review conference", "06/10/2025"),
]
RCPC01 = [
    ("Background",
     "Summer-Rose became subject to a child protection plan in January 2025 after school reported that "
     "Ms Pike had collected her drunk on three occasions and that Summer-Rose was doing the family "
     "shopping and caring for her mother in the evenings. In November 2023 Ms Pike was admitted to "
     "Ashby General after taking an overdose of her antidepressants; Summer-Rose found her and called "
     "the ambulance. Ms Pike was discharged to the community mental health team, which closed her case "
     "in March 2024."),
    ("Progress since the initial conference",
     "Ms Pike started with Turning Point alcohol service on 03/02/2025 and has attended seven of nine "
     "appointments. Her breath tests at the service were clear on six of those seven visits. School "
     "report that Ms Pike has been sober at every collection since February. Summer-Rose's attendance "
     "has risen from 84% to 93%."),
    ("Summer-Rose's views",
     "I saw Summer-Rose alone on 11/03/2025 and 31/03/2025. She said: \"Mum's trying really hard. I "
     "don't have to check on her every night now.\" She wants to stay with her mum and to keep going "
     "to her dad's every other weekend. She still worries when her mum goes to the pub with friends."),
    ("Father's views",
     "I spoke to Mr Pike by phone on 02/04/2025. He said Summer-Rose seems \"lighter\" when she comes to "
     "him, and that he would have her more often if needed. He cannot attend conference because of work "
     "but agrees with the plan continuing."),
    ("Analysis of risk",
     "The main risk is that Ms Pike returns to heavy drinking and Summer-Rose goes back to caring for "
     "her, which would harm her schooling and her emotional wellbeing. Ms Pike's progress is real, as "
     "shown by the clear breath tests and the school's observations, but it is only two months old and "
     "it is not yet clear how she will manage the Easter holidays. Ms Pike is honest with professionals. "
     "Summer-Rose is a resilient girl."),
    ("Recommendation",
     "It was agreed that Summer-Rose should remain subject to a child protection plan under the category "
     "of neglect, because the change is recent and has not been tested over a school holiday."),
    ("Team manager's comments",
     "I attended the pre-conference discussion on 03/04/2025. I agree the plan should continue for the "
     "reasons given; I have asked Laura to add a check with Mr Pike after the Easter holidays about how "
     "Summer-Rose seemed during her stay. Andrew Colley, Team Manager, 04/04/2025"),
]
RCPC01_PLAN = [
    ("Ms Pike to attend Turning Point fortnightly and give breath tests", "Gemma Pike", "Fortnightly to 06/10/2025"),
    ("Summer-Rose to be referred to the young carers service", "", "By 30/04/2025"),
    ("Social worker to visit every two weeks and see Summer-Rose alone", "Laura Fenwick", "Every two weeks"),
    ("Ms Pike's drinking will be monitored.", "", ""),
    ("Dean Pike to have Summer-Rose for the second week of the Easter holidays", "Dean Pike", "14/04/2025 to 19/04/2025"),
]


# ---------------------------------------------------------------- builders
def _docx_bytes(build) -> bytes:
    import docx

    d = docx.Document()
    cp = d.core_properties
    cp.author = "formlint corpus"
    cp.last_modified_by = "formlint corpus"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1
    build(d)
    raw = io.BytesIO()
    d.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(src.namelist()):
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, src.read(name))
    return out.getvalue()


def _details_table(d, rows):
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in rows:
        c = t.add_row().cells
        c[0].text = k
        c[1].text = v


def build_cfa03(d):
    d.add_heading("Child and Family Assessment", level=0)
    _details_table(d, CFA03_DETAILS)
    for head, text in CFA03:
        if text is None:
            d.add_heading(head, level=1)
        else:
            p = d.add_paragraph()
            p.add_run(head).bold = True
            d.add_paragraph(text)


def _plan_table(d, header, rows):
    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for i, h in enumerate(header):
        t.rows[0].cells[i].text = h
    for row in rows:
        c = t.add_row().cells
        for i, v in enumerate(row):
            c[i].text = v


def build_eha01(d):
    d.add_heading("Early Help Assessment and Family Plan", level=0)
    _details_table(d, EHA01_DETAILS)
    for head, text in EHA01[:-1]:
        d.add_heading(head, level=2)
        d.add_paragraph(text)
    d.add_heading("Our plan", level=2)
    _plan_table(d, ("What will happen", "Who", "By when"), EHA01_PLAN)
    head, text = EHA01[-1]
    d.add_heading(head, level=2)
    d.add_paragraph(text)


def build_sos02(d):
    d.add_heading("Signs of Safety Assessment", level=0)
    _details_table(d, SOS02_DETAILS)
    for head, text in SOS02[:-1]:
        d.add_heading(head, level=1)
        d.add_paragraph(text)
    d.add_heading("What needs to happen?", level=1)
    _plan_table(d, ("Action", "Who", "When"), SOS02_PLAN)
    head, text = SOS02[-1]
    d.add_heading(head, level=1)
    d.add_paragraph(text)


def _pdf_bytes() -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    ss = getSampleStyleSheet()
    buf = io.BytesIO()

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, 1.2 * cm, f"OFFICIAL-SENSITIVE / Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buf, pagesize=A4, invariant=1, title="Review Child Protection Conference Report",
        author="formlint corpus", subject="", creator="formlint corpus",
        leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm,
    )
    body = ss["BodyText"]
    story = [Paragraph("Review Child Protection Conference - Social Work Report", ss["Title"])]
    dt_ = Table([[Paragraph(escape(k), body), Paragraph(escape(v), body)] for k, v in RCPC01_DETAILS],
                colWidths=[5 * cm, 12 * cm])
    dt_.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
    story += [dt_, Spacer(1, 12)]

    def section(head, text):
        story.append(Paragraph(escape(head.upper()), ss["Heading3"]))
        story.append(Paragraph(escape(text), body))

    for head, text in RCPC01[:5]:
        section(head, text)
    story.append(Paragraph("THE CHILD PROTECTION PLAN (CARRIED FORWARD)", ss["Heading3"]))
    rows = [[Paragraph(h, body) for h in ("Action", "Who", "When")]]
    rows += [[Paragraph(escape(c), body) for c in r] for r in RCPC01_PLAN]
    pt = Table(rows, colWidths=[9 * cm, 4 * cm, 4 * cm])
    pt.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                            ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))
    story.append(pt)
    for head, text in RCPC01[5:]:
        section(head, text)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def all_outputs() -> dict[str, bytes]:
    return {
        "cfa-03.docx": _docx_bytes(build_cfa03),
        "eha-01.docx": _docx_bytes(build_eha01),
        "sos-02.docx": _docx_bytes(build_sos02),
        "rcpc-01.pdf": _pdf_bytes(),
    }


def main() -> int:
    outs = all_outputs()
    if "--check" in sys.argv:
        bad = [n for n, b in outs.items() if (HERE / "forms" / n).read_bytes() != b]
        print("differs: " + ", ".join(bad) if bad else "all identical")
        return 1 if bad else 0
    for n, b in outs.items():
        (HERE / "forms" / n).write_bytes(b)
        print("wrote forms/" + n)
    return 0


if __name__ == "__main__":
    sys.exit(main())

# ruff: noqa: E501
"""Texts for the bundled sample forms built by ``tools/make_samples.py``.

Everything here is fictional: people, schools, councils and places are
invented. Each prose paragraph is one line; the builder wraps plain-text and
Markdown output. Deliberate recording failings and near misses are listed in
``samples/README.md`` and must stay in step with it.
"""

from __future__ import annotations

PLACEHOLDER = "Click or tap here to enter text."  # Word's prompt in an unfilled content control

# ---------------------------------------------------------------------------
# 1. cfa-table-form.docx: child and family assessment as label/answer tables
# ---------------------------------------------------------------------------
CFA_TABLE = {
    "council": "Kelderby Borough Council - Children's Services",
    "title": "Child and Family Assessment",
    "header": "OFFICIAL-SENSITIVE    Case ref: KBC-CS-204817",
    "identity": [
        ("Child's name", "Ellie-Mae Harrow", "Date of birth", "14/02/2017"),
        ("Gender", "Female", "Ethnicity", "White British"),
        ("School", "Millbrook Lane Primary School", "First language", "English"),
        ("Date of referral", "26/02/2024", "Assessment start date", "27/02/2024"),
        ("Date completed", "23 April 2024", "Assessment type", "Section 17"),
        ("Social worker", "Priya Shanmugam", "Team manager", "Joanne Whitlock"),
    ],
    "household": [
        ("Name", "Relationship to child", "Date of birth", "Lives in household"),
        ("Danielle Harrow", "Mother", "11/06/1994", "Yes"),
        ("Craig Fenwick", "Mother's partner (Jacob's father)", "02/12/1990", "Yes"),
        ("Jacob Fenwick", "Half-brother", "03/09/2021", "Yes"),
        ("Lee Parkin", "Father", "Not known", "No"),
        ("Linda Harrow", "Maternal grandmother", "19/08/1968", "No"),
    ],
    "sections": [
        ("Reason for referral", "On 26/02/2024 Millbrook Lane Primary School (Mrs Joanne Bell, designated safeguarding lead) referred Ellie-Mae because her attendance had fallen to 81% this term and she had arrived at school hungry on four mornings in February. On 22 February Ellie-Mae told her class teacher that there was \"no food in the cupboards\" and that she had made Jacob's breakfast before school.\nThe referral was accepted for a child and family assessment under section 17 on 27/02/2024."),
        ("Basis of assessment", "Assessment completed through home visits and information gathered from various sources."),
        ("Child's views", "N/A"),
        ("Parents' views", "Danielle said she has been struggling since she lost her job at a care home in January and that money has been very tight. She said the school \"makes a big deal out of nothing\" and that Ellie-Mae is late because she will not get out of bed.\nDanielle says Craig is supportive and good with the children."),
        ("Health", "Ellie-Mae is up to date with her immunisations and had a dental check in November 2023. Jacob's two-year review with the health visitor on 7 March 2024 was within the expected range."),
        ("Education", "Ellie-Mae is in Year 2. The school register shows attendance of 81% for the spring term to 15 March and 11 late marks. Her teacher says she is working slightly below the expected standard in reading."),
        ("Education (Jacob)", "N/A, Jacob is two and is not yet in nursery; he is at home with his mother during the day."),
        ("Emotional and behavioural development", "There are no concerns about Ellie-Mae's emotional development."),
        ("Parenting capacity", "Danielle's basic care of Jacob is good enough: on all three home visits (5, 12 and 19 March 2024) he was clean, fed and settled, and the health visitor confirms his weight is tracking the 50th centile.\nDanielle provides good emotional warmth, guidance and boundaries."),
        ("Housing", "No issues identified - three-bedroom housing association house on Brackley Road since 2020; I saw all three bedrooms on 12 March 2024."),
        ("Income and employment", "Danielle has claimed Universal Credit and the first payment is not due until 29 April 2024. The family used the Kelderby food bank twice in March. Craig works shifts at a warehouse."),
        ("Wider family", "Maternal grandmother Linda Harrow lives nearby and collects Ellie-Mae from school on Wednesdays.\nEllie-Mae's father, Lee Parkin, has had no contact since 2019. Danielle gave his last known address in Hallowfield, and Hallowfield children's services were asked on 12/03/2024 whether he is known to them; no reply had been received when this assessment was completed."),
        ("Gaps in information", "None"),
        ("Analysis", "Mum's parenting is good enough. The children are safe in her care and their needs are being met. Ellie-Mae's attendance has been poor this term but Danielle now understands the importance of school and attendance will improve. The home conditions are good. There are no concerns about Jacob's development. Danielle has engaged well with the assessment and is open and honest with professionals. Craig is a protective factor for the children. The family's financial difficulties are temporary and the Universal Credit claim will resolve them.\nEllie-Mae is a happy and settled child who is well cared for. There is no evidence of neglect. The referral from school was appropriate but the concerns have not been substantiated. Danielle has a good support network in her mother. The children do not need a child protection plan. Ellie-Mae and Jacob are children in need under section 17 and a child in need plan will support the family to get back on track. Danielle is motivated to make changes and she will work well with the plan."),
        ("Recommendation", "Child in need plan under section 17. First child in need review meeting in three months."),
    ],
    "plan": [
        ("What needs to change", "Action", "Who", "By when", "How will we know"),
        ("Ellie-Mae gets to school on time every day", "Family support worker to do morning routine sessions at home twice a week", "Tom Okafor, family support worker", "31/05/2024", "Attendance above 95% and no late marks on the weekly register the DSL sends each Friday"),
        ("The children have enough food", "Referral to Kelderby Community Pantry and help with the Universal Credit advance payment", "Priya Shanmugam, social worker", "03/05/2024", "Danielle shows the social worker the pantry membership card; school reports no hungry mornings"),
        ("Home conditions", "The situation will be monitored.", "", "Ongoing", ""),
        ("Danielle's wellbeing", "Support to be offered to mother.", "", "ASAP", "Mum is coping better"),
    ],
    "manager": ("Manager's comments", "Agree with recommendation. CIN plan.\nJoanne Whitlock, Team Manager, 25 Apr 2024"),
    "plan_date": ("Plan date", "25/04/2024", "Next review date", "25 July 2024"),
}

# ---------------------------------------------------------------------------
# 2. cp-conference-headings.docx: ICPC report with numbered Word headings
# ---------------------------------------------------------------------------
CP_CONF = {
    "title": "Social Work Report to Initial Child Protection Conference",
    "subtitle": "Brackenford County Council - Children's Social Care",
    "meta": [
        ("Children", "Leah Brennan (date of birth 19/07/2016) and Oscar Brennan (date of birth 02/01/2023)"),
        ("Conference date", "7 May 2024"),
        ("Strategy discussion", "15 Apr 2024"),
        ("Report author", "Hannah Okafor, Social Worker, Brackenford Safeguarding Team 2"),
        ("Team manager", "Martin Greaves"),
        ("Date completed", "2 May 2024"),
        ("Date shared with family", "3 May 2024 (mother and father, separately)"),
    ],
    "blocks": [
        ("h1", "1. Reason for conference"),
        ("p", "At 23:40 on 13 April 2024 police were called by a neighbour to the family home on Fernhill Close after hearing screaming. PC Daniel Moss found Sinead Brennan with a cut above her eye. Sinead told PC Moss that Marcus Dale had pushed her into the kitchen door frame while she was holding Oscar. Leah (7) was found hiding in the upstairs bathroom. Marcus was arrested and released on bail on 14 April with conditions not to enter Fernhill Close or contact Sinead."),
        ("p", "This was the third police call-out to the address in 12 months. At the strategy discussion on 15 April 2024 it was agreed that the threshold for section 47 enquiries was met for both children, and these enquiries concluded that both children are likely to suffer significant harm through emotional abuse from repeated exposure to domestic abuse."),
        ("h1", "2. Background"),
        ("h2", "2.1 Chronology"),
        ("bullet", "02/05/2023 - Police attend after a verbal argument; no offences; DASH risk assessment graded standard. No referral to children's services."),
        ("bullet", "18/11/2023 - Police attend; Sinead reports Marcus threw a mug at the wall. DASH graded medium. Referral to children's services; Sinead declined early help on 24/11/2023."),
        ("bullet", "13/04/2024 - Incident described above. DASH graded high; referral to MARAC (multi-agency risk assessment conference)."),
        ("bullet", "15/04/2024 - Strategy discussion (police, health, school, children's social care)."),
        ("bullet", "24/04/2024 - MARAC; IDVA (independent domestic violence adviser) allocated to Sinead."),
        ("h2", "2.2 Previous involvement"),
        ("p", "Brackenford children's social care completed a child and family assessment in 2019 after Leah's nursery raised concerns about her speech; the case closed with a referral to speech and language therapy. There has been no other involvement. Marcus told me he was known to children's services in Kelderby as a teenager; I have asked Kelderby for their records (request sent 17/04/2024)."),
        ("h1", "3. Basis of this report"),
        ("p", "I visited the family home on 16, 19 and 26 April and 1 May 2024. I saw Leah alone at school on 19 April and in her bedroom at home on 1 May. Oscar was observed on every visit. I met Marcus at the Brackenford social work office on 22 April and 30 April. I spoke to PC Moss, Leah's class teacher Mr Aaron Fielding, the health visitor Amy Rhodes, and the GP surgery."),
        ("p", "Limitations: Marcus's probation records were requested on 17 April and have not yet been received. Sinead initially declined to speak to the IDVA and only agreed on 26 April, so the IDVA's view is based on two conversations."),
        ("h1", "4. Children's views"),
        ("h2", "4.1 Leah"),
        ("p", "Leah told me when I saw her alone at school: \"When they shout I go in the bathroom and lock it and put my hands on my ears.\" She said she worries about her mum \"when Dad is cross\" and that she misses her dad and wants to see him \"when he is calm\". On the three houses worksheet she drew the kitchen in her house of worries and her nan's garden in her house of good things."),
        ("h2", "4.2 Oscar"),
        ("p", "Oscar is 16 months old and has few words. On all four visits he was clean and appropriately dressed. He moved freely around the living room, brought toys to his mother and went to her for comfort when I arrived. On 19 April he startled and cried when a door banged upstairs and took several minutes to settle."),
        ("h1", "5. Parents' views"),
        ("h2", "5.1 Mother's views"),
        ("p", "Sinead agrees that the children have heard arguments and says she wants Marcus to stay away until he has done a programme. She does not want a child protection plan and says: \"I have done everything right since it happened.\""),
        ("h2", "5.2 Father's views"),
        ("p", "Marcus told me on 22 April that the arguments were \"both of us\" and that he did not push Sinead; he says she fell when he tried to get past her. He accepts he had drunk \"about six pints\" that evening. He says he has never hurt the children and wants to see them. He has agreed to supervised contact at the Brackenford family centre and to a referral to a domestic abuse perpetrator programme; his first assessment appointment is on 14 May 2024."),
        ("h1", "6. Risk analysis"),
        ("p", "The main risk is emotional harm to both children from living with repeated domestic abuse. Leah's account of hiding and covering her ears suggests she has heard several incidents, not just the one on 13 April. Oscar was in his mother's arms during the incident, so there is also a risk of physical injury to him."),
        ("p", "The risk may be increasing: the incidents have become more serious over the year, and alcohol seems to be a factor in two of the three. It is not clear whether Marcus has been drinking more; he says not, but I have not been able to check this with anyone else yet."),
        ("h1", "7. Strengths and protective factors"),
        ("bullet", "Sinead called the police herself in November 2023, and the school says she has always kept in contact with them about Leah."),
        ("bullet", "Both children are meeting their developmental milestones (health visitor review of Oscar on 10 April 2024; Leah's school report, spring term)."),
        ("bullet", "Maternal grandmother, Bernadette Brennan, lives two streets away and has offered to have the children to stay if needed; I met her on 26 April."),
        ("h1", "8. Analysis"),
        ("p", "I think Leah and Oscar are likely to suffer significant harm if nothing changes, because the pattern of incidents is escalating and Leah's description shows that she is already frightened at home. Sinead's separation from Marcus is a strength, but it is recent and rests partly on bail conditions that may end when the police investigation concludes. Sinead ended the relationship once before, in December 2023, and Marcus moved back in within a month."),
        ("p", "I have considered whether the incident on 13 April was a one-off connected with drinking, as Marcus suggests. The earlier call-outs and Leah's account make that explanation less likely, but I cannot rule it out until the probation records and the perpetrator programme assessment are available."),
        ("h1", "9. Gaps in information"),
        ("bullet", "Probation records for Marcus (requested 17/04/2024, chased 29/04/2024)."),
        ("bullet", "Kelderby children's services records from Marcus's childhood (requested 17/04/2024)."),
        ("bullet", "We do not yet know whether Marcus and Sinead intend to resume the relationship; Sinead says not, Marcus says he hopes so."),
        ("h1", "10. Recommendation"),
        ("p", "I recommend that Leah and Oscar become subject to child protection plans under the category of emotional abuse. A child in need plan was considered, but the escalation over 12 months and Sinead's previous return to the relationship mean the additional oversight of a child protection plan is needed for now."),
        ("h2", "10.1 Outline child protection plan"),
        ("number", "Marcus will attend the perpetrator programme assessment on 14 May 2024 and, if accepted, attend weekly sessions; the programme worker will report attendance to the social worker monthly."),
        ("number", "Hannah Okafor (social worker) will visit every 10 working days, seeing Leah alone each time, from 8 May 2024."),
        ("number", "The IDVA (Kim Sharpe) will complete a safety plan with Sinead by 24 May 2024 and share it with the core group."),
        ("number", "Mr Fielding (class teacher) will meet Leah weekly for a check-in and tell the social worker the same day if Leah discloses anything about home."),
        ("h2", "10.2 Contingency"),
        ("p", "If Marcus returns to the home without the agreement of the core group, or there is another incident, the social worker will call a strategy discussion within one working day and the children will stay with Bernadette Brennan while this is considered."),
        ("h1", "11. Different views"),
        ("p", "The health visitor, Amy Rhodes, thinks a child in need plan would be enough because Sinead has separated from Marcus and is working with the IDVA. I have taken this into account; we agree the separation is significant, but we differ on how much weight to give it given December 2023. Sinead also disagrees with the recommendation and has asked for her view to be read out at conference."),
        ("h1", "12. Manager's comments"),
        ("p", "I have read this report and agree with the recommendation for child protection plans. The analysis sets out why a child in need plan is not enough at this stage and records the health visitor's different view, which conference should discuss. Martin Greaves, Team Manager, 2 May 2024."),
    ],
}

# ---------------------------------------------------------------------------
# 3. cin-plan-controls.docx: content controls and legacy form fields
# ---------------------------------------------------------------------------
CIN_CONTROLS = {
    "title": "Child in Need Plan and Review",
    "council": "Brackenford County Council - Children's Social Care",
    "child_name": "Kian Mallory",
    "dob": ("22/10/2012", "2012-10-22"),
    "worker": "Sophie Adeyemi",
    "manager": "Gareth Lowe",
    "plan_type_items": ["Initial child in need plan", "Child in need review", "Closure review"],
    "plan_type": "Child in need review",
    "meeting_date": ("15/04/2024", "2024-04-15"),
    "review_date": ("15/07/2024", "2024-07-15"),
    "school": "Brackenford Academy (Year 7)",
    "checkboxes": [
        ("Kian seen alone", True),
        ("Plan shared with Kian", True),
        ("Father invited to review", False),
        ("Consent to share information", True),
        ("Young carer", False),
    ],
    "legacy_checkbox": ("Referred to CAMHS", True),
    "reason": "Kian was referred by Brackenford Academy in November 2023 after he told his form tutor that he had been cutting his arms. He lives with his mother, Rachel Mallory, and stays with his father, Dean Mallory, every other weekend. The child and family assessment completed on 18/01/2024 found that Kian's low mood was linked to bullying at school and to the arguments between his parents about contact.",
    "progress": "Since the plan started on 22 January 2024 Kian has had six sessions with the school counsellor. He told me on 9 April that he has not cut himself since Christmas and showed me his arms, which had only old, healed marks.\nHis attendance has risen from 84% in the autumn term to 93% this term (school register to 12 April). The school moved him to a different tutor group in February after the bullying was confirmed.\nThe CAMHS assessment took place on 3 April 2024; the letter with the outcome has not yet arrived.",
    "child_views": "I saw Kian alone at home on 9 April. He said: \"School is better now I'm not with them lot.\" He said he likes going to his dad's but hates it when his mum and dad \"argue on the doorstep at handover\". He would like handovers to happen at his nan's house instead.",
    "mother_views": "Rachel thinks the plan is working and wants it to continue until the CAMHS outcome is known. She agrees to handovers at Kian's grandmother's house.",
    "father_views": None,
    "actions": [
        ("Kian feels safe at school", "Head of Year 7 (Mr Colin Rudd) to meet Kian every Monday and record any bullying reports", "Colin Rudd", "Weekly to 15/07/2024"),
        ("Kian's mental health", "Kian's mood will be monitored.", "", "Ongoing"),
        ("Handovers without arguments", "Sophie Adeyemi to agree a written handover arrangement at the grandmother's house with both parents", "Sophie Adeyemi, social worker", "03/05/2024"),
    ],
    "contingency": "If Kian harms himself again or tells anyone he is thinking of suicide, the school or parent will take him to A&E or call 111, and the social worker will convene a strategy discussion the same day.",
}

# ---------------------------------------------------------------------------
# 4. eha-flattened.pdf: early help assessment as text-layer PDF
# ---------------------------------------------------------------------------
EHA = {
    "title": "Early Help Assessment and Plan",
    "org": "Hallowfield Early Help Partnership",
    "footer": "OFFICIAL-SENSITIVE - Hallowfield Early Help - EHA ref EH/2024/0193",
    "meta": [
        ("Date assessment started", "8 Jan 2024"),
        ("Date completed", "2 Feb 2024"),
        ("Date of Team Around the Family meeting", "9 Feb 2024"),
        ("Review date", "10 May 2024"),
        ("Lead professional", "Gemma Pryce, Family Support Lead, Hallowfield Primary School"),
        ("Manager", "Olivia Marsh, Early Help Team Manager"),
    ],
    "children": [
        ("Name", "Date of birth", "School / setting", "Additional needs"),
        ("Zain Rahman", "11/09/2014", "Hallowfield Primary School, Year 5", "None known"),
        ("Aisha Rahman", "27/01/2020", "Little Acorns Nursery", "Speech and language delay (awaiting assessment)"),
    ],
    "sections": [
        ("Family details", None, "Zain and Aisha live with their parents, Nasreen Rahman (mother, date of birth 02/03/1988) and Imran Rahman (father, date of birth 15/07/1984), in a two-bedroom privately rented flat on Carver Street. Nasreen's mother, Shazia Begum, lives in Brackenford and visits most weekends."),
        ("Consent", None, "Nasreen gave written consent on 8 January 2024 for this assessment to be completed and for information to be shared with the school, the nursery, the health visitor and the GP. The consent form was explained in Urdu by a school interpreter. Imran was at work and has not signed the consent form."),
        ("Reason for assessment", None, "Zain has missed 19 sessions of school since September, mostly on Monday mornings, and has told his teacher that he feels sick when he has to leave his mum. Aisha's nursery has concerns about her speech: at four she uses single words and some two-word phrases. Nasreen asked the school for help with both children."),
        ("What does the child/young person want to happen?", "Consider: what does the child say about their day-to-day life? How have you found out?", "I met Zain three times in school, twice on his own. He said: \"My tummy goes funny in the car on Mondays because Mum cries when Dad goes to work.\" He wants to \"stop feeling sick\" and to go to football club again. Aisha was observed at nursery on 17 January; she played alongside other children, pointed to show what she wanted and became frustrated when staff did not understand her."),
        ("Parents' views", None, "Nasreen said she feels isolated since the family moved to Hallowfield in 2022 and that she finds mornings hard when Imran works nights. She wants help to get Zain into school and for Aisha to be seen by speech therapy. Nasreen says Imran is supportive but works nights and could not attend the meetings."),
        ("What's working well?", None, "Both children are warm and affectionate with their mother (observed at home on 15 January). Zain's reading is at the expected level and his teacher describes him as kind and helpful. The family have support from Nasreen's mother at weekends. Aisha is up to date with her immunisations and attended her 3-year health review."),
        ("What are we worried about?", None, "We are worried that Zain's anxiety about leaving home is getting worse: his absences rose from 6 sessions in the autumn half-term to 13 since November. If this continues he may fall behind and become more isolated from his friends. We are worried that Aisha's speech delay has not yet been assessed and that she could start school in September without support in place. Nasreen may be experiencing low mood; she told me she cries most days, but she has not seen her GP about this and we do not know how she is coping when she is alone with the children."),
        ("1a Family, parenting and household relationships", "Consider: who lives in the household; how do family members get on; who provides care?", "Nasreen does most of the day-to-day care. The children are clean and well dressed, and the school and nursery have no concerns about their basic care. The family speak Urdu and English at home."),
        ("1b Accommodation", "Consider: is the home safe, warm and suitable; is the tenancy secure?", "The flat is overcrowded: Zain shares a bedroom with Aisha and says he cannot sleep when she wakes in the night. There is black mould in the children's bedroom (seen on 15 January). The landlord has been told but has not visited."),
        ("1c Income and finance", "Consider: is there enough money for the family's needs; any debt?", "Imran works nights at a distribution centre. Nasreen said the family are behind with the electricity bill by about 400 pounds."),
    ],
    "plan": [
        ("Needs", "Actions", "People responsible", "Outcomes", "Completion date"),
        ("Zain's school attendance", "Weekly anxiety sessions with the school's emotional literacy support assistant; morning meet-and-greet at the side gate", "Gemma Pryce (school) and Mrs Dawn Lake (ELSA)", "Attendance above 90% for the summer half-term, measured on the school register", "24/05/2024"),
        ("Aisha's speech", "Referral to speech and language therapy", "Health visitor, Rebecca Holt", "Aisha has an SLT assessment date and nursery has targets from the assessment", "31/03/2024"),
        ("Housing", "Family to be supported with housing.", "", "Better housing", "As required"),
        ("Nasreen's wellbeing", "Nasreen to book a GP appointment; Gemma to give her details of the Hallowfield mums' group", "Nasreen Rahman and Gemma Pryce", "Nasreen has seen her GP and has attended the group at least once", "01/03/2024"),
        ("Zain's attendance", "Zain's attendance will be monitored.", "", "", "Ongoing"),
    ],
    "signoff": [
        "The plan was agreed at the Team Around the Family meeting on 9 Feb 2024, attended by Nasreen, Gemma Pryce, Dawn Lake, Rebecca Holt and the nursery manager, Karen Whitby. Imran was invited but was at work.",
        "Signed by parent/carer: Nasreen Rahman, 09/02/2024",
        "Lead professional: Gemma Pryce, 09/02/2024",
        "Manager: Olivia Marsh, 12/02/2024",
    ],
}

# ---------------------------------------------------------------------------
# 5. cp-plan-fillable.pdf: AcroForm child protection plan (4 pages)
# ---------------------------------------------------------------------------
CP_PLAN_FORM = {
    "title": "Child Protection Plan",
    "org": "Kelderby Borough Council - Safeguarding and Quality Assurance",
    "layout": [("Child 1 name", "child1_name"), ("Child 1 date of birth", "child1_dob"),
               ("Child 2 name", "child2_name"), ("Child 2 date of birth", "child2_dob"),
               ("Social worker", "Text5"), ("Team manager", "Text6"), ("Date of initial conference", "Text7"),
               ("Plan date", "PlanDate"), ("First core group", "Text9"), ("Review conference date", "ReviewConf")],
    "fields": {
        "child1_name": "Lacey Dunmore", "child1_dob": "09/05/2019",
        "child2_name": "Ryan Dunmore", "child2_dob": "30/11/2020",
        "Text5": "Daniel Frost", "Text6": "Aisha Begum",
        "Text7": "24/06/2024", "PlanDate": "24 Jun 2024",
        "Text9": "05/07/2024", "ReviewConf": "23/09/2024",
        "household": "Kerry Dunmore (mother, 11/01/1995) and Shane Wilkes (mother's partner, 06/08/1991) live with Lacey and Ryan at 14 Ridgeway Court, Kelderby. The children's father, Paul Dunmore, lives in Brackenford and sees them every other Saturday; he was seen on 12/06/2024 and attended the conference.",
        "Text12": "At the initial conference on 24 June 2024 Lacey and Ryan became subject to child protection plans under the category of neglect. The home was found in a very poor state on three visits (3, 10 and 14 June 2024): dog faeces on the kitchen floor, no clean bedding and mouldy food in the fridge. Ryan's nursery reports he has arrived in the same clothes for a week at a time, and Lacey has had untreated tooth decay since January.",
        "Text13": "We are worried that if nothing changes Lacey and Ryan will keep going without clean clothes, proper meals and dental care, and that Lacey's teeth will need to be removed under general anaesthetic. We are also worried that they will be picked on at school and nursery because of how they look and smell, and will feel that nobody notices them.",
        "Text14": "Lacey and Ryan will have clean beds, clean clothes every day and three meals a day, and Kerry and Shane will show the core group for at least three months, without reminders, that they keep the home clean and take the children to health appointments.",
        "child_views": "Lacey (5) was seen alone in her classroom on 14 June. She told me her bed is \"smelly\" and she sleeps in her mum's bed. She said her favourite thing is when Shane makes pancakes. Ryan (3) was observed at nursery and at home; he was quiet, ate two bowls of cereal quickly at nursery and said \"more\" when the bowl was empty.",
        "parents_views": "Kerry said she has been depressed since her mother died last year and that Shane has been doing most of the housework. She agrees the house needs sorting. Shane said he works long hours and \"didn't realise it had got that bad\"; he wants to help and has taken a week's leave from 1 July. Paul said he is worried about the children and would like them to stay with him more often.",
        "Text30": "If the home is not clean and safe at two unannounced visits in a row, or Lacey misses her dental appointment on 18 July 2024, the social worker will ask the team manager to consider a legal planning meeting, and Paul will be assessed as an alternative carer.",
    },
    "actions": [
        ("The home is clean and safe", "Kerry and Shane to clear the kitchen and both bedrooms, with help from the family support worker on Tuesdays", "Kerry Dunmore, Shane Wilkes and Liam Doyle (FSW)", "19/07/2024", "Social worker sees clean floors and beds at unannounced visits"),
        ("Lacey's teeth are treated", "Kerry to take Lacey to the emergency dental appointment on 18/07/2024", "Kerry Dunmore; social worker to check", "18/07/2024", "Dentist confirms treatment plan"),
        ("Kerry's low mood", "Kerry to see her GP about her mood", "Kerry Dunmore", "12/07/2024", "GP letter to social worker"),
        ("Home conditions", "Home conditions will be monitored.", "", "Ongoing", ""),
        ("Information sharing", "All professionals to share concerns as appropriate.", "All professionals", "Ongoing", ""),
    ],
    "checks": {
        "Check1": ("Neglect", True), "Check2": ("Emotional abuse", False),
        "Check3": ("Physical abuse", False), "Check4": ("Sexual abuse", False),
        "plan_shared": ("Plan shared with parents", True),
        "seen_alone": ("Child seen alone", True),
        "Check7": ("Interpreter needed", False),
    },
}

# ---------------------------------------------------------------------------
# 6. sos-assessment.txt: Signs of Safety plain text (builder wraps at 72)
# ---------------------------------------------------------------------------
SOS_TEXT = """SIGNS OF SAFETY ASSESSMENT AND PLANNING
=======================================

Westmere City Council - Children's Services

Child: Kai Whitfield
Date of birth: 18/06/2017
Sibling: Poppy Whitfield (date of birth 12/12/2021)
Parents: Jade Whitfield (mother), Lewis Whitfield (father)
Social worker: Naomi Carrick
Team manager: Stuart Ellery
Date of mapping meeting: 14 May 2024
Next review: 14 Aug 2024

Who was at the mapping: Jade, Lewis, the social worker, the health visitor (Chloe Barnes), Kai's teacher (Mrs Ruth Penhaligon) and Jade's sister Kirsty Ward. Kai and Poppy were not at the meeting; I saw Kai alone at school on 9 May.

WHAT ARE WE WORRIED ABOUT?

Past harm: On 27 April 2024 Lewis was found by police asleep in the car outside the house, over the drink-drive limit, with Poppy (2) strapped in the back seat at 21:30. Kai told his teacher on 29 April that "Daddy drinks the green cans and then he shouts". Lewis accepts he drinks most evenings; he says about four cans of strong lager.

Complicating factors: see above

What's working well?
--------------------

Jade called her sister to collect the children on 27 April and has asked her to stay over on Friday and Saturday nights since then. Lewis has self-referred to Westmere Drug and Alcohol Service and went to his first appointment on 8 May (confirmed by his key worker, Sam Hollis). Kai's attendance is 97% and his teacher says he is doing well in maths. Poppy's two-year review on 2 May was within the expected range.

Danger statement
----------------

Children's services, the school and the health visitor are worried that when Lewis drinks he could drive with the children in the car or be too drunk to look after them, and that Kai and Poppy could be badly hurt in a crash or left without anyone to care for them. We are also worried that Kai will keep feeling scared at home when his dad shouts.

Safety goal:
Kai and Poppy will always be looked after by a sober adult, and everyone in the safety network, including Kai, will know what to do if Lewis has been drinking. Children's services will close the case when this has been shown for six months.

CHILD'S VIEWS

Kai did a three houses drawing with me on 9 May. In his house of worries he wrote "Dad in the car" and "shouting". In his house of good things he drew his Auntie Kirsty and their dog. In his house of dreams he wrote "Dad doesnt drink the green cans". Poppy was observed at home on 2 and 10 May; she played happily, brought me books and went to her mum when she bumped her head.

SCALING

On a scale of 0 to 10, where 10 means everyone is confident the children are safe enough to close the case and 0 means the children cannot stay at home:

- Social worker: 4. Lewis has started treatment and Kirsty is staying at weekends, but the drinking is every evening and we do not yet know whether he has reduced it; the safety plan has only been in place for two weeks.
- Jade: 7. She says Lewis has "only had a couple" since the police came and she would not let him drive the children again.
- Lewis: 8. He says he has "learnt his lesson".
- Health visitor: 5.

NEXT STEPS

1. Lewis will give a breath test to his key worker at each weekly appointment and attend every session until the review on 14 Aug 2024; Sam Hollis will email the social worker after each one.
2. Jade, Lewis and Kirsty will write a family safety plan with the social worker by 31 May 2024, including who Kai can call if his dad has been drinking.
3. Mrs Penhaligon will do a weekly check-in with Kai and tell the social worker the same day if he mentions drinking or driving.
4. Lewis's drinking will be monitored.
"""

# ---------------------------------------------------------------------------
# 7. cfa-review.md: Markdown child in need review (builder wraps at 76)
# ---------------------------------------------------------------------------
CFA_REVIEW_MD = """# Child in Need Review

Local authority: Hallowfield Metropolitan Borough Council
Child: Tyler Booth
Date of birth: 07/08/2013
Sibling: Ava Booth (date of birth 21/05/2018)
Social worker: Rhiannon Pugh
Team manager: Owen Castleton
Date of review meeting: 18/06/2024
Plan date: 18 June 2024
Next review date: 17/09/2024

## Family composition

- Stacey Booth - mother - lives in household
- Jordan Price - mother's partner - lives in household (since January 2024)
- Carl Booth - father of Tyler and Ava - lives in Westmere; sees the children every Sunday

## Progress since last review

Good progress has been made since the last review. Stacey has engaged positively with the plan and things are much better at home.

Tyler has been to all six anger management sessions with the youth worker (attendance confirmed by the youth service on 12 June). He has had one fixed-term exclusion since the last review, on 23 May, for fighting, compared with three in the previous term.

## Review of actions

1. Youth worker (Dev Mistry) to run six anger management sessions with Tyler - completed 12/06/2024.
2. Stacey to attend the Triple P parenting course - she attended four of eight sessions; she said childcare was the problem.
3. Social worker to refer Ava for an Early Help nursery place - not done; carried forward.

## Child's views

Tyler was seen alone at school on 11 June. He said: "Home's alright now, but Mum and Jordan argue about money." He said the sessions with Dev helped him "walk away instead of hitting" and he wants to keep seeing Dev. He wants to see his dad more than once a week.

Ava is happy at home (as reported by mother).

## Parents' views

Stacey says Tyler is calmer and that she wants the plan to end at the next review.

Carl was seen at his flat on 10 June 2024. He said Tyler talks to him about the arguments at home and that he would like to have the children every other weekend. He agreed to attend the next review meeting.

## Analysis

Tyler's behaviour seems to be improving: exclusions have fallen from three to one, and he can describe what he does differently. It is less clear how much has changed at home. Tyler's comment about arguments suggests there may be tension that we have not yet understood, and I have not yet spoken with Jordan, who has lived in the household since January. Stacey's attendance at Triple P was patchy, so I cannot yet say whether her handling of Tyler's anger has changed. Ava was not seen on her own at this review and her nursery place has not been arranged, so I do not know enough about her day-to-day experience.

## Plan

- Social worker (Rhiannon Pugh) to meet Jordan Price at home by 5 July 2024 and complete checks.
- Youth worker (Dev Mistry) to offer four follow-up sessions with Tyler, fortnightly from 1 July.
- Social worker to arrange the Early Help nursery place for Ava by 31 July 2024 and see Ava at nursery before the next review.
- Stacey to restart Triple P in September; Hallowfield Family Hub to provide a creche.
- Attendance will be monitored.

## Contingency

If Tyler is excluded again or the arguments at home increase, the social worker will bring the review forward and discuss with the team manager whether a fresh child and family assessment is needed.

## Manager's comments

Agree the plan continues to the next review. The analysis is right to flag that we do not know Jordan; he must be seen before the next review. Owen Castleton, Team Manager, 20/06/2024.
"""

# ---------------------------------------------------------------------------
# 8. icpc-from-system.json: system export in formlint's JSON input schema
# ---------------------------------------------------------------------------
ICPC_JSON = {
    "metadata": {
        "title": "Initial Child Protection Conference Report",
        "child_name": "Reuben Clarke",
        "child_dob": "30/01/2024",
        "worker": "Lydia Mensah",
        "manager": "Paul Ashdown",
        "assessment_start": "05/04/2024",
        "assessment_completed": "22/04/2024",
        "plan_date": "25/04/2024",
        "review_date": "25/07/2024",
        "meeting_date": "25/04/2024",
    },
    "sections": [
        {"heading": "Reason for conference", "text": "On 4 April 2024 the health visitor, Maria Lopes, saw a bruise about 2 cm across on Reuben's left cheek during a routine visit. Reuben was nine weeks old and not yet rolling. Chantelle Clarke (mother, 19) said he had hit his face on the bars of his cot. Reuben was seen by the paediatrician, Dr Sanjay Kapoor, at Westmere General on 5 April 2024."},
        {"heading": "Child's details", "text": "Reuben Clarke, born 30/01/2024, White British, lives with his mother at 3 Elm Row, Westmere. Registered with Parkside Surgery."},
        {"heading": "Household", "text": ["Chantelle Clarke - mother - lives in household.", "Nathan Cole - mother's partner - does not live in the household but stays most weekends and has looked after Reuben on his own.", "Father's details are unknown."]},
        {"heading": "Chronology", "text": ["30/01/2024 - Reuben born at 37 weeks, 2.6 kg.", "12/02/2024 - New birth visit; no concerns recorded by the health visitor.", "04/04/2024 - Bruise seen by the health visitor.", "05/04/2024 - Strategy discussion; child protection medical.", "08/04/2024 - Section 47 enquiries started."]},
        {"heading": "Basis of assessment", "text": "I visited on 5, 9 and 16 April 2024 and saw Reuben on each visit. I spoke with Chantelle, the health visitor, the GP surgery and Dr Kapoor. Nathan did not attend the two appointments offered (10 and 15 April). Police checks were completed on 8 April."},
        {"heading": "Child's views", "text": "Reuben is 12 weeks old. On all three visits he was clean, fed well and settled in his mother's arms; he turned to her voice and smiled at her on 16 April. I did not see any new marks."},
        {"heading": "Parents' views", "text": ["Chantelle says the bruise was an accident and she is upset that anyone thinks she would hurt her baby. She says she was asleep when Reuben woke crying and Nathan was in the room.", "Mum says Nathan is supportive and good with the baby."]},
        {"heading": "Risk analysis", "text": "It is reported that Nathan has a history of violence in a previous relationship. Concerns have been raised about cannabis use in the home. Reuben is a non-mobile baby with an unexplained bruise, and bruising in babies who are not yet mobile is rare. The explanation given does not fit the injury in Dr Kapoor's opinion."},
        {"heading": "Strengths", "text": "Chantelle has attended all of Reuben's health appointments and his weight is following the 25th centile. Her mother, Denise Clarke, visits daily and has offered to stay with her."},
        {"heading": "Analysis", "text": ["The explanation is plausible to Chantelle, but Dr Kapoor's opinion is that a cot bar is unlikely to cause a bruise of this shape, and we cannot yet rule out an inflicted injury. We do not know who was caring for Reuben when the bruise happened: Chantelle's account places Nathan in the room, and we have not been able to speak to him.", "Until Nathan has been assessed, I think Reuben is likely to suffer significant harm if he is left alone with him."]},
        {"heading": "Gaps in information", "text": "TBC"},
        {"heading": "Recommendation", "text": "Reuben should be made subject to a child protection plan under the category of physical abuse."},
        {"heading": "Outline plan", "text": ["Nathan will not care for Reuben alone until the social worker has completed an assessment of him; Chantelle and Denise agreed this on 9 April.", "Social worker (Lydia Mensah) to offer Nathan a third appointment by 3 May 2024 and complete police and health checks on him.", "Health visitor (Maria Lopes) to visit weekly and weigh Reuben, from 29 April 2024.", "Support to be offered to mother. Timescale: ongoing."]},
        {"heading": "Manager's comments", "text": "Agree with the recommendation. The unexplained bruise on a non-mobile baby and the gap about Nathan mean a plan is needed; Nathan must be seen before the core group. Paul Ashdown, Team Manager, 23/04/2024."},
    ],
}

# ---------------------------------------------------------------------------
# 9. cfa-guidance-left.docx: headings + single-cell text boxes, guidance left in
# ---------------------------------------------------------------------------
CFA_GUIDANCE = {
    "title": "Single Assessment",
    "header": "OFFICIAL-SENSITIVE | Westmere City Council | Case no. WCC-771042",
    "footer": "Single Assessment template v3.2 (March 2023)",
    "meta": [
        ("Child's name", "Skye Latimer"), ("Date of birth", "02/04/2021"),
        ("Social worker", "Imogen Hart"), ("Team manager", "Stuart Ellery"),
        ("Assessment start date", "4 Mar 2024"), ("Date completed", "12 Apr 2024"),
    ],
    "sections": [
        ("1. Reason for assessment", "Please describe why the assessment was started and who made the referral.", "Westmere Family Nursery referred Skye on 1 March 2024 after she arrived with a burn about the size of a fingertip on the back of her hand. Her mother, Laura Latimer, said Skye touched the oven door. The nursery had not seen any previous injuries."),
        ("2. Basis of assessment", "Please include dates of visits, who was seen and whether the child was seen alone.", "I visited on 6 and 20 March and 3 April 2024. Skye (2) was observed at home and at nursery; at her age she was not seen alone. I spoke with Laura, the nursery manager and the health visitor. Skye's father, Aaron Latimer, lives in Kelderby; I spoke with him by phone on 21 March and he said he last saw Skye at Christmas."),
        ("3. Child's views", "Consider: what is life like for the child? What have you observed?", "Skye chatted to me about her toys and showed me her bedroom. At nursery she was confident, played with other children and went to her key worker when she fell over."),
        ("4. Parents' views", "Consider: what do the parents want to happen?", "See above."),
        ("5. Analysis", "Consider: what are the risks and strengths? What is the impact on the child? What is the worker's professional judgement and why?", None),
        ("6. Recommendation", "Please state the outcome of the assessment.", "No further action. Signpost to the Westmere Family Hub for home safety equipment (fireguard and oven lock)."),
        ("7. Manager's comments", "Record here the manager's decision and reasons.", "Agree NFA: single accidental injury with a consistent explanation and no previous concerns. Stuart Ellery, 15/04/2024."),
    ],
}

"""--redact: names of people replaced by their role from the roster; numbers and dates kept."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from formlint.api import check
from formlint.cli import main
from formlint.people import Member
from formlint.redact import labels_for, redact_report, redactor_for
from tests.conftest import REPO, SAMPLES

CORPUS = REPO / "tests" / "corpus" / "forms"

NAMES = (
    "Tyler", "Stacey", "Booth", "Rhiannon", "Pugh", "Jordan", "Price", "Owen", "Castleton", "Dev Mistry",
)


def test_redacted_findings_name_people_by_role_and_keep_dates() -> None:
    report = redact_report(check(SAMPLES / "cfa-review.md"))
    texts = " ".join(f"{f.message} {f.text or ''}" for f in report.findings)
    assert "[mother] to attend the Triple P parenting course" in texts
    assert "with [child 1]" in texts
    for name in NAMES:
        assert name not in texts
    form = check(SAMPLES / "cfa-review.md").files[0].form
    assert form is not None
    redact = redactor_for(form.people)
    redacted = redact("Stacey Booth saw Tyler on 17/09/2024 at 3pm.")
    assert redacted == "[mother] saw [child 1] on 17/09/2024 at 3pm."  # dates and times kept


def test_redacted_form_text_details_and_roster_hold_no_names() -> None:
    form = redact_report(check(SAMPLES / "cfa-review.md")).files[0].form
    assert form is not None
    whole = "\n".join(s.heading + "\n" + s.text for s in form.sections)
    assert "Sibling: [child 2] (date of birth 21/05/2018)" in whole
    assert "[father] - father of [child 1] and [child 2]" in whole
    for name in NAMES:
        assert name not in whole
    assert {m.name for m in form.people} >= {"[mother]", "[child 1]", "[social worker]"}
    assert "Pugh" not in json.dumps(form.metadata.to_dict())


def test_children_are_numbered_subjects_first_and_shared_roles_are_numbered() -> None:
    roster = [
        Member("Kai Lee", "sibling", child=True),
        Member("Mia Lee", "child", child=True, subject=True),
        Member("Ann Roe", "aunt"),
        Member("Bea Roe", "aunt"),
        Member("Sam Lee", "father"),
    ]
    labels = {m.name: label for m, label in labels_for(roster).items()}
    assert labels == {
        "Mia Lee": "[child 1]",
        "Kai Lee": "[child 2]",
        "Ann Roe": "[aunt 1]",
        "Bea Roe": "[aunt 2]",
        "Sam Lee": "[father]",
    }


def test_shared_surnames_and_titles_are_replaced_without_saying_whose() -> None:
    redact = redactor_for(
        [Member("Will Lee", "father"), Member("Mia Lee", "child", child=True, subject=True)]
    )
    said = redact("Mr Lee said Will will call; the Lee family")
    assert said == "Mr [surname] said [father] will call; the [surname] family"
    visit = redact("WILL LEE attended on 3 May with Mia's 2 brothers.")
    assert visit == "[father] attended on 3 May with [child 1]'s 2 brothers."


def test_offsets_point_at_the_same_words_after_redaction() -> None:
    report = redact_report(check(CORPUS / "cfa-04.txt"))
    form = report.files[0].form
    assert form is not None
    blocks = {b.location: b.text for s in form.sections for b in s.blocks}
    spanned = [f for f in report.findings if f.location.start is not None and f.text]
    assert spanned
    for finding in spanned:
        loc = finding.location
        block = blocks[replace(loc, start=None, end=None)]
        assert finding.text is not None and finding.text.strip() in block[loc.start : loc.end]


def test_cli_redact_writes_no_names_in_json(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    main(["check", "--redact", "--format", "json", "--output", str(out), str(SAMPLES / "cfa-review.md")])
    text = out.read_text(encoding="utf-8")
    assert "[child 1]" in text
    for name in NAMES:
        assert name not in text

"""The .pdf reader: real fixtures, generated assessment forms, hostile input."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from formlint.errors import (
    CorruptDocument,
    EmptyFile,
    ParseTimeout,
    PasswordProtected,
    ResourceLimitExceeded,
    ScannedDocument,
    UnreadableForm,
)
from formlint.limits import Limits
from formlint.parsers import pdf as pdf_mod
from formlint.parsers import read_raw
from formlint.parsers.pdf import CHECKED, UNCHECKED, parse_pdf
from formlint.parsers.raw import RawDocument, Role

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURES = SHARED / "corpus" / "fixtures" / "pdf"
LIMITS = Limits()

ENCRYPTED = {
    "password-example.pdf",
    "aes-256-r6.pdf",
    "rc4-40.pdf",
    "aes-128.pdf",
    "libreoffice-writer-password.pdf",
}
# encrypted_doc_no_id opens without a password, but its only content is a full-page image.
SCANNED = {
    "issue-203-decimalize.pdf",
    "pdf-with-jbig2.pdf",
    "imagemagick-CCITTFaxDecode.pdf",
    "encrypted_doc_no_id.pdf",
}


def fixture(name: str) -> bytes:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"shared PDF fixtures not available ({FIXTURES})")
    return path.read_bytes()


def parse(data: bytes, name: str = "form.pdf", limits: Limits = LIMITS) -> RawDocument:
    return parse_pdf(data, name, limits)


def fields(doc: RawDocument) -> dict[str, tuple[str | None, str, int | None, bool]]:
    """field name -> (label, value, page, blank)"""
    return {
        i.location.field: (i.label, i.text, i.location.page, i.blank)
        for i in doc.items
        if i.role is Role.FIELD and i.location.field
    }


# -- generated documents -------------------------------------------------------------------------

SECTIONS = [
    ("1. Child's details", [("Child's name", "Amelia Jones"), ("Date of birth", "03/04/2016")]),
    ("2. Child's views", [("Child's views", "Amelia said she feels safe at home with her mum.")]),
    ("3. Analysis", [("Analysis", "The risk of harm has reduced since the plan began.")]),
    ("4. Sign-off", [("Social worker", "Sam Patel"), ("Team manager", "")]),
]


def build_assessment_form(values: bool = True) -> bytes:
    """A fillable 4-page assessment: header, heading, labelled text fields, a checkbox, footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    for page, (heading, rows) in enumerate(SECTIONS, start=1):
        c.setFont("Helvetica", 8)
        c.drawString(50, height - 30, "OFFICIAL-SENSITIVE  Child and family assessment")
        c.drawString(width - 110, 25, f"Page {page} of {len(SECTIONS)}")
        c.setFont("Helvetica-Bold", 14)
        c.drawString(50, height - 80, heading)
        c.setFont("Helvetica", 10)
        c.drawString(50, height - 105, "Complete every box; write in plain language the family can read.")
        y = height - 150
        for label, value in rows:
            name = label.lower().replace("'", "").replace(" ", "_")
            multiline = len(value) > 30
            c.setFont("Helvetica", 10)
            if multiline:
                c.drawString(50, y, label)
                c.acroForm.textfield(
                    name=name, value=value if values else "", x=50, y=y - 70, width=480, height=60,
                    fieldFlags="multiline", fontSize=10, borderWidth=1,
                )
                y -= 110
            else:
                c.drawString(50, y, label + ":")
                c.acroForm.textfield(
                    name=name, value=value if values else "", x=170, y=y - 6, width=250, height=20,
                    fontSize=10, borderWidth=1,
                )
                y -= 40
        if page == 4:
            c.acroForm.checkbox(name="manager_agreed", checked=values, x=50, y=y - 4, size=14)
            c.drawString(72, y, "Manager agrees with the outcome")
            c.acroForm.checkbox(name="parent_copy", checked=False, x=50, y=y - 34, size=14)
            c.drawString(72, y - 30, "Copy sent to parents")
        c.showPage()
    c.save()
    return buf.getvalue()


def build_flattened_report() -> bytes:
    """A non-fillable 2-page report: bold larger headings over body paragraphs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    _, height = A4
    body = [
        "The family were seen at home on three occasions and the children were seen alone",
        "on each visit. Mum engaged well and was open about the pressures she faces.",
    ]
    for page, headings in enumerate((["Family history", "Child's views"], ["Analysis", "Plan"]), start=1):
        y = height - 80
        for heading in headings:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(50, y, heading)
            y -= 24
            c.setFont("Helvetica", 10)
            for line in body:
                c.drawString(50, y, line)
                y -= 13
            y -= 20
        c.setFont("Helvetica", 8)
        c.drawString(280, 25, f"Page {page} of 2")
        c.showPage()
    c.save()
    return buf.getvalue()


# -- generated forms -----------------------------------------------------------------------------


def test_filled_text_fields_arrive_as_field_items_with_their_label_and_page() -> None:
    got = fields(parse(build_assessment_form()))
    assert got["childs_name"] == ("Child's name", "Amelia Jones", 1, False)
    assert got["date_of_birth"][:3] == ("Date of birth", "03/04/2016", 1)
    assert got["childs_views"][:3] == ("Child's views", "Amelia said she feels safe at home with her mum.", 2)
    assert got["analysis"][:3] == ("Analysis", "The risk of harm has reduced since the plan began.", 3)
    assert got["social_worker"][:3] == ("Social worker", "Sam Patel", 4)


def test_empty_text_field_is_blank_and_checkboxes_read_as_ballot_boxes() -> None:
    got = fields(parse(build_assessment_form()))
    assert got["team_manager"] == ("Team manager", "", 4, True)
    assert got["manager_agreed"][:3] == ("Manager agrees with the outcome", CHECKED, 4)
    assert got["parent_copy"][:3] == ("Copy sent to parents", UNCHECKED, 4)


def test_field_labels_are_not_also_emitted_as_body_text() -> None:
    doc = parse(build_assessment_form())
    texts = [i.text for i in doc.items if i.role is not Role.FIELD]
    assert not any(t.startswith(("Child's name", "Social worker", "Manager agrees")) for t in texts)
    assert "Child's views" not in texts


def test_form_items_follow_reading_order_heading_then_fields() -> None:
    doc = parse(build_assessment_form())
    page2 = [(i.role, i.label or i.text) for i in doc.items if i.location.page == 2]
    assert page2[0] == (Role.HEADING, "2. Child's views")
    assert page2[-1] == (Role.FIELD, "Child's views")


def test_running_header_and_page_numbers_go_to_extra_text_not_items() -> None:
    doc = parse(build_assessment_form())
    assert "OFFICIAL-SENSITIVE Child and family assessment" in doc.extra_text
    assert not any("OFFICIAL-SENSITIVE" in i.text or i.text.startswith("Page ") for i in doc.items)


def test_flattened_pdf_bold_larger_lines_become_headings_and_body_joins_lines() -> None:
    doc = parse(build_flattened_report())
    headings = [(i.text, i.location.page) for i in doc.items if i.role is Role.HEADING]
    assert headings == [("Family history", 1), ("Child's views", 1), ("Analysis", 2), ("Plan", 2)]
    body = [i for i in doc.items if i.role is Role.BODY]
    assert body[0].text.startswith("The family were seen") and body[0].text.endswith("pressures she faces.")
    assert [i.location.paragraph for i in doc.items if i.location.page == 2] == [0, 1, 2, 3]


def test_result_pickles_and_blank_form_marks_every_text_field_blank() -> None:
    import pickle

    doc = parse(build_assessment_form(values=False))
    assert pickle.loads(pickle.dumps(doc)) == doc
    text_fields = [i for i in doc.items if i.role is Role.FIELD and i.text not in (CHECKED, UNCHECKED)]
    assert text_fields and all(i.blank for i in text_fields)


# -- real fixtures -------------------------------------------------------------------------------


def all_fixture_names() -> list[str]:
    if not FIXTURES.is_dir():
        return []
    return sorted(p.name for p in FIXTURES.glob("*.pdf"))


@pytest.mark.parametrize("name", all_fixture_names() or ["(fixtures missing)"])
def test_every_fixture_parses_or_fails_with_a_typed_specific_error(name: str) -> None:
    data = fixture(name)
    try:
        doc = read_raw(data, name)
    except UnreadableForm as exc:
        assert exc.message and len(exc.message) >= 15
        if name in ENCRYPTED:
            assert isinstance(exc, PasswordProtected)
        elif name in SCANNED:
            assert isinstance(exc, ScannedDocument)
        elif name == "empty.pdf":
            assert isinstance(exc, EmptyFile)
        else:
            pytest.fail(f"{name} should parse, got {exc!r}")
        return
    assert name not in ENCRYPTED | SCANNED | {"empty.pdf"}
    assert doc.format == "pdf"
    assert all(i.location.page and i.location.page >= 1 for i in doc.items)


def test_encrypted_pdf_needing_a_password_says_so() -> None:
    with pytest.raises(PasswordProtected, match="password-protected; export an unprotected copy"):
        parse(fixture("aes-256-r6.pdf"), "aes-256-r6.pdf")


def test_encrypted_pdf_with_empty_user_password_opens_and_is_judged_on_content() -> None:
    # It decrypts with the empty password; what stops it is a page that is only an image.
    with pytest.raises(ScannedDocument):
        parse(fixture("encrypted_doc_no_id.pdf"))


def test_blank_pdf_parses_to_no_items_with_a_warning() -> None:
    doc = parse(fixture("issue-297-example.pdf"))
    assert doc.items == [] and [w.code for w in doc.warnings] == ["no-text"]


def test_image_only_pdf_is_reported_as_scanned_not_empty() -> None:
    with pytest.raises(ScannedDocument, match="no text layer on any page: it looks scanned; run OCR first"):
        parse(fixture("pdf-with-jbig2.pdf"))


def test_acroform_test_fixture_reads_every_answer_kind() -> None:
    got = fields(parse(fixture("AcroForm_TEST.pdf")))
    assert got["Check Box0"][:2] == ("CHECKBOX", UNCHECKED)
    assert got["Radio Button0"][0] == "RADIO BUTTON" and got["Radio Button0"][3]  # nothing chosen
    assert got["Combo Box0"][:2] == ("DROPDOWN", "111")
    assert got["Text Field0"] == ("TEXT", "", 1, True)
    assert "Push Button0" not in got  # a button holds no answer


def test_libreoffice_form_values_alice_bob_and_unchecked_boxes() -> None:
    got = fields(parse(fixture("libreoffice-form.pdf")))
    assert got["First Name"][:2] == ("First Name", "Alice")
    assert got["First Name_2"][1] == "Bob"
    assert got["Last Name"] == ("Last Name", "", 1, True)
    assert got["gdpr"][:2] == ("Agree to privacy policy", UNCHECKED)
    assert got["other"][1] == UNCHECKED
    assert got["female"][0] == "Gender" and got["female"][3]


def test_pdflatex_form_fields_are_read_and_submit_button_skipped() -> None:
    got = fields(parse(fixture("pdflatex-forms.pdf")))
    assert got["Name"][0] == "Name" and got["Name"][3]
    assert got["Check"][1] == UNCHECKED
    assert "Submit" not in got


def test_signature_field_does_not_recurse_or_leak_into_items() -> None:
    doc = parse(fixture("federal-register-2020-17221.pdf"))
    assert not fields(doc)
    assert max(i.location.page or 0 for i in doc.items) == 15


def test_duplicated_fake_bold_glyphs_are_read_once() -> None:
    doc = parse(fixture("issue-71-duplicate-chars.pdf"))
    text = "\n".join(i.text for i in doc.items)
    assert "项目描述" in text
    assert "项项" not in text and "描描" not in text


def test_multi_page_document_numbers_pages_from_one() -> None:
    doc = parse(fixture("issue-848.pdf"))
    pages = sorted({i.location.page for i in doc.items})
    assert pages == list(range(1, 9))
    first_on_page = {}
    for item in doc.items:
        first_on_page.setdefault(item.location.page, item.location.paragraph)
    assert set(first_on_page.values()) == {0}


# -- hostile input -------------------------------------------------------------------------------


def test_truncated_pdf_is_corrupt_with_a_specific_message() -> None:
    data = fixture("issue-848.pdf")[:30_000]
    with pytest.raises(CorruptDocument, match="truncated"):
        parse(data)


def test_junk_after_pdf_header_is_corrupt() -> None:
    with pytest.raises(CorruptDocument, match="not a readable PDF"):
        parse(b"%PDF-1.7\n" + b"\x00garbage\xff" * 200)


def test_page_limit_reads_first_pages_and_warns() -> None:
    doc = parse(fixture("issue-848.pdf"), limits=Limits(max_pdf_pages=2))
    assert {i.location.page for i in doc.items} == {1, 2}
    assert [w.code for w in doc.warnings] == ["page-limit"]


def _sleep_forever(data: bytes, path: str, max_pages: int) -> RawDocument:
    time.sleep(60)
    return RawDocument(format="pdf")


def _crash(data: bytes, path: str, max_pages: int) -> RawDocument:
    import os
    import signal

    os.kill(os.getpid(), signal.SIGSEGV)
    return RawDocument(format="pdf")


def _allocate(data: bytes, path: str, max_pages: int) -> RawDocument:
    hog = bytearray(512 * 2**20)
    return RawDocument(format="pdf", extra_text=[str(len(hog))])


def test_hanging_parse_is_stopped_as_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_mod, "parse_pdf_in_process", _sleep_forever)
    with pytest.raises(ParseTimeout, match=r"longer than 0\.3 s"):
        parse(b"%PDF-1.4", limits=Limits(seconds_per_file=0.3))


def test_worker_crash_becomes_corrupt_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_mod, "parse_pdf_in_process", _crash)
    with pytest.raises(CorruptDocument, match=r"crashed.*SIGSEGV"):
        parse(b"%PDF-1.4")


def test_memory_blow_up_becomes_resource_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_mod, "parse_pdf_in_process", _allocate)
    with pytest.raises(ResourceLimitExceeded, match="memory budget"):
        parse(b"%PDF-1.4", limits=Limits(pdf_memory_bytes=64 * 2**20))


def test_a_plan_table_in_a_pdf_is_read_row_by_row_under_its_column_headings():
    from formlint.api import parse as parse_form
    from tests.conftest import REPO

    form = parse_form(REPO / "tests" / "corpus-holdout5" / "forms" / "rcpc-01.pdf")
    by_text = {a.text: a for a in form.actions}
    supervised = by_text["Mr Foster's time with the children to be supervised by his mother at her house"]
    assert supervised.owner == "Mrs Pat Foster" and supervised.timescale == "Saturdays 10am to 1pm"
    assert supervised.location.table == 1 and supervised.location.row == 3
    monitored = by_text["The children's emotional wellbeing will be monitored."]
    assert monitored.owner is None and monitored.timescale is None  # "Ongoing" is no timescale

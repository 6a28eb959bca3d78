"""The .docx reader: real fixtures, small forms built with python-docx, and hostile input."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from formlint.errors import CorruptDocument, ResourceLimitExceeded, UnreadableForm
from formlint.limits import DEFAULT_LIMITS, Limits
from formlint.parsers.docx import parse_docx
from formlint.parsers.raw import RawDocument, RawItem, Role

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURES = SHARED / "corpus" / "fixtures" / "docx"
ALL_FIXTURES = sorted(FIXTURES.glob("*.docx")) if FIXTURES.is_dir() else []


def fixture(name: str) -> RawDocument:
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"fixture {name} not available (shared corpus absent)")
    return parse_docx(path.read_bytes(), str(path), DEFAULT_LIMITS)


def fixture_bytes(name: str) -> bytes:
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"fixture {name} not available (shared corpus absent)")
    return path.read_bytes()


def texts(doc: RawDocument) -> list[str]:
    return [i.text for i in doc.items]


def joined(doc: RawDocument) -> str:
    return "\n".join(texts(doc))


def codes(doc: RawDocument, code: str) -> list[str]:
    return [w.message for w in doc.warnings if w.code == code]


# ----- every fixture -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.name)
def test_every_fixture_parses_or_fails_with_a_clear_error(path: Path) -> None:
    try:
        doc = parse_docx(path.read_bytes(), str(path), DEFAULT_LIMITS)
    except UnreadableForm as exc:
        assert exc.message and "\n" not in exc.message
        return
    assert doc.format == "docx"
    for item in doc.items:
        assert isinstance(item, RawItem)
        assert item.location.paragraph is not None


def test_fixture_corpus_is_present_or_skipped() -> None:
    if not ALL_FIXTURES:
        pytest.skip("shared fixture corpus not available")
    assert len(ALL_FIXTURES) >= 50


# ----- tracked changes ------------------------------------------------------------------------


def test_tracked_insertion_is_read_as_accepted_and_warned() -> None:
    doc = fixture("RP003-Inserted-Text.docx")
    assert "Video provides a powerful way" in joined(doc)
    warnings = codes(doc, "tracked-change")
    assert len(warnings) == 1
    assert warnings[0].startswith("unresolved tracked insertion by Eric White on 2017-03-24: 'provides")


def test_tracked_deletion_is_dropped_and_warned() -> None:
    doc = fixture("RP002-Deleted-Text.docx")
    assert "Video a powerful way" in joined(doc)
    assert "provides " not in joined(doc)
    assert any("deletion" in m and "provides" in m for m in codes(doc, "tracked-change"))


def test_deleted_paragraph_mark_merges_two_paragraphs() -> None:
    doc = fixture("RP005-Deleted-Paragraph-Mark.docx")
    [item] = doc.items
    assert "want to add." in item.text and "You can also type a keyword" in item.text
    assert item.location.paragraph == 0
    assert any("paragraph break" in m for m in codes(doc, "tracked-change"))


def test_deleted_table_row_is_dropped() -> None:
    doc = fixture("006-DeletedTableRow.docx")
    text = joined(doc)
    assert "555" not in text and "666" not in text
    assert [(i.label, i.text, i.location.row) for i in doc.items] == [
        ("111", "222", 1), ("333", "444", 2), ("777", "888", 3)]
    assert any("table row" in m for m in codes(doc, "tracked-change"))


def test_tracked_changes_are_grouped_per_paragraph() -> None:
    doc = fixture("RA001-Tracked-Revisions-01.docx")
    warned = codes(doc, "tracked-change")
    assert warned
    # 138 insertions and 111 deletions in the XML, far fewer paragraphs carrying them.
    assert len(warned) < 138


# ----- tables ------------------------------------------------------------------------------


def test_merged_cells_are_read_once() -> None:
    doc = fixture("merged_cells.docx")
    assert sum(t.count("34-123") for t in texts(doc)) == 1
    item = next(i for i in doc.items if i.text == "34-123")
    assert (item.location.table, item.location.cell) == (1, 2)


def test_tbl_cell_access_merged_cells_once() -> None:
    doc = fixture("tbl-cell-access.docx")
    body = [i for i in doc.items if i.location.table == 1]
    assert [i.text for i in body].count("5") == 1
    assert all(i.location.row is not None and i.location.cell is not None for i in body)


def test_nested_table_text_with_table_locations() -> None:
    doc = fixture("WC043-Nested-Table.docx")
    by_text = {i.text: i.location for i in doc.items}
    assert by_text["Nested."].table == 2
    assert by_text["Before."].table == 1 and by_text["After."].table == 1
    assert texts(doc) == ["Before.", "Nested.", "After."]


def test_body_order_with_nested_table() -> None:
    doc = fixture("blk-paras-and-tables.docx")
    t = texts(doc)
    assert t.index("Text before") < t.index("Table") < t.index("Text after")
    nested = next(i for i in doc.items if i.text == "Between")
    assert nested.location.table is not None and nested.location.row == 2


# ----- content controls and legacy fields -------------------------------------------------


def test_content_controls_checkboxes_dropdowns_and_placeholder() -> None:
    doc = fixture("test.docx")
    t = texts(doc)
    assert "☐Check Box Content Control" in t
    assert "☒Another Check Box Content Control" in t
    assert "Combo t Option 1" in t and "Drop-Down Content Control" in t
    assert "9/6/2022" in t
    blank = [i for i in doc.items if i.blank]
    assert [i.text for i in blank] == ["Choose an item."]


def test_legacy_checkboxes_text_fields_and_dropdowns() -> None:
    doc = fixture("checked_boxes.docx")
    by_field = {i.location.field: i for i in doc.items if i.location.field}
    assert by_field["chkMember_APS"].text.startswith("☒")
    assert by_field["chkOfficeUse_Urgent"].text.count("☐") == 2
    first_name = by_field["fldClient_fName"]
    assert first_name.blank and first_name.text == "" and first_name.label == "First Name"
    gender = by_field["drpClient_Gender"]
    assert gender.text == "Select..." and gender.blank  # synthesised from the ddList index
    assert "\u2002" not in joined(doc)


def test_legacy_checkbox_states_follow_checked_then_default() -> None:
    doc = fixture("checked-true-false.docx")
    glyphs = "".join(c for c in joined(doc) if c in "☐☒")
    assert "☐" in glyphs and "☒" in glyphs


def test_checklist_has_21_checkboxes_one_checked() -> None:
    doc = fixture("HC006-Test-01.docx")
    text = joined(doc)
    assert text.count("☒") + text.count("☐") == 21
    assert text.count("☒") == 1


# ----- text boxes, symbols, odd packages --------------------------------------------------


def test_text_box_read_exactly_once() -> None:
    doc = fixture("TextBox.docx")
    assert joined(doc).count("Here is a text box.") == 1


def test_text_box_in_nested_paragraphs_not_duplicated() -> None:
    doc = fixture("nested_paragraphs.docx")
    assert joined(doc).count("Grab your reader") == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("strict.docx", "Cellbb"),
        ("renamed_document_xml.docx", "This is a link to my website."),
        ("utf8-bom.docx", "This XML has a byte order mark."),
    ],
)
def test_unusual_packages_are_read(name: str, expected: str) -> None:
    assert expected in joined(fixture(name))


def test_symbols_are_rendered() -> None:
    doc = fixture("symbols.docx")
    assert "≠" in joined(doc) and "∞" in joined(doc)
    assert len(joined(doc)) > 20


def test_page_hints_from_rendered_page_breaks() -> None:
    doc = fixture("par-rendered-page-breaks.docx")
    assert [i.location.page for i in doc.items] == [1, 1, 2, 4]


def test_no_page_hints_means_no_page() -> None:
    doc = fixture("strict.docx")
    assert all(i.location.page is None for i in doc.items)


# ----- comments, headers, images ---------------------------------------------------------


def test_comments_become_open_comment_warnings() -> None:
    doc = fixture("test_file_with_comments.docx")
    warned = [w for w in doc.warnings if w.code == "open-comment"]
    # 12 comments, one marked done in commentsExtended.xml: resolved is not open.
    assert len(warned) == 11
    assert warned[0].message == "open comment by Randy Bartels: 'Comment 1'"
    in_table = next(w for w in warned if "Comment in a table" in w.message)
    assert in_table.location.table == 1
    assert "Comment 1" not in joined(doc)


def test_rich_comments_are_warned() -> None:
    doc = fixture("comments-rich-para.docx")
    assert len(codes(doc, "open-comment")) == 4


def test_headers_and_footers_go_to_extra_text() -> None:
    doc = fixture("hdr-header-footer.docx")
    assert "Header for section-1" in doc.extra_text
    assert "Footer for section 1" in doc.extra_text
    assert "Header for section-1" not in joined(doc)


def test_images_are_warned_not_silently_dropped() -> None:
    doc = fixture("test_file_with_comments.docx")
    assert codes(doc, "image") == ["an image or drawing formlint cannot read"]


# ----- forms built with python-docx ---------------------------------------------------------


def _build(make: Callable[[object], None], tmp_path: Path) -> RawDocument:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    make(document)
    out = tmp_path / "form.docx"
    document.save(str(out))
    return parse_docx(out.read_bytes(), str(out), DEFAULT_LIMITS)


def _bold_cell(cell: object, text: str) -> None:
    para = cell.paragraphs[0]  # type: ignore[attr-defined]
    para.add_run(text).bold = True


def _assessment(document: object) -> None:
    d = document
    d.add_heading("Child and Family Assessment", level=0)  # type: ignore[attr-defined]
    d.sections[0].header.paragraphs[0].text = "OFFICIAL-SENSITIVE"  # type: ignore[attr-defined]
    table = d.add_table(rows=0, cols=2)  # type: ignore[attr-defined]
    for label, answer in [("Child's name", "Jamie Smith"), ("Date of birth", "03/04/2016"),
                          ("Social worker", "A. Patel")]:
        row = table.add_row()
        _bold_cell(row.cells[0], label)
        row.cells[1].text = answer
    d.add_heading("Analysis", level=1)  # type: ignore[attr-defined]
    d.add_paragraph("Mum told me that Jamie has been sleeping better since the move.")  # type: ignore[attr-defined]
    d.add_paragraph("Second answer paragraph.")  # type: ignore[attr-defined]
    bold = d.add_paragraph()  # type: ignore[attr-defined]
    bold.add_run("Plan").bold = True
    plan = d.add_table(rows=2, cols=4)  # type: ignore[attr-defined]
    for cell, head in zip(plan.rows[0].cells, ["Action", "Who", "By when", "How will we know"], strict=True):
        _bold_cell(cell, head)
    for cell, value in zip(plan.rows[1].cells, ["Attend nursery", "Mum", "01/09/2024", "Attendance"],
                           strict=True):
        cell.text = value


def test_built_form_label_answer_table_gives_fields(tmp_path: Path) -> None:
    doc = _build(_assessment, tmp_path)
    fields = [(i.label, i.text) for i in doc.items if i.role is Role.FIELD]
    assert fields == [("Child's name", "Jamie Smith"), ("Date of birth", "03/04/2016"),
                      ("Social worker", "A. Patel")]
    name = next(i for i in doc.items if i.label == "Child's name")
    assert (name.location.table, name.location.row, name.location.cell) == (1, 1, 2)


def test_built_form_headings_from_styles_and_bold_lines(tmp_path: Path) -> None:
    doc = _build(_assessment, tmp_path)
    headings = [(i.text, i.level) for i in doc.items if i.role is Role.HEADING]
    assert headings == [("Child and Family Assessment", 0), ("Analysis", 1), ("Plan", None)]
    body = next(i for i in doc.items if i.text.startswith("Mum told me"))
    assert body.role is Role.BODY and body.location.table is None


def test_built_form_header_row_table_labels_cells(tmp_path: Path) -> None:
    doc = _build(_assessment, tmp_path)
    plan = [(i.label, i.text, i.location.row, i.location.cell) for i in doc.items if i.location.table == 2]
    assert plan == [("Action", "Attend nursery", 2, 1), ("Who", "Mum", 2, 2),
                    ("By when", "01/09/2024", 2, 3), ("How will we know", "Attendance", 2, 4)]
    assert all(i.role is Role.BODY for i in doc.items if i.location.table == 2)


def test_built_form_header_text_goes_to_extra_text(tmp_path: Path) -> None:
    doc = _build(_assessment, tmp_path)
    assert "OFFICIAL-SENSITIVE" in doc.extra_text
    assert "OFFICIAL-SENSITIVE" not in joined(doc)


def test_built_multi_paragraph_answer_and_full_width_heading_row(tmp_path: Path) -> None:
    def make(d: object) -> None:
        table = d.add_table(rows=3, cols=2)  # type: ignore[attr-defined]
        merged = table.rows[0].cells[0].merge(table.rows[0].cells[1])
        _bold_cell(merged, "Section 2: Family history")
        _bold_cell(table.rows[1].cells[0], "Family history")
        answer = table.rows[1].cells[1]
        answer.text = "Parents separated in 2019."
        answer.add_paragraph("Dad sees Jamie weekly.")
        _bold_cell(table.rows[2].cells[0], "Single-cell note")

    doc = _build(make, tmp_path)
    assert doc.items[0].role is Role.HEADING and doc.items[0].text == "Section 2: Family history"
    history = next(i for i in doc.items if i.label == "Family history")
    assert history.text == "Parents separated in 2019.\nDad sees Jamie weekly."
    assert joined(doc).count("Section 2: Family history") == 1


def test_built_single_cell_table_reads_as_running_text(tmp_path: Path) -> None:
    def make(d: object) -> None:
        box = d.add_table(rows=1, cols=1)  # type: ignore[attr-defined]
        box.rows[0].cells[0].text = "The worker's narrative inside a framed box."
        box.rows[0].cells[0].add_paragraph("A second paragraph.")

    doc = _build(make, tmp_path)
    assert [(i.role, i.text) for i in doc.items] == [
        (Role.BODY, "The worker's narrative inside a framed box."), (Role.BODY, "A second paragraph.")]


# ----- hostile and broken input -------------------------------------------------------------


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


_RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
         b'2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_DOC = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
        b'2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>')


def test_minimal_hand_built_package_reads() -> None:
    doc = parse_docx(_zip({"_rels/.rels": _RELS, "word/document.xml": _DOC}), "x.docx", DEFAULT_LIMITS)
    assert texts(doc) == ["Hello"]


def test_truncated_fixture_is_corrupt() -> None:
    data = fixture_bytes("checked_boxes.docx")
    with pytest.raises(CorruptDocument, match=r"not a valid \.docx \(the zip is damaged or truncated\)"):
        parse_docx(data[: len(data) // 2], "cut.docx", DEFAULT_LIMITS)


def test_junk_with_zip_magic_is_corrupt() -> None:
    junk = b"PK\x03\x04" + bytes(range(256)) * 40
    with pytest.raises(CorruptDocument, match="damaged or truncated"):
        parse_docx(junk, "junk.docx", DEFAULT_LIMITS)


def test_zip_without_word_part_is_corrupt() -> None:
    data = _zip({"hello.txt": b"not a document"})
    with pytest.raises(CorruptDocument, match="without a Word document part"):
        parse_docx(data, "other.docx", DEFAULT_LIMITS)


def test_zip_bomb_refused_before_inflating() -> None:
    bomb = b"<w:document>" + b" " * (30 * 2**20) + b"</w:document>"
    data = _zip({"_rels/.rels": _RELS, "word/document.xml": bomb})
    assert len(data) < 200_000
    with pytest.raises(ResourceLimitExceeded, match="compression-ratio limit"):
        parse_docx(data, "bomb.docx", DEFAULT_LIMITS)
    with pytest.raises(ResourceLimitExceeded, match="per-part limit"):
        parse_docx(data, "bomb.docx", Limits(max_xml_part_bytes=2**20, max_zip_ratio=10**6))
    with pytest.raises(ResourceLimitExceeded, match="unpacks to 30 MB, over the 10 MB limit"):
        parse_docx(data, "bomb.docx", Limits(max_zip_total_bytes=10 * 2**20))


def test_too_many_members_refused() -> None:
    data = _zip({f"m{i}.xml": b"<a/>" for i in range(30)})
    with pytest.raises(ResourceLimitExceeded, match="holds 30 files, over the limit of 10"):
        parse_docx(data, "many.docx", Limits(max_zip_members=10))


def test_lying_zip_header_is_capped_while_streaming() -> None:
    data = bytearray(_zip({"_rels/.rels": _RELS, "word/document.xml": _DOC + b" " * 5000}))
    # Shrink the declared size in the central directory: the stream must not trust it.
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    central = bytes(data).rfind(b"PK\x01\x02", 0, bytes(data).rfind(b"word/document.xml"))
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    assert info.file_size > 10
    with pytest.raises(CorruptDocument, match=r"cannot be unpacked|not well-formed"):
        parse_docx(bytes(data), "liar.docx", DEFAULT_LIMITS)


def test_doctype_is_refused() -> None:
    evil = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            + _DOC[_DOC.index(b"<w:document"):])
    data = _zip({"_rels/.rels": _RELS, "word/document.xml": evil})
    with pytest.raises(CorruptDocument, match="DOCTYPE"):
        parse_docx(data, "xxe.docx", DEFAULT_LIMITS)


def test_malformed_xml_names_the_part() -> None:
    data = _zip({"_rels/.rels": _RELS, "word/document.xml": b"<w:document><w:body>"})
    with pytest.raises(CorruptDocument, match=r"part word/document\.xml is not well-formed XML"):
        parse_docx(data, "bad.docx", DEFAULT_LIMITS)

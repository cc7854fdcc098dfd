"""Tests for timeline.documents: loading corpus folders, manifests and texts."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from timeline.documents import Document, load_document, load_documents
from timeline.errors import DocumentError

DATA = Path(__file__).resolve().parent / "data"
MANIFEST_DIR = DATA / "documents_manifest"
BARE_DIR = DATA / "documents_bare"


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the invented manifest corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(MANIFEST_DIR, target)
    return target


def _rewrite_manifest(folder: Path, old: str, new: str) -> None:
    manifest = folder / "manifest.csv"
    text = manifest.read_text(encoding="utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new), encoding="utf-8")


def test_manifest_documents_are_sorted_by_doc_id():
    docs = load_documents(MANIFEST_DIR)
    assert [d.doc_id for d in docs] == ["a1", "b2"]
    assert all(isinstance(d, Document) for d in docs)


def test_manifest_metadata_is_read():
    b2 = load_documents(MANIFEST_DIR)[1]
    assert b2.title == "Council answers the harbour report"
    assert b2.outlet == "Riverton Gazette"
    assert b2.publisher_type == "news media"
    assert b2.url == "https://example.org/b2"
    assert b2.path == MANIFEST_DIR / "b2_council.txt"
    assert b2.text.startswith("RIVERTON, April 2 --")


def test_published_date_time_keeps_the_local_date_as_written():
    b2 = load_documents(MANIFEST_DIR)[1]
    # 23:10 at +09:00 is 14:10 UTC the same day; the local date is what the reader saw.
    assert b2.published == dt.date(2031, 4, 2)
    assert b2.published_text == "2031-04-02T23:10+09:00"
    assert b2.published_inferred is False


def test_published_date_time_past_midnight_utc_is_not_converted(corpus_copy: Path):
    _rewrite_manifest(corpus_copy, "2031-04-02T23:10+09:00", "2031-04-02T01:30+09:00")
    b2 = load_documents(corpus_copy)[1]
    assert b2.published == dt.date(2031, 4, 2)


def test_extra_columns_are_kept_and_empty_optional_ones_default():
    a1, b2 = load_documents(MANIFEST_DIR)
    assert b2.extra == {"desk": "city"}
    assert a1.extra == {"desk": ""}
    assert a1.language == "en"
    assert a1.title == ""
    assert a1.url == ""


def test_missing_optional_columns_are_fine(corpus_copy: Path):
    (corpus_copy / "manifest.csv").write_text(
        "file,doc_id,published\na1_harbour.txt,a1,2031-03-30\nb2_council.txt,b2,2031-04-02\n",
        encoding="utf-8",
    )
    docs = load_documents(corpus_copy)
    assert [(d.doc_id, d.published, d.outlet) for d in docs] == [
        ("a1", dt.date(2031, 3, 30), ""),
        ("b2", dt.date(2031, 4, 2), ""),
    ]


def test_texts_equal_read_text_with_bom_dropped_and_universal_newlines(tmp_path: Path):
    (tmp_path / "manifest.csv").write_text(
        "doc_id,file,published\nx,x.txt,2030-01-01\n", encoding="utf-8"
    )
    raw = "\ufeffLine one \u2014 caf\u00e9.\r\nLine two.\rLine three.\n".encode()
    (tmp_path / "x.txt").write_bytes(raw)
    doc = load_documents(tmp_path)[0]
    assert doc.text == "Line one \u2014 caf\u00e9.\nLine two.\nLine three.\n"
    assert doc.text == (tmp_path / "x.txt").read_text(encoding="utf-8-sig")


def test_shared_corpus_texts_match_read_text(corpus_dir: Path):
    docs = load_documents(corpus_dir)
    assert [d.doc_id for d in docs] == ["000", "001", "002", "003", "004"]
    for doc in docs:
        assert doc.text == doc.path.read_text(encoding="utf-8")
        assert doc.published is not None
        assert doc.published_inferred is False
    assert docs[1].published == dt.date(2019, 7, 11)


def test_missing_folder_is_named(tmp_path: Path):
    missing = tmp_path / "nowhere"
    with pytest.raises(DocumentError, match=r"nowhere: corpus folder not found"):
        load_documents(missing)


def test_folder_without_manifest_or_texts_is_an_error(tmp_path: Path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    with pytest.raises(DocumentError, match=r"no manifest\.csv and no text files \(\.txt, \.md"):
        load_documents(tmp_path)


def test_manifest_row_without_its_file_is_named(corpus_copy: Path):
    (corpus_copy / "b2_council.txt").unlink()
    with pytest.raises(DocumentError, match=r"row 2: file 'b2_council\.txt' of doc_id 'b2'"):
        load_documents(corpus_copy)


def test_manifest_missing_required_column(corpus_copy: Path):
    (corpus_copy / "manifest.csv").write_text("doc_id,title\na1,Hello\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"missing required column\(s\) file"):
        load_documents(corpus_copy)


def test_manifest_row_with_wrong_field_count(corpus_copy: Path):
    _rewrite_manifest(corpus_copy, ",en,https://example.org/b2,city", ",en,https://example.org/b2")
    with pytest.raises(DocumentError, match=r"manifest\.csv: row 2 has 8 fields, the header has 9"):
        load_documents(corpus_copy)


def test_quoted_manifest_values_may_hold_commas_and_newlines(corpus_copy: Path):
    _rewrite_manifest(
        corpus_copy,
        "Council answers the harbour report,",
        '"Council answers, at last,\nthe harbour report",',
    )
    b2 = load_documents(corpus_copy)[1]
    assert b2.title == "Council answers, at last,\nthe harbour report"
    assert b2.outlet == "Riverton Gazette"


def test_unterminated_quote_is_a_malformed_manifest(corpus_copy: Path):
    _rewrite_manifest(corpus_copy, "Office of the Harbour Master", '"Office of the Harbour Master')
    with pytest.raises(DocumentError, match=r"manifest\.csv: malformed CSV"):
        load_documents(corpus_copy)


def test_duplicate_doc_id(corpus_copy: Path):
    _rewrite_manifest(corpus_copy, "a1,a1_harbour.txt", "b2,a1_harbour.txt")
    with pytest.raises(DocumentError, match=r"duplicate doc_id 'b2'"):
        load_documents(corpus_copy)


def test_undecodable_text_names_file_and_byte_offset(corpus_copy: Path):
    (corpus_copy / "a1_harbour.txt").write_bytes(b"Caf\xc3\xa9 closed \xff on Monday.")
    with pytest.raises(DocumentError, match=r"a1_harbour\.txt: not valid UTF-8 at byte 13"):
        load_documents(corpus_copy)


def test_unparseable_published_names_row_and_value(corpus_copy: Path):
    _rewrite_manifest(corpus_copy, "2031-03-30", "30/03/2031")
    with pytest.raises(DocumentError, match=r"row 3: unparseable published value '30/03/2031'"):
        load_documents(corpus_copy)


def test_publisher_type_outside_the_suggestions_is_kept(corpus_copy: Path):
    _rewrite_manifest(corpus_copy, "news media", "independent media")
    b2 = {d.doc_id: d for d in load_documents(corpus_copy)}["b2"]
    assert b2.publisher_type == "independent media"


def test_bare_folder_uses_file_stems_and_records_missing_dates():
    docs = load_documents(BARE_DIR)
    assert [d.doc_id for d in docs] == ["k9_note", "m1_notice"]
    note = docs[0]
    assert note.published is None
    assert note.published_inferred is False
    assert "published_how" not in note.extra


def test_bare_folder_infers_publication_date_from_the_text():
    notice = load_documents(BARE_DIR)[1]
    assert notice.published == dt.date(2030, 6, 14)
    assert notice.published_inferred is True
    assert notice.published_text == ""
    assert notice.extra["published_how"] == "date line"


def test_manifest_row_without_published_is_inferred_from_the_text(corpus_copy: Path):
    _rewrite_manifest(corpus_copy, "government,2031-03-30", "government,")
    (corpus_copy / "a1_harbour.txt").write_text(
        "31 March 2031\nThe Harbour Master published a survey of the old pier.\n", encoding="utf-8"
    )
    a1 = load_documents(corpus_copy)[0]
    assert a1.published == dt.date(2031, 3, 31)
    assert a1.published_inferred is True
    assert a1.published_text == ""
    assert a1.extra["published_how"] == "date line"


def test_load_document_with_metadata():
    doc = load_document(
        BARE_DIR / "m1_notice.txt", doc_id="n", published=dt.date(2030, 6, 14), desk="culture"
    )
    assert doc.doc_id == "n"
    assert doc.published == dt.date(2030, 6, 14)
    assert doc.published_inferred is False
    assert doc.extra == {"desk": "culture"}


def test_load_document_missing_file(tmp_path: Path):
    with pytest.raises(DocumentError, match=r"gone\.txt: file not found"):
        load_document(tmp_path / "gone.txt")


# --------------------------------------------------------------------------- doc ids, paths


def test_a_file_stem_that_is_no_doc_id_is_refused_before_extraction(tmp_path: Path):
    (tmp_path / "Dépêche-001.txt").write_text("Published on 3 May 2020.", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"doc_id 'Dépêche-001' is not a valid doc id.*"):
        load_documents(tmp_path)


@pytest.mark.parametrize("doc_id", ["a;b", "two words", "-lead", "Dépêche"])
def test_a_manifest_doc_id_the_table_cannot_cite_is_refused(corpus_copy: Path, doc_id: str):
    _rewrite_manifest(corpus_copy, "\nb2,", f'\n"{doc_id}",')
    with pytest.raises(
        DocumentError, match=r"manifest.csv row \d: doc_id .* is not a valid doc id"
    ):
        load_documents(corpus_copy)


@pytest.mark.parametrize("name", ["../../../../etc/hostname", "/etc/hostname", "../outside.txt"])
def test_a_manifest_file_outside_the_corpus_folder_is_refused(corpus_copy: Path, name: str):
    (corpus_copy.parent / "outside.txt").write_text("Secret on 3 May 2020.", encoding="utf-8")
    _rewrite_manifest(corpus_copy, "b2_council.txt", name)
    with pytest.raises(DocumentError, match=r"outside the corpus folder"):
        load_documents(corpus_copy)


def test_a_symlink_out_of_the_corpus_folder_is_refused(corpus_copy: Path):
    outside = corpus_copy.parent / "outside.txt"
    outside.write_text("Secret on 3 May 2020.", encoding="utf-8")
    (corpus_copy / "b2_council.txt").unlink()
    (corpus_copy / "b2_council.txt").symlink_to(outside)
    with pytest.raises(DocumentError, match=r"b2_council.txt.*outside the corpus folder"):
        load_documents(corpus_copy)


def test_a_symlink_out_of_a_bare_folder_is_refused(tmp_path: Path):
    corpus = tmp_path / "bare"
    corpus.mkdir()
    (tmp_path / "outside.txt").write_text("Secret on 3 May 2020.", encoding="utf-8")
    (corpus / "k1.txt").symlink_to(tmp_path / "outside.txt")
    with pytest.raises(DocumentError, match=r"k1.txt.*outside the corpus folder"):
        load_documents(corpus)


def test_a_symlink_inside_the_corpus_folder_is_fine(corpus_copy: Path):
    (corpus_copy / "texts").mkdir()
    (corpus_copy / "b2_council.txt").rename(corpus_copy / "texts" / "b2.txt")
    (corpus_copy / "b2_council.txt").symlink_to(corpus_copy / "texts" / "b2.txt")
    assert [d.doc_id for d in load_documents(corpus_copy)] == ["a1", "b2"]


def test_a_manifest_cell_over_the_csv_module_limit_is_read(corpus_copy: Path):
    _rewrite_manifest(corpus_copy, ",city", "," + "c" * 200_000)
    docs = {d.doc_id: d for d in load_documents(corpus_copy)}
    assert docs["b2"].extra["desk"] == "c" * 200_000

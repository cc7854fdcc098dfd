"""Reading corpora where they are, and extraction on a Dask cluster (timeline.distributed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from timeline import cli
from timeline.distributed import map_documents, read_corpus
from timeline.documents import Document, load_documents
from timeline.errors import ClusterError, DocumentError
from timeline.events import extract_events
from timeline.table import read_events, write_events

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of two single-threaded worker processes on loopback, for this module."""
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # any free port: 8787 may be taken
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _doc_id_length(doc: Document) -> tuple[str, int]:
    return doc.doc_id, len(doc.text)


# --------------------------------------------------------------------------- reading


def test_a_local_folder_reads_as_load_documents_reads_it():
    folder = DATA / "documents_manifest"
    assert read_corpus(folder) == load_documents(folder)


def test_a_glob_reads_the_matching_files_sorted_with_their_stems_as_ids(tmp_path):
    for name, text in [("b2.txt", "Second."), ("a1.txt", "First."), ("c3.md", "Not this.")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    docs = read_corpus(f"{tmp_path}/*.txt")
    assert [(d.doc_id, d.text) for d in docs] == [("a1", "First."), ("b2", "Second.")]


def test_an_fsspec_url_of_a_manifest_folder_gives_the_same_documents_but_their_path():
    folder = DATA / "documents_manifest"
    by_url = read_corpus(folder.resolve().as_uri())
    plain = load_documents(folder)
    assert [d.doc_id for d in by_url] == [d.doc_id for d in plain]
    assert [(d.text, d.published, d.outlet) for d in by_url] == [
        (d.text, d.published, d.outlet) for d in plain
    ]


def test_texts_are_decoded_as_load_documents_decodes_them(tmp_path):
    (tmp_path / "d1.txt").write_bytes(b"\xef\xbb\xbfLine one.\r\nLine two.\rEnd.")
    (doc,) = read_corpus(f"{tmp_path}/*.txt")
    assert doc.text == "Line one.\nLine two.\nEnd."


def test_a_glob_matching_nothing_is_an_error_naming_it(tmp_path):
    with pytest.raises(DocumentError, match=r"\*\.txt: no file matches"):
        read_corpus(f"{tmp_path}/*.txt")


def test_a_missing_folder_url_is_an_error_naming_it(tmp_path):
    with pytest.raises(DocumentError, match="nowhere: corpus folder not found"):
        read_corpus((tmp_path / "nowhere").as_uri())


def test_two_files_with_one_doc_id_are_an_error(tmp_path):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(DocumentError, match="duplicate doc_id 'same'"):
        read_corpus(f"{tmp_path}/*/*.txt")


def test_invalid_utf8_through_fsspec_names_the_file(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"ok \xff")
    with pytest.raises(DocumentError, match=r"bad\.txt: not valid UTF-8 at byte 3"):
        read_corpus(f"{tmp_path.as_uri()}/*.txt")


def test_an_unknown_protocol_is_an_error_that_says_what_to_install():
    with pytest.raises(DocumentError, match="fsspec URL whose file system is installed"):
        read_corpus("nosuchprotocol://bucket/news/*.txt")


# --------------------------------------------------------------------------- on the cluster


@pytest.mark.parametrize("name", ["corpus", "corpus-dev"])
def test_dask_gives_the_serial_table_on_the_shared_corpora(client, name, request):
    folder = request.getfixturevalue("corpus_dir" if name == "corpus" else "corpus_dev_dir")
    docs = load_documents(folder)
    serial = extract_events(docs)
    assert len(serial) > 0
    pd.testing.assert_frame_equal(extract_events(docs, scheduler=client), serial)
    pd.testing.assert_frame_equal(extract_events(folder, scheduler=client), serial)


def test_workers_read_a_glob_and_match_the_serial_run(client, tmp_path):
    for path in sorted((DATA / "events_unseen").glob("U0*.txt")):
        shutil.copy(path, tmp_path / path.name)
    location = f"{tmp_path.as_uri()}/*.txt"
    serial = extract_events(read_corpus(location))
    pd.testing.assert_frame_equal(extract_events(location, scheduler=client), serial)


def test_results_come_back_in_document_order(client):
    docs = [Document(f"d{i:03d}", "x" * (i % 7)) for i in range(150)]
    got = map_documents(_doc_id_length, docs, scheduler=client)
    assert got == [(d.doc_id, len(d.text)) for d in docs]


def test_a_document_error_on_a_worker_reaches_the_caller(client, tmp_path):
    (tmp_path / "good.txt").write_text("The ministry met on 3 May 2021.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe broken")
    with pytest.raises(DocumentError, match=r"bad\.txt: not valid UTF-8"):
        extract_events(f"{tmp_path}/*.txt", scheduler=client)


def test_the_progress_bar_counts_documents_on_stderr(client, capsys):
    docs = [Document(f"d{i}", "The ministry met on 3 May 2021.") for i in range(5)]
    extract_events(docs, scheduler=client, progress=True)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "5/5" in captured.err


def test_the_command_on_a_cluster_address_writes_the_serial_table(client, tmp_path, capsys):
    corpus = DATA / "events_unseen" / "final"
    serial, dasked = tmp_path / "serial.csv", tmp_path / "dask.parquet"
    assert cli.main(["extract", str(corpus), "-o", str(serial), "--no-progress"]) == 0
    address = client.scheduler.address
    argv = ["extract", str(corpus), "-o", str(dasked), "--dask", address, "--no-progress"]
    assert cli.main(argv) == 0
    assert f"on Dask ({address})" in capsys.readouterr().out
    pd.testing.assert_frame_equal(read_events(dasked), read_events(serial))


def test_merge_on_a_cluster_keeps_the_reviewed_rows_of_a_parquet_table(client, tmp_path):
    corpus = DATA / "events_unseen" / "final"
    out = tmp_path / "events.parquet"
    argv = ["extract", str(corpus), "-o", str(out), "--dask", client.scheduler.address]
    assert cli.main([*argv, "--no-progress"]) == 0
    table = read_events(out)
    table.loc[0, "title"] = "Edited by a reviewer"
    table.loc[0, "reviewed"] = True
    write_events(table, out)
    assert cli.main([*argv, "--merge", "--no-progress"]) == 0
    merged = read_events(out)
    kept = merged[merged["event_id"] == table.loc[0, "event_id"]]
    assert kept["title"].tolist() == ["Edited by a reviewer"]
    assert len(merged) == len(table)


def test_an_unreachable_scheduler_is_a_cluster_error_naming_it(monkeypatch):
    monkeypatch.setattr("timeline.distributed._CONNECT_TIMEOUT", "1s")
    docs = [Document("d1", "Text.")]
    with pytest.raises(
        ClusterError, match=r"cannot reach the Dask scheduler at 'tcp://127\.0\.0\.1:9'"
    ):
        extract_events(docs, scheduler="tcp://127.0.0.1:9")


def test_a_scheduler_that_is_not_one_is_a_cluster_error():
    with pytest.raises(ClusterError, match="scheduler must be 'local', a Dask scheduler address"):
        extract_events([Document("d1", "Text.")], scheduler=3)


def test_no_documents_start_no_cluster():
    assert map_documents(_doc_id_length, [], scheduler="tcp://127.0.0.1:9") == []

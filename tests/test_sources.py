"""timeline.sources and `timeline add`: pages, PDFs and files into a corpus, all on loopback."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from sources_site import (
    LATIN1_TEXT,
    Route,
    article_page,
    loopback_site,
    scanned_pdf,
    serve,
    two_page_pdf,
)

from timeline import load_documents, perspective_figure, read_events, write_events
from timeline.cli import main
from timeline.errors import SourceError
from timeline.sources import (
    USER_AGENT,
    Limits,
    add_source,
    anchor_quote,
    guess_publisher,
    page_of,
    reanchor_evidence,
    rederive,
)
from timeline.table import events_frame

CLOCK = dt.datetime(2031, 6, 1, 12, 0, tzinfo=dt.UTC)
FAST = Limits(timeout=5.0, max_bytes=5 * 1024 * 1024, max_redirects=3)


@pytest.fixture
def site():
    with serve(loopback_site()) as running:
        yield running


def _add(site, path: str, corpus: Path, **kw):
    kw.setdefault("limits", FAST)
    return add_source(site.url(path), corpus, clock=lambda: CLOCK, **kw)


def _manifest(corpus: Path) -> list[dict[str, str]]:
    with open(corpus / "manifest.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _doc(corpus: Path, doc_id: str):
    return {d.doc_id: d for d in load_documents(corpus)}[doc_id]


# --------------------------------------------------------------------------- pages


def test_article_keeps_the_story_and_drops_navigation_comments_and_cookie_banner(site, tmp_path):
    done = _add(site, "/2031/council-harbour", tmp_path / "c")
    doc = _doc(tmp_path / "c", done.doc_id)
    assert "voted on Tuesday to reject the harbour report" in doc.text
    assert "quay would stay open until then" in doc.text
    for boilerplate in ("Subscribe now", "cookies", "Reader99", "first comment", "All rights"):
        assert boilerplate not in doc.text


def test_article_metadata_says_where_each_field_came_from(site, tmp_path):
    row = _add(site, "/2031/council-harbour", tmp_path / "c").row
    assert row["title"] == "Council rejects the harbour report"
    assert row["outlet"] == "Riverton Gazette" and row["author"] == "Ada Lind"
    assert row["url"] == "https://gazette.example/2031/council-harbour"
    assert (row["published"], row["published_source"]) == ("2031-04-02", "page metadata")
    assert row["language"] == "en"
    assert "url: canonical link" in row["field_sources"]
    assert "outlet: page metadata" in row["field_sources"]


def test_statement_dated_only_in_its_url(site, tmp_path):
    row = _add(site, "/statements/2031/04/03/council-decision", tmp_path / "c").row
    assert (row["published"], row["published_source"]) == ("2031-04-03", "url")
    assert "outlet: url host" in row["field_sources"]  # the page names no site
    doc = _doc(tmp_path / "c", row["doc_id"])
    assert doc.published == dt.date(2031, 4, 3) and not doc.published_inferred
    assert "delegation to the harbour on 20 April 2031" in doc.text


def test_statement_dated_only_in_json_ld(site, tmp_path):
    row = _add(site, "/communique", tmp_path / "c").row
    assert (row["published"], row["published_source"]) == ("2031-05-06", "page metadata")
    assert row["title"] == "Joint communique on fishing quotas"


def test_briefing_transcript_keeps_every_turn(site, tmp_path):
    done = _add(site, "/briefing", tmp_path / "c")
    text = _doc(tmp_path / "c", done.doc_id).text
    assert text.count("Spokesperson Mira Osk:") == 3 and text.count("Reporter:") == 2
    assert done.row["published"] == "2031-05-28"


def test_page_in_another_encoding_declared_in_a_meta_tag(site, tmp_path):
    done = _add(site, "/fr/conseil", tmp_path / "c")
    doc = _doc(tmp_path / "c", done.doc_id)
    assert LATIN1_TEXT in doc.text
    assert doc.language == "fr"


def test_a_date_found_nowhere_but_the_text_says_so(site, tmp_path):
    row = _add(site, "/fr/conseil", tmp_path / "c").row
    assert (row["published"], row["published_source"]) == ("2031-04-02", "text")


def test_redirect_is_followed_and_the_final_url_kept(site, tmp_path):
    done = _add(site, "/moved", tmp_path / "c")
    record = json.loads((tmp_path / "c" / f"{done.row['raw'].rsplit('.', 1)[0]}.json").read_text())
    assert record["final_url"] == site.url("/communique")
    assert record["source"] == site.url("/moved")


# --------------------------------------------------------------------------- failures


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", r"answered HTTP 404 \(not found\); nothing was saved"),
        ("/loop-a", r"redirect loop \(.*/loop-a -> .*/loop-b -> .*/loop-a\)"),
        ("/huge", r"larger than the size limit of 5,242,880 bytes; nothing was saved"),
        ("/binary", r"binary content \(NUL bytes\), not a web page"),
        ("/image", r"served as image/png, not a web page, PDF or text"),
        ("/scan.pdf", r"none of its 1 page\(s\) has a text layer .* OCR is needed"),
    ],
)
def test_a_bad_source_gives_a_clear_error_and_writes_nothing(site, tmp_path, path, message):
    corpus = tmp_path / "c"
    with pytest.raises(SourceError, match=message) as info:
        _add(site, path, corpus)
    assert site.url(path) in str(info.value)
    assert not corpus.exists() or not any(corpus.iterdir())


def test_too_many_redirects(tmp_path):
    routes = {f"/r{i}": Route(status=302, location=f"/r{i + 1}") for i in range(10)}
    with serve(loopback_site()) as site:
        site.routes.update(routes)
        with pytest.raises(SourceError, match=r"more than 3 redirects"):
            _add(site, "/r0", tmp_path / "c")


def test_a_slow_server_times_out(site, tmp_path):
    with pytest.raises(SourceError, match=r"no answer within 0.5 s \(timed out\)"):
        _add(site, "/slow", tmp_path / "c", limits=Limits(timeout=0.5))


def test_a_body_over_the_limit_is_refused_while_streaming(site, tmp_path):
    site.routes["/long"] = Route(length=300_000)
    with pytest.raises(SourceError, match="larger than the size limit of 100,000 bytes"):
        _add(site, "/long", tmp_path / "c", limits=Limits(max_bytes=100_000))


def test_only_http_urls_are_fetched(tmp_path):
    with pytest.raises(SourceError, match=r"only http:// and https:// URLs are fetched"):
        add_source("ftp://127.0.0.1/x.html", tmp_path / "c")


# --------------------------------------------------------------------------- the cache


def test_requests_say_who_is_fetching(site, tmp_path):
    _add(site, "/communique", tmp_path / "c")
    assert site.agents == [USER_AGENT]
    assert USER_AGENT.startswith("timeline/")


def test_raw_bytes_are_kept_with_their_hash_and_fetch_time(site, tmp_path):
    import hashlib

    row = _add(site, "/communique", tmp_path / "c").row
    raw = (tmp_path / "c" / row["raw"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == row["sha256"]
    assert row["raw"] == f"raw/{row['sha256']}.html"
    assert row["fetched"] == "2031-06-01T12:00:00+00:00"
    record = json.loads((tmp_path / "c" / "raw" / f"{row['sha256']}.json").read_text())
    assert record["fetched"] == row["fetched"] and record["bytes"] == len(raw)


def test_adding_the_same_url_again_fetches_nothing(site, tmp_path):
    first = _add(site, "/communique", tmp_path / "c")
    manifest = (tmp_path / "c" / "manifest.csv").read_bytes()
    again = _add(site, "/communique", tmp_path / "c")
    assert again.status == "present" and again.doc_id == first.doc_id
    assert site.hits["/communique"] == 1
    assert (tmp_path / "c" / "manifest.csv").read_bytes() == manifest


def test_refresh_detects_a_changed_page_and_keeps_the_old_bytes(site, tmp_path):
    corpus = tmp_path / "c"
    first = _add(site, "/2031/council-harbour", corpus)
    assert _add(site, "/2031/council-harbour", corpus, refresh=True).status == "unchanged"
    changed = ["A new first paragraph was added on Thursday after the port authority answered."]
    site.routes["/2031/council-harbour"] = Route(article_page(changed + []).encode())
    done = _add(site, "/2031/council-harbour", corpus, refresh=True)
    assert done.status == "changed" and done.doc_id == first.doc_id
    assert "A new first paragraph" in _doc(corpus, first.doc_id).text
    assert (corpus / first.row["raw"]).exists() and (corpus / done.row["raw"]).exists()
    assert len(_manifest(corpus)) == 1
    assert "re-anchor evidence" in done.to_text()


def test_refresh_keeps_the_values_a_user_gave(site, tmp_path):
    corpus = tmp_path / "c"
    _add(site, "/communique", corpus, given={"publisher_type": "independent media"})
    site.routes["/communique"] = Route(article_page().encode())
    row = _add(site, "/communique", corpus, refresh=True).row
    assert (row["publisher_type"], row["publisher_type_source"]) == ("independent media", "given")


def test_a_cached_corpus_works_offline(tmp_path):
    corpus = tmp_path / "c"
    with serve(loopback_site()) as site:
        url = site.url("/communique")
        _add(site, "/communique", corpus)
    docs = load_documents(corpus)  # the server is gone
    assert "cod quota" in docs[0].text
    assert add_source(url, corpus).status == "present"


# --------------------------------------------------------------------------- PDFs and files


def test_two_page_pdf_keeps_its_pages(site, tmp_path):
    row = _add(site, "/report.pdf", tmp_path / "c").row
    text = _doc(tmp_path / "c", row["doc_id"]).text
    starts = tuple(int(s) for s in row["pages"].split(";"))
    assert len(starts) == 2
    assert page_of(starts, text.index("from 3 to 5 June 2031")) == 1
    assert page_of(starts, text.index("second count in September 2031")) == 2
    assert text[starts[1] :].startswith("Findings")
    assert (row["published"], row["published_source"]) == ("2031-07-10", "inferred")
    assert _doc(tmp_path / "c", row["doc_id"]).published_inferred


def test_saved_files_of_every_format(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "page.html").write_text(article_page(), encoding="utf-8")
    (folder / "report.pdf").write_bytes(two_page_pdf())
    (folder / "note.txt").write_text("Talks began on 3 May 2030.\r\n", encoding="utf-8")
    (folder / "memo.md").write_text("# Memo\n\nSigned on 4 May 2030.\n", encoding="utf-8")
    corpus = tmp_path / "c"
    for name in ("page.html", "report.pdf", "note.txt", "memo.md"):
        assert add_source(folder / name, corpus).status == "added"
    docs = {d.path.name: d for d in load_documents(corpus)}
    assert len(docs) == 4
    page = next(d for d in docs.values() if d.title == "Council rejects the harbour report")
    assert page.published == dt.date(2031, 4, 2) and "Reader99" not in page.text
    note = next(d for d in docs.values() if d.text.startswith("Talks"))
    assert note.text == "Talks began on 3 May 2030.\n"


def test_unsupported_file_type_is_named(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(SourceError, match=r"a\.docx: unsupported file type '\.docx' \(supported"):
        add_source(tmp_path / "a.docx", tmp_path / "c")


def test_load_documents_reads_pages_and_pdfs_directly(tmp_path):
    (tmp_path / "a.html").write_text(article_page(), encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(two_page_pdf())
    (tmp_path / "c.md").write_text("Signed on 4 May 2030.\n", encoding="utf-8")
    docs = {d.doc_id: d for d in load_documents(tmp_path)}
    assert sorted(docs) == ["a", "b", "c"]
    assert "voted on Tuesday" in docs["a"].text and "cookies" not in docs["a"].text
    assert "Findings" in docs["b"].text


def test_load_documents_refuses_a_scanned_pdf_with_the_reason(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(scanned_pdf())
    with pytest.raises(SourceError, match=r"scan\.pdf: none of its 1 page\(s\) .* OCR is needed"):
        load_documents(tmp_path)


def test_first_manifest_keeps_the_bare_texts_of_the_folder(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "k9.txt").write_text("Old note of 2 May 2030.\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text("New note of 5 May 2030.\n", encoding="utf-8")
    add_source(tmp_path / "new.txt", corpus)
    assert sorted(d.doc_id for d in load_documents(corpus))[0] == "k9"
    assert len(load_documents(corpus)) == 2


def test_existing_manifest_columns_and_rows_are_kept(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a1.txt").write_text("Old note.\n", encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "doc_id,file,outlet,publisher_type,desk\na1,a1.txt,Gazette,news media,city\n",
        encoding="utf-8",
    )
    (tmp_path / "n.txt").write_text("New note of 5 May 2030.\n", encoding="utf-8")
    add_source(tmp_path / "n.txt", corpus)
    rows = _manifest(corpus)
    assert rows[0] | {} == rows[0] and rows[0]["desk"] == "city" and rows[0]["outlet"] == "Gazette"
    assert rows[1]["desk"] == "" and rows[1]["source"] == str((tmp_path / "n.txt").resolve())


# --------------------------------------------------------------------------- publisher type


def test_publisher_type_is_guessed_from_the_domain_table_and_marked(site, tmp_path):
    given = {"url": "https://www.health.gov.example/statements/1"}
    row = _add(site, "/communique", tmp_path / "c", given=given).row
    assert row["publisher_type"] == "government"
    assert row["publisher_type_source"].startswith("guessed from the domain table (gov.*")


def test_publisher_type_is_unknown_when_nothing_says(site, tmp_path):
    row = _add(site, "/communique", tmp_path / "c").row
    assert (row["publisher_type"], row["publisher_type_source"]) == ("unknown", "missing")


def test_a_corpus_table_overrides_the_shipped_one(tmp_path):
    (tmp_path / "publishers.csv").write_text(
        "pattern,publisher_type,outlet,why\nhealth.gov.example,public broadcaster,HB,test\n",
        encoding="utf-8",
    )
    assert guess_publisher("https://health.gov.example/x", tmp_path).publisher_type == (
        "public broadcaster"
    )
    assert guess_publisher("https://health.gov.example/x").publisher_type == "government"
    assert guess_publisher("https://www.go.com/x") is None


def test_missing_publisher_type_at_load_is_guessed_or_unknown(tmp_path):
    (tmp_path / "a.txt").write_text("A note.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B note.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "doc_id,file,url\na,a.txt,https://agency.int/x\nb,b.txt,https://blog.example/y\n",
        encoding="utf-8",
    )
    a, b = load_documents(tmp_path)
    assert a.publisher_type == "intergovernmental"
    assert a.extra["publisher_type_source"].startswith("guessed")
    assert b.publisher_type == "unknown" and "publisher_type_source" not in b.extra


def test_perspective_shows_a_new_publisher_type_as_itself():
    rows = [
        {"publisher_type": "independent media", "outlet": "A"},
        {"publisher_type": "state media", "outlet": "B"},
    ]
    import pandas as pd

    fig = perspective_figure(pd.DataFrame(rows))
    labels = [y for trace in fig.data for y in (trace.y or ())]
    assert "independent media" in labels


# --------------------------------------------------------------------------- quotes


def _row(evidence: str, start: int, **kw) -> dict[str, object]:
    return {
        "event_id": "e1",
        "kind": "event",
        "category": "visit",
        "date_start": "2031-06-03",
        "date_end": "2031-06-05",
        "date_precision": "day",
        "title": "A visit",
        "sources": "d1",
        "reviewed": True,
        "evidence": evidence,
        "evidence_start": start,
        "evidence_end": start + len(evidence),
        **kw,
    }


def test_prefix_and_suffix_pick_the_right_occurrence():
    text = "On 3 June the team left. Later, on 3 June the council met."
    assert anchor_quote(text, "on 3 June", prefix="Later, ", suffix=" the council") == (32, 41)
    assert anchor_quote(text, "On 3 June") == (0, 9)
    assert anchor_quote(text, "on 9 June") is None


def test_reanchor_reports_moved_and_vanished_quotes():
    old = "The minister will visit from 3 to 5 June 2031."
    new = "Update. The minister will visit from 3 to 5 June 2031."
    rows = [_row("from 3 to 5 June 2031", old.index("from")), _row("on 9 June", 0, event_id="e2")]
    fixed, report = reanchor_evidence(events_frame(rows), {"d1": new})
    assert [c.status for c in report] == ["moved", "vanished"]
    assert int(fixed.loc[0, "evidence_start"]) == new.index("from")
    assert fixed.loc[0, "evidence_prefix"] == new[: new.index("from")][-32:]
    assert "vanished" in report[1].to_text()


def test_reanchor_takes_the_new_whitespace_of_a_reflowed_quote():
    rows = [_row("from 3 to 5 June", 4)]
    fixed, report = reanchor_evidence(events_frame(rows), {"d1": "Met from 3 to\n5 June."})
    assert report[0].status == "moved"
    assert fixed.loc[0, "evidence"] == "from 3 to\n5 June"


def test_validate_fix_rewrites_moved_offsets(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = "The council met. The team visited the ports from 3 to 5 June 2031.\n"
    (corpus / "d1.txt").write_text(text, encoding="utf-8")
    events = tmp_path / "events.csv"
    write_events(events_frame([_row("from 3 to 5 June 2031", text.index("from"))]), events)
    assert main(["validate", str(events), "--corpus", str(corpus)]) == 0
    (corpus / "d1.txt").write_text("Revised. " + text, encoding="utf-8")
    assert main(["validate", str(events), "--corpus", str(corpus)]) == 1
    assert "evidence moved in document 'd1' from [44:65] to [53:74]" in capsys.readouterr().err
    assert main(["validate", str(events), "--corpus", str(corpus), "--fix"]) == 0
    fixed = read_events(events)
    assert int(fixed.loc[0, "evidence_start"]) == 53 and bool(fixed.loc[0, "reviewed"])
    assert fixed.loc[0, "evidence_suffix"] == ".\n"


def test_a_table_without_quote_columns_round_trips_byte_for_byte(tmp_path):
    events = tmp_path / "e.csv"
    write_events(events_frame([_row("on 3 June", 0)]), events)
    before = events.read_bytes()
    assert b"evidence_prefix" not in before
    write_events(read_events(events), events)
    assert events.read_bytes() == before


# --------------------------------------------------------------------------- the command


def test_cli_add_reports_each_source_and_fails_only_for_the_bad_ones(site, tmp_path, capsys):
    corpus = tmp_path / "c"
    status = main(
        [
            "add",
            site.url("/communique"),
            site.url("/missing"),
            site.url("/report.pdf"),
            "--corpus",
            str(corpus),
            "--timeout",
            "5",
        ]
    )
    out, err = capsys.readouterr()
    assert status == 1
    assert out.count("added ") == 2
    assert "timeline add: " in err and "HTTP 404" in err
    assert len(load_documents(corpus)) == 2


def test_cli_add_then_extract_without_a_handwritten_manifest(site, tmp_path, capsys):
    corpus = tmp_path / "c"
    assert (
        main(["add", site.url("/briefing"), site.url("/report.pdf"), "--corpus", str(corpus)]) == 0
    )
    out = tmp_path / "events.csv"
    assert main(["extract", str(corpus), "-o", str(out), "--no-progress"]) == 0
    events = read_events(out)
    assert len(events) >= 1
    assert main(["validate", str(out), "--corpus", str(corpus)]) == 0


def test_rederive_rebuilds_texts_from_raw_bytes_offline(tmp_path, capsys):
    corpus = tmp_path / "c"
    with serve(loopback_site()) as site:
        done = _add(site, "/2031/council-harbour", corpus)
    text_file = corpus / done.file
    original = text_file.read_text(encoding="utf-8")
    text_file.write_text("damaged\n", encoding="utf-8")
    assert main(["add", "--rederive", "--corpus", str(corpus)]) == 0
    assert capsys.readouterr().out == f"changed: {done.doc_id} ({done.file})\n"
    assert text_file.read_text(encoding="utf-8") == original


def test_cli_add_needs_a_source_or_rederive(tmp_path):
    with pytest.raises(SystemExit, match="give at least one SOURCE"):
        main(["add", "--corpus", str(tmp_path)])


def test_a_failed_refresh_keeps_what_was_on_record(site, tmp_path):
    corpus = tmp_path / "c"
    done = _add(site, "/communique", corpus)
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    del site.routes["/communique"]
    with pytest.raises(SourceError, match="HTTP 404"):
        _add(site, "/communique", corpus, refresh=True)
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before
    assert "cod quota" in _doc(corpus, done.doc_id).text


def test_the_default_limits_refuse_a_50_mb_response(site, tmp_path):
    with pytest.raises(SourceError, match="larger than the size limit of 20,971,520 bytes"):
        add_source(site.url("/huge"), tmp_path / "c")


def test_a_given_doc_id_must_be_a_slug(site, tmp_path):
    with pytest.raises(SourceError, match=r"doc_id '\.\./escape' is not a slug"):
        _add(site, "/communique", tmp_path / "c", given={"doc_id": "../escape"})


def test_rederive_refuses_a_manifest_path_outside_the_corpus(tmp_path):
    corpus = tmp_path / "c"
    (tmp_path / "n.txt").write_text("Talks began on 3 May 2030.\n", encoding="utf-8")
    add_source(tmp_path / "n.txt", corpus)
    rows = _manifest(corpus)
    rows[0]["file"] = "../outside.txt"
    with open(corpus / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(
        SourceError, match=r"'\.\./outside\.txt' of doc_id .* is outside the corpus"
    ):
        rederive(corpus)
    assert not (tmp_path / "outside.txt").exists()


def test_a_given_doc_id_already_in_the_manifest_is_refused(site, tmp_path):
    corpus = tmp_path / "c"
    _add(site, "/communique", corpus, given={"doc_id": "n1"})
    before = (corpus / "n1.txt").read_bytes()
    with pytest.raises(SourceError, match=r"doc_id 'n1' is already in the manifest"):
        _add(site, "/briefing", corpus, given={"doc_id": "n1"})
    assert (corpus / "n1.txt").read_bytes() == before


def test_a_file_not_in_the_manifest_is_never_overwritten(site, tmp_path):
    corpus = tmp_path / "c"
    _add(site, "/communique", corpus)
    (corpus / "n2.txt").write_text("someone's notes\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"n2\.txt: already exists but is not in the manifest"):
        _add(site, "/briefing", corpus, given={"doc_id": "n2"})
    assert (corpus / "n2.txt").read_text(encoding="utf-8") == "someone's notes\n"


def test_offline_work_on_a_cached_corpus_opens_no_connection(tmp_path, monkeypatch):
    import socket

    corpus = tmp_path / "c"
    with serve(loopback_site()) as site:
        url = site.url("/2031/council-harbour")
        _add(site, "/2031/council-harbour", corpus)

    def refuse(*args, **kwargs):
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert add_source(url, corpus).status == "present"
    assert [a.status for a in rederive(corpus)] == ["unchanged"]
    out = tmp_path / "events.csv"
    assert main(["extract", str(corpus), "-o", str(out), "--no-progress"]) == 0
    assert main(["validate", str(out), "--corpus", str(corpus)]) == 0

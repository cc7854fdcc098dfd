"""The ``timeline`` command: a thin layer over the library functions.

Subcommands: ``build``, ``validate``, ``extract``, ``add``, ``evaluate dates``,
``evaluate events``.
Errors on bad input go to stderr as one readable line and exit with status 1 (2 for usage).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Everything the subcommands need is imported here: ``timeline.cli`` runs after the package's
# ``__init__``, which has imported these modules already, so ``timeline --help`` pays nothing
# for them. (plotly, Dask and the other heavy dependencies stay imported where they are used.)
from timeline import distributed, documents, review, review_session, table
from timeline._io import same_file, table_lock
from timeline.errors import OutputError, SchemaError, TimelineError
from timeline.evaluation.dates import evaluate_dates
from timeline.evaluation.events import evaluate_events
from timeline.events import pipeline
from timeline.sources import Limits, add_quote_context, add_source, reanchor_evidence, rederive
from timeline.views import export, figures, story

DEFAULT_EVENTS = Path("data/events.csv")
FORMATS = ("html", "png", "svg", "timelinejs", "json", "csv")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Dated, sourced events tables from news and statements, and their charts.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in (
        _build_command,
        _validate_command,
        _add_command,
        _extract_command,
        _evaluate_command,
    ):
        command(sub)
    return parser


def _build_command(sub: argparse._SubParsersAction) -> None:
    """``timeline build [EVENTS] [-o OUTPUT]``: the chart or the story."""
    build = sub.add_parser("build", help="build the interactive timeline from an events table")
    build.add_argument("events", nargs="?", type=Path, default=DEFAULT_EVENTS)
    build.add_argument("-o", "--output", type=Path, default=None)
    build.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: from the output suffix, else html)",
    )
    build.add_argument(
        "--story",
        action="store_true",
        help="write the step-through story page instead of the chart",
    )
    build.add_argument("--lane", default="kind", help="column that gives the lanes")
    build.add_argument(
        "--excel-safe",
        action="store_true",
        help="with --format csv: a copy for spreadsheets, formula-like cells prefixed with '",
    )


def _validate_command(sub: argparse._SubParsersAction) -> None:
    """``timeline validate EVENTS [--corpus DIR [--fix]]``."""
    validate = sub.add_parser("validate", help="check an events table against the schema")
    validate.add_argument("events", type=Path)
    validate.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="corpus folder: also check every evidence phrase at its offsets",
    )
    validate.add_argument(
        "--fix",
        action="store_true",
        help="with --corpus: rewrite the offsets of evidence that moved (found again by quote)",
    )


def _add_command(sub: argparse._SubParsersAction) -> None:
    """``timeline add SOURCE... --corpus DIR``."""
    add = sub.add_parser(
        "add", help="add URLs, saved pages (.html), PDFs or text files to a corpus folder"
    )
    add.add_argument("sources", nargs="*", metavar="SOURCE", help="URL or file")
    add.add_argument("--corpus", type=Path, required=True, help="corpus folder")
    add.add_argument("--refresh", action="store_true", help="fetch sources already added again")
    add.add_argument(
        "--rederive",
        action="store_true",
        help="derive every text again from the raw bytes in the corpus (offline)",
    )
    for name in ("title", "outlet", "publisher-type", "published", "language", "url", "doc-id"):
        add.add_argument(f"--{name}", default=None, help=f"state the {name} (wins over extraction)")
    add.add_argument("--timeout", type=float, default=20.0, help="seconds per network step")
    add.add_argument("--max-bytes", type=_positive_int, default=20 * 1024 * 1024)
    add.add_argument("--max-redirects", type=int, default=5)


def _extract_command(sub: argparse._SubParsersAction) -> None:
    """``timeline extract CORPUS -o OUTPUT``, on this machine or on Dask."""
    extract = sub.add_parser("extract", help="extract candidate events from a corpus folder")
    extract.add_argument(
        "corpus", help="a corpus folder, a glob of .txt files, or either as an fsspec URL"
    )
    extract.add_argument("-o", "--output", type=Path, required=True)
    extract.add_argument(
        "--merge",
        action="store_true",
        help="keep the reviewed rows of OUTPUT and add only new candidates",
    )
    extract.add_argument("--jobs", type=_positive_int, default=1, help="worker processes")
    extract.add_argument(
        "--dask",
        nargs="?",
        const="local",
        default=None,
        metavar="ADDRESS",
        help="extract on a Dask cluster: its scheduler address (tcp://HOST:PORT), "
        "or without one a LocalCluster on this machine (--jobs workers)",
    )
    extract.add_argument(
        "--format",
        choices=("csv", "parquet"),
        default=None,
        help="output format (default: parquet for a .parquet output, else csv)",
    )
    extract.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    extract.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        help="drop candidates below this confidence (0-1)",
    )


def _evaluate_command(sub: argparse._SubParsersAction) -> None:
    """``timeline evaluate dates FOLDER`` and ``timeline evaluate events PRED GOLD``."""
    evaluate = sub.add_parser("evaluate", help="score the date finder or an events table")
    what = evaluate.add_subparsers(dest="what", required=True)
    ev_dates = what.add_parser("dates", help="score find_dates on a folder of TimeML files")
    ev_dates.add_argument("folder", type=Path)
    ev_dates.add_argument("--anchor", choices=("news", "narrative"), default="news")
    ev_dates.add_argument(
        "--no-baseline", action="store_true", help="skip scoring dateparser.search_dates beside it"
    )
    ev_events = what.add_parser("events", help="score an events table against a gold table")
    ev_events.add_argument("pred", type=Path)
    ev_events.add_argument("gold", type=Path)


def _format_for(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.output is not None:
        suffix = args.output.suffix.lower().lstrip(".")
        if suffix in ("png", "svg"):
            return suffix
        if suffix == "json":
            return "timelinejs"
        if suffix == "csv":
            return "csv"
    return "html"


def _build(args: argparse.Namespace) -> int:

    events = table.read_events(args.events)
    table.validate_events(events)
    fmt = _format_for(args)
    default_name = {
        "html": "timeline.html",
        "png": "timeline.png",
        "svg": "timeline.svg",
        "timelinejs": "timeline.json",
        "json": "events.json",
        "csv": "events-spreadsheet.csv",
    }[fmt]
    if args.story:
        default_name = "story.html"
    output = args.output or Path("build") / default_name
    if same_file(args.events, output):
        raise OutputError(
            f"{output} is the events table being read ({args.events}); "
            "refusing to overwrite it, choose another output with -o"
        )
    if args.excel_safe and (fmt != "csv" or args.story):
        raise SystemExit("timeline build: --excel-safe goes with --format csv (or a .csv output)")
    if fmt == "csv":
        table.write_events(events, output, excel_safe=args.excel_safe)
    elif args.story:
        if fmt != "html":
            raise SystemExit("timeline build: --story writes HTML only")
        story.write_story(events, output)
    elif fmt == "timelinejs":
        export.write_timelinejs(events, output)
    elif fmt == "json":
        export.write_json(events, output)
    else:
        fig = figures.timeline_figure(events, lane=args.lane)
        if fmt == "html":
            export.write_html(fig, output, events=events)
        else:
            export.write_image(fig, output, format=fmt)
    print(output.resolve())
    return 0


def _validate(args: argparse.Namespace) -> int:

    try:
        events = table.read_events(args.events)
        corpus = args.corpus
        if corpus is not None:
            corpus = _reanchor(args, events)
            events = table.read_events(args.events)
        elif args.fix:
            raise SystemExit("timeline validate: --fix needs --corpus FOLDER")
        table.validate_events(events, corpus=corpus)
    except SchemaError as exc:
        for problem in exc.problems:
            print(f"{args.events}: {problem}", file=sys.stderr)
        return 1
    print(f"{args.events}: {len(events)} rows, valid")
    return 0


def _reanchor(args: argparse.Namespace, events: object) -> object:
    """Report evidence that moved or vanished; with --fix, rewrite moved offsets."""

    docs = documents.load_documents(args.corpus)
    fixed, report = reanchor_evidence(events, docs)
    moved = [c for c in report if c.status == "moved"]
    for check in report:
        if check.status == "moved" and args.fix:
            print(f"{args.events}: {check.to_text()} (fixed)")
        elif check.status != "ok":
            print(f"{args.events}: {check.to_text()}", file=sys.stderr)
    if args.fix and moved:
        table.write_events(fixed, args.events)
        print(f"{args.events}: rewrote the offsets of {len(moved)} row(s) whose evidence moved")
    elif moved:
        print(
            f"{args.events}: {len(moved)} row(s) moved; rerun with --fix to rewrite their offsets"
        )
    return docs


def _add(args: argparse.Namespace) -> int:

    if args.rederive:
        if args.sources:
            raise SystemExit("timeline add: --rederive works on the whole corpus; give no SOURCE")
        for done in rederive(args.corpus):
            print(f"{done.status}: {done.doc_id} ({done.file})")
        return 0
    if not args.sources:
        raise SystemExit("timeline add: give at least one SOURCE (URL or file), or --rederive")
    if args.doc_id and len(args.sources) > 1:
        raise SystemExit("timeline add: --doc-id names one source; give one SOURCE with it")
    given = {
        name: getattr(args, name)
        for name in ("title", "outlet", "publisher_type", "published", "language", "url", "doc_id")
        if getattr(args, name)
    }
    limits = Limits(args.timeout, args.max_bytes, args.max_redirects)
    failed = 0
    for source in args.sources:
        try:
            done = add_source(source, args.corpus, refresh=args.refresh, limits=limits, given=given)
        except TimelineError as exc:
            print(f"timeline add: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(done.to_text())
    return 1 if failed else 0


def _extract(args: argparse.Namespace) -> int:

    progress = not args.no_progress
    if args.dask is None:
        docs = distributed.read_corpus(args.corpus)
        candidates = pipeline.extract_events(
            docs,
            jobs=args.jobs,
            progress=progress,
            min_confidence=args.min_confidence,
        )
        origin = f"{len(docs)} documents"
    else:
        docs, per_doc = distributed.map_corpus(
            pipeline.document_candidates,
            args.corpus,
            scheduler=args.dask,
            jobs=args.jobs,
            progress=progress,
        )
        candidates = pipeline.candidates_table(docs, per_doc, min_confidence=args.min_confidence)
        origin = f"{len(docs)} documents on Dask ({args.dask})"
    candidates = add_quote_context(candidates, docs)
    with table_lock(args.output):  # no other run may write between our read and our write
        if args.merge:  # candidates a person rejected in a review are not proposed again
            candidates = review_session.drop_rejected(candidates, args.output)
        if args.merge and args.output.exists():
            print(_merge_into(args, candidates, docs))
            return 0
        if args.output.exists():
            existing = table.read_events(args.output)
            if existing["reviewed"].any():
                raise SystemExit(
                    f"timeline extract: {args.output} holds reviewed rows; "
                    "use --merge to keep them, or choose another output"
                )
        table.write_events(candidates, args.output, format=args.format)
    print(f"{args.output}: wrote {len(candidates)} candidate rows from {origin}")
    return 0


def _merge_into(args: argparse.Namespace, candidates, docs) -> str:
    """Merge candidates into the table at ``args.output``; the report's text."""

    existing = table.read_events(args.output)
    merged, report = review.merge_events(existing, candidates, documents=docs)
    try:
        table.write_events(merged, args.output, format=args.format)
    except SchemaError as exc:
        raise SchemaError(
            f"merging {args.corpus} into {args.output} would break the table, so nothing was "
            f"written: {'; '.join(exc.problems[:3])}. Write the candidates to another file "
            "(-o other.csv, without --merge) and move the rows you want by hand",
            exc.problems,
        ) from None
    return report.to_text()


def _evaluate(args: argparse.Namespace) -> int:
    if args.what == "dates":
        result = evaluate_dates(args.folder, anchor=args.anchor, baseline=not args.no_baseline)
    else:
        result = evaluate_events(args.pred, args.gold)
    print(result.to_text())
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the ``timeline`` command; return its exit status."""
    args = _parser().parse_args(argv)
    handler = {
        "build": _build,
        "validate": _validate,
        "extract": _extract,
        "add": _add,
        "evaluate": _evaluate,
    }[args.command]
    try:
        return handler(args)
    except TimelineError as exc:
        print(f"timeline {args.command}: {exc}", file=sys.stderr)
        return 1
    except FileNotFoundError as exc:
        name = exc.filename if exc.filename is not None else exc
        print(f"timeline {args.command}: {name}: file not found", file=sys.stderr)
        return 1
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
        print(f"timeline {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

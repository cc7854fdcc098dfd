"""The package's public surface and its two dependency lists."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib

import timeline

# conda-forge names that differ from the PyPI names in pyproject.toml
_CONDA_NAMES = {"python-kaleido": "kaleido"}


def _requirement(spec: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", spec)
    assert match, f"cannot parse requirement {spec!r}"
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def _pyproject(root) -> dict[str, str]:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"]) + list(project["optional-dependencies"]["dev"])
    return dict(_requirement(s) for s in specs)


def _environment(root) -> tuple[dict[str, str], list[str]]:
    conda: dict[str, str] = {}
    pip: list[str] = []
    in_pip = False
    text = (root / "environment.yml").read_text(encoding="utf-8")
    for raw in text.split("\ndependencies:\n", 1)[1].splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip().startswith("- "):
            in_pip = in_pip and bool(line.strip())
            continue
        item = line.strip()[2:].strip()
        if item == "pip:":
            in_pip = True
            continue
        if in_pip and raw.startswith("      "):
            pip.append(item)
            continue
        name, version = _requirement(item)
        conda[_CONDA_NAMES.get(name, name)] = version
    return conda, pip


def test_environment_lists_the_same_dependencies_as_pyproject(root):
    conda, pip = _environment(root)
    conda.pop("python")
    conda.pop("pip")
    assert pip[-1] == "-e ."
    pip_only = dict(_requirement(item) for item in pip[:-1])  # packages conda-forge lacks
    assert not set(pip_only) & set(conda)
    assert {**conda, **pip_only} == _pyproject(root)


def test_environment_requires_the_same_python_as_pyproject(root):
    conda, _ = _environment(root)
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert conda["python"] == project["requires-python"]


def test_all_is_pinned():
    assert sorted(timeline.__all__) == [
        "COLUMNS",
        "ClusterError",
        "DateMention",
        "Document",
        "DocumentError",
        "ExportError",
        "MergeReport",
        "OutputError",
        "ReviewError",
        "ReviewSession",
        "SchemaError",
        "SourceError",
        "TimelineError",
        "add_source",
        "datapackage",
        "drop_rejected",
        "evaluate_dates",
        "evaluate_events",
        "events_frame",
        "explorer",
        "extract_events",
        "filter_events",
        "find_dates",
        "highlight_document",
        "infer_reference",
        "lag_figure",
        "load_documents",
        "merge_events",
        "perspective_figure",
        "read_corpus",
        "read_events",
        "read_sources",
        "reanchor_evidence",
        "review_candidates",
        "sort_events",
        "story_html",
        "timeline_figure",
        "to_timelinejs",
        "validate_events",
        "write_events",
        "write_html",
        "write_image",
        "write_json",
        "write_story",
        "write_timelinejs",
    ]


# Where each public name lives (the module a user may also import it from).
_HOMES = {
    "timeline.documents": ["Document", "load_documents"],
    "timeline.distributed": ["read_corpus"],
    "timeline.sources": ["add_source", "reanchor_evidence"],
    "timeline.dates": ["DateMention", "find_dates", "infer_reference"],
    "timeline.events": ["extract_events"],
    "timeline.table": [
        "COLUMNS",
        "datapackage",
        "events_frame",
        "filter_events",
        "read_events",
        "read_sources",
        "sort_events",
        "validate_events",
        "write_events",
    ],
    "timeline.views.figures": ["timeline_figure"],
    "timeline.views.lag": ["lag_figure"],
    "timeline.views.perspective": ["perspective_figure"],
    "timeline.views.export": ["write_html", "write_image"],
    "timeline.views.formats": ["to_timelinejs", "write_json", "write_timelinejs"],
    "timeline.views.story": ["story_html", "write_story"],
    "timeline.views.highlight": ["highlight_document"],
    "timeline.views.widgets": ["explorer"],
    "timeline.review": ["MergeReport", "merge_events"],
    "timeline.review_session": ["ReviewSession", "drop_rejected"],
    "timeline.review_widget": ["review_candidates"],
    "timeline.evaluation": ["evaluate_dates", "evaluate_events"],
    "timeline.errors": [
        "ClusterError",
        "DocumentError",
        "ExportError",
        "OutputError",
        "ReviewError",
        "SchemaError",
        "SourceError",
        "TimelineError",
    ],
}


def test_every_public_name_is_importable():
    import importlib
    import inspect

    homes = {name: module for module, names in _HOMES.items() for name in names}
    assert sorted(homes) == sorted(timeline.__all__)
    for name in timeline.__all__:
        value = getattr(timeline, name)
        assert value is getattr(importlib.import_module(homes[name]), name), name
        if name == "COLUMNS":
            assert value and all(isinstance(column, str) for column in value)
            continue
        assert inspect.isclass(value) or inspect.isfunction(value), name
        assert value.__module__.startswith(homes[name]), (name, value.__module__)
        assert (value.__doc__ or "").strip(), f"{name} has no docstring of its own"
        if name.endswith("Error"):
            assert issubclass(value, timeline.TimelineError), name


def test_errors_are_value_errors():
    for name in _HOMES["timeline.errors"]:
        assert issubclass(getattr(timeline, name), ValueError)


def test_import_does_not_load_plotly_or_pandas_plotting():
    code = "import sys, timeline; print('plotly' in sys.modules, 'dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_readme_library_example_runs(root, corpus_dir, tmp_path, monkeypatch):
    readme = (root / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S)
    assert block, "README.md has no python example"
    code = block.group(1).replace('"data/events.csv"', repr(str(root / "data" / "events.csv")))
    code = code.replace('"../shared/corpus"', repr(str(corpus_dir)))
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "build" / "timeline.html").is_file()


def test_the_old_module_paths_of_the_views_name_the_moved_modules():
    import importlib

    for name in ("export", "figures", "highlight", "story", "widgets"):
        old = importlib.import_module(f"timeline.{name}")
        assert old is importlib.import_module(f"timeline.views.{name}"), name
    from timeline.figures import timeline_figure

    assert timeline_figure is timeline.timeline_figure


def _module_imports(root) -> dict[str, set[str]]:
    """Module -> the package's modules it imports at module level (from the source)."""
    package = root / "src" / "timeline"
    modules = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("timeline"):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    targets.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                targets |= {a.name for a in node.names if a.name.startswith("timeline")}
        graph[name] = (targets & set(modules)) - {name}
    return graph


def test_no_module_imports_itself_through_others(root):
    graph = _module_imports(root)
    assert len(graph) > 40  # the whole package was read
    for start in graph:
        seen, todo = set(), list(graph[start])
        while todo:
            name = todo.pop()
            assert name != start, f"{start} imports itself through {sorted(seen)}"
            if name not in seen:
                seen.add(name)
                todo.extend(graph[name])


def test_the_schema_imports_nothing_from_the_package_and_documents_no_table(root):
    graph = _module_imports(root)
    assert graph["timeline.schema"] == set()
    assert "timeline.schema" in graph["timeline.documents"]
    assert "timeline.documents" in graph["timeline.table.validate"]
    assert not any(name.startswith("timeline.table") for name in graph["timeline.documents"])


# A module is read in one sitting and a function fits on a screen (STYLE.md, "The shape of the
# package"): the limits below are checked on every module of the package.
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80  # code lines: no docstring, blank line or comment counted


def _code_lines(lines: list[str], node) -> int:
    """The lines of a function that hold code: its docstring, blank lines and comments not."""
    skip: set[int] = set()
    first = node.body[0]
    docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    if docstring and isinstance(first.value.value, str):
        skip = set(range(first.lineno, first.end_lineno + 1))
    return sum(
        1
        for number in range(node.lineno, node.end_lineno + 1)
        if number not in skip and lines[number - 1].strip()[:1] not in ("", "#")
    )


def _package_sizes(root) -> tuple[dict[str, int], list[tuple[str, str, int]]]:
    """Lines per module, and (module, name, code lines) per function (nested ones too)."""
    modules: dict[str, int] = {}
    functions: list[tuple[str, str, int]] = []
    for path in sorted((root / "src" / "timeline").rglob("*.py")):
        name = path.relative_to(root / "src").as_posix()
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        modules[name] = len(lines)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                functions.append((name, node.name, _code_lines(lines, node)))
    return modules, functions


def test_no_module_is_longer_than_a_sitting(root):
    modules, _ = _package_sizes(root)
    assert len(modules) > 40  # the whole package was read
    long = {name: n for name, n in modules.items() if n > MAX_MODULE_LINES}
    assert not long, f"modules over {MAX_MODULE_LINES} lines (split them by idea): {long}"


def test_no_function_is_longer_than_a_screen(root):
    _, functions = _package_sizes(root)
    long = [(module, name, n) for module, name, n in functions if n > MAX_FUNCTION_LINES]
    assert not long, f"functions over {MAX_FUNCTION_LINES} code lines (split them): {long}"

"""Tests for timeline.lang: languages as data, loaded by code, used by find_dates."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from timeline import find_dates
from timeline.lang import (
    DateLanguage,
    Scanner,
    date_language,
    register_language,
    unregister_language,
)

ENGINE = Path(__file__).resolve().parents[1] / "src" / "timeline" / "dates"

# A small second language, written only as data: three Chinese date forms. "上周五" is the
# Friday of the week before the reference's week (not merely the last Friday).
_ZH_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
CHINESE = DateLanguage(
    code="zh",
    scanners=(
        Scanner(
            "explicit",
            r"(?P<part>)(?P<date>\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日)",
            ("DATE",),
        ),
        Scanner(
            "weekday", r"(?P<rel>上|下|这|本)?(?:周|星期)(?P<wd>[一二三四五六日天])", ("WEEK",)
        ),
    ),
    explicit_forms=(
        ("ymd", r"{y}\d{4})年{m}\d{1,2})月{d}\d{1,2})日"),
        ("md", r"{m}\d{1,2})月{d}\d{1,2})日"),
    ),
    words={
        "weekday": _ZH_NUMBERS,
        "weekday_relation": {"上": "week-1", "下": "week+1", "这": "this", "本": "this"},
    },
    triggers={"DATE": "月", "WEEK": "周 星期"},
    trigger_token=r"月|周|星期",
    word_boundaries=False,
    cased=False,
    numeric_triggers=False,
)


@pytest.fixture
def chinese():
    register_language(CHINESE)
    yield CHINESE
    unregister_language("zh")


def _found(text: str, reference: dt.date, language: str | DateLanguage):
    return [(m.text, m.value, m.start) for m in find_dates(text, reference, language=language)]


def test_a_registered_language_finds_its_dates_without_engine_changes(chinese) -> None:
    text = "外交部2019年7月10日表示，7月10日的会谈取消；上周五已发表声明。"
    saturday = dt.date(2019, 7, 13)
    assert _found(text, saturday, "zh") == [
        ("2019年7月10日", "2019-07-10", 3),
        ("7月10日", "2019-07-10", text.index("7月10日的")),
        ("上周五", "2019-07-05", text.index("上周五")),
    ]


def test_a_language_record_can_be_passed_directly(chinese) -> None:
    monday = dt.date(2019, 7, 15)
    assert _found("下周五见", monday, CHINESE) == [("下周五", "2019-07-26", 0)]


def test_registration_is_undone(chinese) -> None:
    unregister_language("zh")
    assert date_language("zh") is not CHINESE
    register_language(CHINESE)


def test_a_language_without_a_module_gets_month_and_weekday_names_from_dateparser() -> None:
    ref = dt.date(2019, 7, 11)
    text = "Le sommet a eu lieu le 10 juillet 2019, puis lundi."
    assert _found(text, ref, "fr") == [
        ("10 juillet 2019", "2019-07-10", text.index("10 juillet")),
        ("lundi", "2019-07-08", text.index("lundi")),
    ]
    german = "Am 3. März unterzeichnet."
    assert _found(german, ref, "de") == [("3. März", "2019-03-03", 3)]


def test_unknown_language_code_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="'xx-nowhere' is not supported"):
        date_language("xx-nowhere")


def test_english_is_loaded_from_its_module() -> None:
    en = date_language("en")
    assert en.code == "en" and en.word("month", "sept") == 9 and en.word("weekday", "thu") == 4


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return {
        node.value.lower()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    }


def test_the_date_engine_spells_no_english_word() -> None:
    """Month, weekday, season, number, holiday and relative words live in lang/en only."""
    en = date_language("en")
    roles = ("month", "weekday", "season", "number", "ordinal", "relative_word", "holiday")
    roles += ("recurrence", "approx", "clock_word", "count_noun", "decade_word", "century_word")
    english = {w for role in roles for w in en.table(role) if len(w) > 2}
    english -= set(en.table("unit").values())  # units ("second", "day") are TimeML's names
    files = sorted(ENGINE.rglob("*.py"))
    assert len(files) >= 8
    spelled = {(f.name, s) for f in files for s in _string_constants(f) if s in english}
    assert spelled == set()


def test_no_language_data_name_is_defined_twice():
    # the event words read a name from the language's events module, else its idioms module:
    # a name assigned twice (in one module, or in both) silently overrides the first meaning
    import timeline.lang.en as en

    seen: dict[str, str] = {}
    twice = []
    for path in sorted(Path(en.__file__).parent.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = (
                node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            )
            for target in targets:
                if isinstance(target, ast.Name) and target.id.isupper():
                    if target.id in seen:
                        twice.append((target.id, seen[target.id], path.name))
                    seen[target.id] = path.name
    assert not twice, twice

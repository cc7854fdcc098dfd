"""Could the extractor's hand-set choices be learned from gold tables instead?

Two choices are put to the test, each by leave-one-set-out (train a logistic model on every
gold set but one, score the one left out, repeat):

- **links**: which earlier row a reaction answers. For every reaction matched to a gold row,
  the candidates are the rows ``timeline.events.linking`` scores for it (after its hard
  filters); the features are the signals its hand score adds up (how the reaction names the
  target, same document, shared names, parties, gap in days, classes, the target's
  confidence). Compared: the hand score's choice; a learned ranker (link only when the hand
  score reaches its threshold); a hybrid (the learned ranker only among candidates within one
  point of the hand score's best).
- **confidence**: how likely a row is to match a gold row. Compared by the area under the
  ROC curve (the chance a right row ranks above an invented one): the hand score of
  ``timeline.events.confidence`` against a logistic model on the row's features.

Usage: ``python benchmarks/learned_choices.py [FOLDER ...]`` from the project root. The sets
are ../shared's three corpora and tests/data/events_unseen, plus any FOLDER holding
documents and a ``gold_events.csv``. The hook into the linker wraps its private scoring
function: this script measures, it is not part of the library.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from timeline import evaluate_events, load_documents  # noqa: E402
from timeline.events import linking  # noqa: E402
from timeline.events import rows as rowsmod  # noqa: E402
from timeline.events.actors import named  # noqa: E402
from timeline.events.merging import family, verbal  # noqa: E402
from timeline.events.pipeline import candidates_table, map_documents  # noqa: E402

SHARED = ROOT.parent / "shared"
_LOG: list[tuple[int, int, int, dict[str, float]]] = []
_CAUGHT: dict[str, object] = {}


def _pair_features(row, target, naming, story, mine, theirs, classes, hand) -> dict[str, float]:
    same_doc = row.doc_id in target.docs or target.doc_id in row.docs
    gap = (linking._day(row) - (target.when.end or target.when.start)).days
    f = {
        "hand": hand,
        "names_in_objects": naming == 4,
        "names_in_sentence": naming == 3,
        "names_in_document": naming == 2,
        "same_document": same_doc,
        "one_shared_name": story >= 1,
        "three_shared_names": story >= 3,
        "target_told_by_three": len(target.docs) >= 3,
        "target_salient": target.code in classes.salient,
        "in_kind": row.code in classes.in_kind and target.code in classes.in_kind,
        "parties_differ": bool(mine and theirs and not mine & theirs),
        "parties_same": bool(mine and theirs and mine & theirs),
        "same_day": gap == 0,
        "gap_1_3": 1 <= gap <= 3,
        "gap_4_10": 4 <= gap <= 10,
        "gap_11_60": 11 <= gap <= 60,
        "gap_61_365": 61 <= gap <= 365,
        "gap_over_365": gap > 365,
        "target_words": verbal(target.code),
        "row_words": verbal(row.code),
        "target_confidence": target.confidence,
        "target_unclassed": target.code == "000",
        "target_news_day": target.news_day,
        "target_noun": target.nominal,
        "target_day": target.when.precision == "day",
        "same_family": target.code != "000" and family(row.code) == family(target.code),
        "target_reactive": target.code in classes.reactive,
    }
    return {k: float(v) for k, v in f.items()}


def _row_features(c, words, answered: bool) -> dict[str, float]:
    f = {
        "classed": c.code != "000",
        "words": verbal(c.code),
        "salient": c.code in words.SALIENT,
        "named_actor": bool(c.actor and named(c.actor) and not c.actor_implied),
        "no_actor": not c.actor,
        "implied_actor": c.actor_implied,
        "day": c.when.precision == "day",
        "approximate": c.when.precision == "approximate",
        "before": c.when.precision == "before",
        "month_or_year": c.when.precision in ("month", "year"),
        "planned": c.planned,
        "speech": c.speech,
        "news_day": c.news_day,
        "document_act": c.document_act,
        "noun": c.nominal,
        "two_documents": len(c.docs) >= 2,
        "three_documents": len(c.docs) >= 3,
        "digit_in_date": any(ch.isdigit() for ch in c.when.text or ""),
        "answers": c.target is not None,
        "answered": answered,
    }
    return {k: float(v) for k, v in f.items()}


def _install_hooks() -> None:
    score, link = linking._score, linking.link

    def scored(row, target, naming, story, mine, theirs, classes):
        value = score(row, target, naming, story, mine, theirs, classes)
        feats = _pair_features(row, target, naming, story, mine, theirs, classes, value)
        _LOG.append((id(row), id(target), naming, feats))
        return value

    def linked(rows, words, published=None):
        _CAUGHT["rows"], _CAUGHT["words"] = rows, words
        return link(rows, words, published)

    linking._score, linking.link = scored, linked


def _collect(folder: Path, gold: Path):
    """(link instances, row instances) of one gold set."""
    import pandas as pd

    table = pd.read_csv(gold, dtype=str, keep_default_na=False)
    table = table.set_index("key" if "key" in table.columns else "event_id")
    _LOG.clear()
    docs = list(load_documents(folder))
    pred = candidates_table(docs, map_documents(docs))
    rows, words = _CAUGHT["rows"], _CAUGHT["words"]
    ids = rowsmod.event_ids(rows)
    result = evaluate_events(pred, gold)
    to_gold: dict[str, set[str]] = {}
    to_pred: dict[str, set[str]] = {}
    for g, p in result.matches:
        to_gold.setdefault(p, set()).add(g)
        to_pred.setdefault(g, set()).add(p)
    index = {id(r): k for k, r in enumerate(rows)}
    at = {e: k for k, e in enumerate(ids)}
    options: dict[int, dict[int, dict[str, float]]] = {}
    for a, b, level, feats in _LOG:
        i, k = index[a], index[b]
        row, target = rows[i], rows[k]
        reactive = row.code in words.REACTIVE
        if linking.barred(row, target, level, not reactive, words):
            continue  # the linker's own filters
        options.setdefault(i, {})[k] = {**feats, "row_reactive": float(reactive)}
    links = []
    for i, found in options.items():
        if ids[i] not in to_gold:
            continue
        want: set[int] = set()
        for g in to_gold[ids[i]]:
            cause = table.loc[g].get("responds_to", "")
            want |= {at[p] for p in to_pred.get(cause, ())} if cause else set()
        has_cause = any(table.loc[g].get("responds_to", "") for g in to_gold[ids[i]])
        links.append((found, want & found.keys(), has_cause))
    answered = {r.target for r in rows if r.target is not None}
    matched = {p for _g, p in result.matches}
    row_items = [
        (_row_features(c, words, k in answered), c.confidence, ids[k] in matched)
        for k, c in enumerate(rows)
    ]
    return links, row_items


def _fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000) -> np.ndarray:
    """Logistic regression by gradient descent (the last column of x is the bias)."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= 0.5 * (x.T @ (p - y) + l2 * np.r_[w[:-1], 0]) / len(y)
    return w


def _fit_ranker(items, names, l2: float = 0.3, steps: int = 2000) -> np.ndarray:
    """A conditional logit: the gold cause against the other candidates of one reaction."""
    w = np.zeros(len(names))
    data = []
    for found, want, _has in items:
        keys = list(found)
        if want:
            x = np.array([[found[k][n] for n in names] for k in keys])
            data.append((x, [j for j, k in enumerate(keys) if k in want]))
    for _ in range(steps):
        grad = l2 * w
        for x, good in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = np.zeros(len(p))
            q[good] = p[good] / p[good].sum()
            grad += x.T @ (p - q)
        w -= 0.5 * grad / max(1, len(data))
    return w


def _link_choices(items, w, names):
    """Right links of the hand score, the learned ranker and the hybrid, and reactions."""
    right = np.zeros(3, int)
    total = 0
    for found, want, has in items:
        keys = list(found)
        hand = np.array([found[k]["hand"] for k in keys])
        need = linking.THRESHOLD if found[keys[0]]["row_reactive"] else linking.THRESHOLD_OTHER
        learned = np.array([[found[k][n] for n in names] for k in keys]) @ w
        if not has:
            continue
        total += 1
        if hand.max() < need:
            continue
        near = [j for j in range(len(keys)) if hand[j] >= hand.max() - 1]
        picks = (int(np.argmax(hand)), int(np.argmax(learned)), max(near, key=learned.__getitem__))
        right += [keys[j] in want for j in picks]
    return right, total


def _auc(score: np.ndarray, y: np.ndarray) -> float:
    pos, neg = score[y == 1], score[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    return float(np.mean([(p > n) + 0.5 * (p == n) for p in pos for n in neg]))


def main(extra: list[str]) -> None:
    _install_hooks()
    sets = {
        "corpus": (SHARED / "corpus", SHARED / "gold" / "events.csv"),
        "corpus-dev": (SHARED / "corpus-dev", SHARED / "corpus-dev" / "gold_events.csv"),
        "corpus-dev2": (SHARED / "corpus-dev2", SHARED / "corpus-dev2" / "gold_events.csv"),
        "events_unseen": (
            ROOT / "tests/data/events_unseen",
            ROOT / "tests/data/events_unseen/gold_events.csv",
        ),
    }
    for folder in extra:
        sets[Path(folder).name] = (Path(folder), Path(folder) / "gold_events.csv")
    sets = {k: v for k, v in sets.items() if v[1].is_file()}
    data = {name: _collect(*paths) for name, paths in sets.items()}
    pair_names = sorted(
        {n for links, _ in data.values() for f, _, _ in links for o in f.values() for n in o}
        - {"hand"}
    )
    row_names = sorted({n for _, items in data.values() for f, _, _ in items for n in f})
    print("links right (leave one set out): hand | learned ranker | hybrid")
    totals = np.zeros(3, int)
    reactions = 0
    for name in sets:
        train = [x for other in sets if other != name for x in data[other][0]]
        w = _fit_ranker(train, pair_names)
        right, total = _link_choices(data[name][0], w, pair_names)
        totals += right
        reactions += total
        print(f"  {name:16s} {right[0]:3d} | {right[1]:3d} | {right[2]:3d}   of {total}")
    print(f"  {'all':16s} {totals[0]:3d} | {totals[1]:3d} | {totals[2]:3d}   of {reactions}")
    print("row confidence, area under the ROC curve (leave one set out): hand | learned")
    pooled_hand, pooled_learned, pooled_y = [], [], []
    for name in sets:
        train = [x for other in sets if other != name for x in data[other][1]]
        x = np.array([[f[n] for n in row_names] + [1.0] for f, _, _ in train])
        y = np.array([ok for _, _, ok in train], float)
        w = _fit(x, y)
        test = data[name][1]
        xt = np.array([[f[n] for n in row_names] + [1.0] for f, _, _ in test])
        yt = np.array([ok for _, _, ok in test], float)
        hand = np.array([h for _, h, _ in test])
        learned = 1 / (1 + np.exp(-(xt @ w)))
        pooled_hand += list(hand)
        pooled_learned += list(learned)
        pooled_y += list(yt)
        print(f"  {name:16s} {_auc(hand, yt):.2f} | {_auc(learned, yt):.2f}   ({len(yt)} rows)")
    y = np.array(pooled_y)
    print(
        f"  {'pooled':16s} {_auc(np.array(pooled_hand), y):.2f} | "
        f"{_auc(np.array(pooled_learned), y):.2f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])

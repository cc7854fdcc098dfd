"""One-to-one matching of gold events to predicted rows, optimal rather than greedy.

A greedy matching (best pairs first) can leave a gold event unmatched that another order
would have found, or pair it with a row naming another actor while the row that names the
right one goes to a neighbour. ``assign`` finds, among all one-to-one matchings, one with the
most pairs, and among those the best by each pair's criteria in order (their sum, criterion
by criterion). The pairs fall apart into groups that share no row (events of other
documents never compete); each group is solved by the Hungarian method, cubic in its size
(a group of more than ``LARGEST`` rows greedily, best pairs first).
"""

from __future__ import annotations

from collections import defaultdict


def assign(pairs: dict[tuple[int, int], tuple[int, ...]]) -> dict[int, int]:
    """The best one-to-one matching of ``pairs``: ``{gold index: predicted index}``.

    ``pairs`` maps each agreeing (gold, predicted) pair to its criteria, most important
    first (booleans or small non-negative integers, the larger the better). Among equally
    good matchings the lower indices are preferred where that tells them apart; otherwise
    the choice is the method's, the same on every run.

    >>> assign({(0, 0): (1,), (0, 1): (0,), (1, 0): (0,)})
    {0: 1, 1: 0}
    >>> assign({(0, 0): (1,), (0, 1): (0,)})
    {0: 0}
    """
    out: dict[int, int] = {}
    for group in _groups(pairs):
        out.update(_solve(group, pairs))
    return dict(sorted(out.items()))


def _groups(pairs: dict[tuple[int, int], tuple[int, ...]]) -> list[list[tuple[int, int]]]:
    """The pairs split into connected groups (a gold and a predicted row share a group when
    they are paired, directly or through other pairs)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for gi, pi in pairs:
        a, b = find(("g", gi)), find(("p", pi))
        if a != b:
            parent[a] = b
    groups: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for gi, pi in sorted(pairs):
        groups[find(("g", gi))].append((gi, pi))
    return list(groups.values())


def _solve(
    group: list[tuple[int, int]], pairs: dict[tuple[int, int], tuple[int, ...]]
) -> dict[int, int]:
    """The best matching of one connected group, by the Hungarian method on weights that
    rank a matching by its size first, then by each criterion's sum in order."""
    golds = sorted({gi for gi, _ in group})
    preds = sorted({pi for _, pi in group})
    n = max(len(golds), len(preds))
    if n > LARGEST:
        return _greedy(group, pairs)
    # each level outweighs everything below it summed over any matching of the group
    width = len(next(iter(pairs.values())))
    top = [max(pairs[p][k] for p in group) for k in range(width)]
    scale = []
    total = 1
    for k in reversed(range(width)):
        scale.append(total)
        total *= (top[k] + 1) * (n + 1)
    scale.reverse()
    order = 1 + n * n  # below every criterion: prefer the lower indices
    size_weight = total * order
    weight = [[0] * n for _ in range(n)]
    for gi, pi in group:
        r, c = golds.index(gi), preds.index(pi)
        value = sum(v * w for v, w in zip(pairs[(gi, pi)], scale, strict=True)) * order
        weight[r][c] = size_weight + value + (n * n - r * n - c)
    match = _hungarian(weight)
    return {golds[r]: preds[c] for r, c in match if weight[r][c] > 0}


# Groups larger than this are matched greedily (best pairs first): the exact method's cubic
# cost would dominate a large evaluation, and such groups (hundreds of agreeing rows of one
# document) are rare in real tables.
LARGEST = 150


def _greedy(
    group: list[tuple[int, int]], pairs: dict[tuple[int, int], tuple[int, ...]]
) -> dict[int, int]:
    """Best pairs first, each row used once."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for gi, pi in sorted(group, key=lambda p: (tuple(-v for v in pairs[p]), p)):
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


def _hungarian(weight: list[list[int]]) -> list[tuple[int, int]]:
    """A maximum-weight perfect matching of a square matrix (the Hungarian method with
    potentials, O(n^3)): ``[(row, column), ...]``."""
    n = len(weight)
    if n == 0:
        return []
    big = max(max(row) for row in weight)
    cost = [[big - w for w in row] for row in weight]
    inf = float("inf")
    u = [0] * (n + 1)
    v = [0] * (n + 1)
    owner = [0] * (n + 1)  # owner[j]: the row matched to column j (1-based; 0 none)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return [(owner[j] - 1, j - 1) for j in range(1, n + 1) if owner[j]]

"""Reading single table cells the same way everywhere: missing values and display text."""

from __future__ import annotations

from typing import Any


def is_missing(value: Any) -> bool:
    """Tell whether a cell is missing: None, ``pd.NA``, ``pd.NaT`` or a float NaN.

    >>> import pandas as pd
    >>> [is_missing(v) for v in (None, pd.NA, pd.NaT, float("nan"), "", 0)]
    [True, True, True, True, False, False]
    """
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and value != value


def as_text(value: Any) -> str:
    """Return a cell as stripped text, ``""`` when it is missing.

    >>> as_text(None), as_text("  Port Sable ")
    ('', 'Port Sable')
    """
    return "" if is_missing(value) else str(value).strip()

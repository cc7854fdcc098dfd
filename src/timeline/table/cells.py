"""Reading single table cells the same way everywhere: missing values and display text."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

_NA, _NAT = pd.NA, pd.NaT


def is_missing(value: Any) -> bool:
    """Tell whether a cell is missing: None, ``pd.NA``, ``pd.NaT`` or a NaN (cheap: per cell).

    >>> [is_missing(v) for v in (None, pd.NA, pd.NaT, float("nan"), "", 0)]
    [True, True, True, True, False, False]
    >>> is_missing(np.datetime64("NaT")), is_missing(np.float32("nan"))
    (True, True)
    """
    if value is None or value is _NA or value is _NAT:
        return True
    if type(value) is str:
        return False
    if isinstance(value, float | np.floating | np.datetime64 | np.timedelta64):
        return bool(pd.isna(value))
    return False


def as_text(value: Any) -> str:
    """Return a cell as stripped text, ``""`` when it is missing.

    >>> as_text(None), as_text("  Port Sable ")
    ('', 'Port Sable')
    """
    return "" if is_missing(value) else str(value).strip()

"""Parquet storage of a table: typed columns in, typed columns out (pyarrow).

``timeline.table`` decides what the columns are and how a cell reads and writes; this module
only moves columns of Python values to and from a Parquet file. Each schema type has one
Arrow type: ``string`` -> ``string``, ``date`` -> ``date32``, ``integer`` -> ``int64``,
``boolean`` -> ``bool``; every column may hold nulls. The file carries no pandas metadata,
so any Parquet reader (DuckDB, Spark, polars) sees the plain schema. The same table gives the
same bytes with the same pyarrow version.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from timeline.errors import SchemaError

MAGIC = b"PAR1"
SUFFIXES = (".parquet", ".pq")


def is_parquet(path: Path) -> bool:
    """Whether ``path`` names a Parquet file: its suffix, or its first four bytes.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("event_id\\n")
    >>> is_parquet(p), is_parquet(p.with_suffix(".parquet"))
    (False, True)
    """
    if path.suffix.lower() in SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(4) == MAGIC
    except OSError:
        return False


def to_bytes(columns: Mapping[str, Sequence[Any]], types: Mapping[str, str]) -> bytes:
    """The Parquet bytes of columns of Python values (``None`` for missing).

    ``types`` gives each column's schema type: ``string``, ``date``, ``integer`` or
    ``boolean``.

    >>> import datetime
    >>> data = to_bytes({"day": [datetime.date(2020, 1, 2), None]}, {"day": "date"})
    >>> data[:4], data[-4:]
    (b'PAR1', b'PAR1')
    """
    # on use: pyarrow.parquet takes ~50 ms to import, and only Parquet files need it
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {
        "string": pa.string(),
        "date": pa.date32(),
        "integer": pa.int64(),
        "boolean": pa.bool_(),
    }
    schema = pa.schema([pa.field(name, kinds[types[name]]) for name in columns])
    table = pa.Table.from_pydict({name: list(values) for name, values in columns.items()}, schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd", store_schema=False)
    return buffer.getvalue()


def read_columns(path: Path) -> dict[str, list[Any]]:
    """The columns of a Parquet file as lists of Python values, in the file's order.

    Raises:
        SchemaError: the file cannot be read as Parquet (the message names it).
    """
    # on use: pyarrow.parquet takes ~50 ms to import, and only Parquet files need it
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except FileNotFoundError:
        raise
    except (pa.ArrowException, OSError) as exc:
        message = f"not a readable Parquet file ({exc})"
        raise SchemaError(f"{path}: {message}", [message]) from exc
    return {name: table.column(name).to_pylist() for name in table.column_names}

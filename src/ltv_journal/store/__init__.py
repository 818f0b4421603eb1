"""SQLModel tables, the engine, migrations and the `Journal` repository.

`Journal` (in `journal.py`) is the one API for reading and writing a journal. This
package's `__init__` imports nothing so that `quick.py` can read a score at start-up
without paying for SQLAlchemy.
"""

"""`python -m ltv_journal.cli`."""

from ltv_journal.cli import main

main(prog_name="ltv-journal")

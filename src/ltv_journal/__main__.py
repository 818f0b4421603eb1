"""`python -m ltv_journal`: the same as the `ltv-journal` command."""

from ltv_journal.cli import main

main(prog_name="ltv-journal")

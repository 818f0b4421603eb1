"""`python -m ltv_journal`: the same as the `ltv-journal` command."""

from ltv_journal.entry import main

main()

"""The Textual app. `ltv_journal.tui.app.run_app(location)` opens it.

Nothing heavy is imported here: loading the package must stay cheap, because the score
has to be on screen before SQLAlchemy is even imported.
"""

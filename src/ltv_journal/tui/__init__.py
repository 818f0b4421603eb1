"""The Textual app. `ltv_journal.tui.app.run_app(location)` opens it.

Nothing heavy is imported here: loading the package must stay cheap, because the score
has to be on screen before SQLAlchemy is even imported.
"""

import os

# Textual draws at most 60 frames a second by default, so a key waits up to 17 ms for
# its frame; at 120 the list follows PageDown within a frame of the key. Textual reads
# this once, when it is first imported, which is after this package. A user's own
# setting wins.
os.environ.setdefault("TEXTUAL_FPS", "120")

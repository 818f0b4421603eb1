"""The interchange TOML format (DESIGN §2): reading, writing, the yearly summary.

Kept free of imports: `reader`, `writer`, `summary`, `files` and `sample` are imported
where they are used.
"""

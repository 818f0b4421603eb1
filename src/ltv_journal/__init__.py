"""ltv-journal: a terminal decision journal that scores choices by their lifetime value.

Kept free of imports on purpose: start-up time is a feature, and each layer
(`core`, `store`, `exchange`, `tui`, `cli`) is imported only where it is used.
"""

__version__ = "0.1.0"

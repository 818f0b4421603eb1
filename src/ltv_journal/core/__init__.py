"""Pure domain: dimensions, money, effects and LTV math, verdicts, calibration.

Imports neither textual nor sqlmodel; everything here is plain Python over `Decimal`.
"""

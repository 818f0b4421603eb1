"""Speed figures for ltv-journal, each printed beside its target (`python -m benchmarks.run`)."""

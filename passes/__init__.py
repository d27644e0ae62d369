"""Transformation passes (one module per pass or pass family) and the named pipelines."""

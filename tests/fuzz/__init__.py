"""Fuzz targets for the readers and the extractor (see test_fuzz.py, atheris_main.py)."""

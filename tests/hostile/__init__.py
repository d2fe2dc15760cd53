"""Hostile inputs, hostile text, interrupted builds and determinism (docs/reliability.md).

The inputs are generated at test time (:mod:`tests.hostile.corpus`), never committed.
"""

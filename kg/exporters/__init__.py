"""Exporters: each module offers ``generate_x(graph)`` (yields chunks) and ``write_x(graph, path)``."""

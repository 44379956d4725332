"""The `regintel` command: `main.py` is the root, one module per command group.

Thin: a command parses its input, calls a job or the warehouse, and prints.
"""

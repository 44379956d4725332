"""Versioned schema migrations: module `vNNN_<name>.py` upgrades a file from version NNN-1 to NNN.

Each module has `upgrade(con)`, run inside one transaction with `schema_version` bumped, so a
failed upgrade leaves the file at its previous version. Never edit a released migration; add one.
"""

LATEST_VERSION = 8

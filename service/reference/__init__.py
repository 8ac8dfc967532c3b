"""Reference records: the store (records.py), linking claims to missions (link.py), the GCAT importer (gcat.py)."""

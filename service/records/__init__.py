"""Reference records: the model and store (store.py), the one schema (orbitcheck.schemas.records), the snapshot
writer with its lock (snapshot.py, tomlwrite.py) and the importers that feed it (GCAT: gcat*.py, Launch Library 2:
ll2*.py). Data the checks read; it knows nothing of drafts."""

"""The shipped reference records (package data `orbitcheck.reference_data`): see README.md here."""

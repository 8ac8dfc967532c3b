"""orbitcheck: fact-checking for space news."""

__version__ = "0.1.0"

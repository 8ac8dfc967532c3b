"""Where the tests' files are, wherever a test module sits in tests/."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository
DATA = ROOT / "tests" / "data"  # test inputs: corpus, seed, GCAT and LL2 excerpts, golden outputs

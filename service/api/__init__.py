"""The HTTP edge: Flask blueprints around the engine. Nothing here runs at import time; create_app wires it."""

"""marshmallow schemas: the edges of the service (requests, responses, reference records)."""

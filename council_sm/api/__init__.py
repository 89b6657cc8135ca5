"""The public JSON API (django-ninja), mounted at /api/v1/: see docs/adr/0008-json-api.md."""

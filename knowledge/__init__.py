"""The knowledge base of directives: models, loader, parser, search and bundled data."""

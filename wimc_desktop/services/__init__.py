"""One module per capability; each takes a Database, one transaction per user action."""

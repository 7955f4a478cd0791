"""The event database: typed tables, engine settings, transactions, migrations."""

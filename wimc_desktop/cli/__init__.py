"""`wimc-desk COMMAND`: the headless commands over the services (see cli.dispatch)."""

"""Pure-Python rules of the registration desk: no database, no Qt."""

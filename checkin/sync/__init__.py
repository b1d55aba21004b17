"""Several desks: the protocol with the PostgreSQL event server, its schema, addresses."""

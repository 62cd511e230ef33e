"""Store stage: articles, coded events and places in SQLite (default) or PostgreSQL.

`Store` is the whole public interface; `schema` holds the tables, `migrations` the Alembic
scripts that create them.
"""

from sitrep.store.database import SchemaError, Store, database_url

__all__ = ["SchemaError", "Store", "database_url"]

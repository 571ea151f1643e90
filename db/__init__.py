"""Data layer: peewee models, the connection, migrations and the search index. No Qt."""

"""Pydantic schemas: one family per entity (Create / Update / Public)."""

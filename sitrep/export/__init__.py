"""Exports: the event record and the formats it is written in."""
from .formats import FORMATS, write_records
from .records import FIELDS, event_record

__all__ = ["FIELDS", "FORMATS", "event_record", "write_records"]

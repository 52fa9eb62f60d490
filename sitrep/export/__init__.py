"""Exports: the event record and the formats it is written in.

``write_records`` prints records for a reader (jsonl, json, csv, table); ``export`` writes them for
other tools (ACLED CSV, UCDP GED CSV, GeoJSON, Parquet, JSONL; see docs/exports.md).
"""
from .exporters import EXPORT_FORMATS, ExportResult, export
from .formats import FORMATS, write_records
from .records import FIELDS, event_record

__all__ = ["EXPORT_FORMATS", "FIELDS", "FORMATS", "ExportResult", "event_record", "export", "write_records"]

"""The template's tables found in a report by their labels: rows placed, cells aligned and
valued, shape problems collected (recognise); the result's data types (model)."""

from gxlint.analysis.tables.recognise import recognise

__all__ = ["recognise"]

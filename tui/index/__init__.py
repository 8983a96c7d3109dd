"""The archive in memory: briefings and outlines, references between entries, name search."""

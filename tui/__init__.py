"""Visit Briefings: browse briefings of official visits in the terminal."""

__version__ = "0.1.0"

"""Visit Briefings: browse briefings of official visits in the terminal."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("visit-briefings")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

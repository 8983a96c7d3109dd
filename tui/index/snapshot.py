"""The archive's search index kept on disk, so that re-opening an unchanged archive
does not fold and count every name again (most of a re-open's time).

The index is a function of the outlines the archive was given, in order: the archive
store (tui.reading.store) keeps, for the paths the user opened, the index as last
built and the stamps of the outlines it was built from. A load whose outlines all
came from the store, with the same stamps in the same order, takes the index as it
is; any other (a file changed, added, removed or read from its YAML) builds it as
always, and keeps the new one for the next time.

The index is stored as numpy arrays in the .npy format, read with allow_pickle=False
(nothing in it is executed), each of the dtype it must have, and the arrays are checked
to fit together (tui.index.search.NameSearch.from_state): a damaged one is ignored.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from tui.reading.cache import digest
from tui.reading.store import ArchiveStore, default_store

if TYPE_CHECKING:
    from tui.index.search import NameSearch

# Every array of a NameSearch's state, and the dtype it must have. (numpy, like the
# search, is imported when first needed: the first briefing reaches the screen first.)
_DTYPES = {
    "folded": "uint8",
    "latest": "int32",
    "holder": "int32",
    "variant": "int32",
    "before": "int32",
    "alive": "uint8",
    "tags": "uint8",
    "words": "uint8",
    "word_counts": "int32",
    "word_names": "int32",
    "counts": "uint8",
    "lengths": "int32",
    "word_lengths": "int32",
    "pair_buckets": "uint16",
    "pair_offsets": "int32",
    "pair_names": "int32",
    "pair_counts": "uint8",
}
_SEARCHES = ("names", "titles")


class Snapshots:
    """The stored index of the archive opened from these paths."""

    def __init__(self, store: ArchiveStore, opened: list[Path]) -> None:
        self.store = store
        self.opened = digest("\n".join(map(str, opened)).encode("utf-8", "surrogateescape"))
        # The stamps it was built from: while a load gives the same, it need not index.
        self.expected = store.index_stamps(self.opened)

    @classmethod
    def of(cls, opened: list[Path]) -> Snapshots | None:
        store = default_store()
        return cls(store, opened) if store is not None else None

    def covers(self, stamps: list[str] | None) -> bool:
        """Whether outlines with these stamps are the start of what the stored index
        was built from."""
        expected = self.expected
        return stamps is not None and expected is not None and stamps == expected[: len(stamps)]

    def restore(self, stamps: list[str] | None) -> tuple[NameSearch, NameSearch] | None:
        """The stored names' and titles' searches, when they were built from outlines
        with exactly these stamps."""
        if not stamps:
            return None
        found = self.store.index(self.opened)
        if found is None or found[0] != stamps:
            return None
        try:
            return decode(found[1])
        except (ValueError, KeyError, OSError, zipfile.BadZipFile):
            return None

    def keep(self, stamps: list[str] | None, names: NameSearch, titles: NameSearch) -> None:
        if stamps:
            self.store.keep_index(self.opened, stamps, encode(names, titles))
            self.expected = stamps


def encode(names: NameSearch, titles: NameSearch) -> bytes:
    import numpy as np

    arrays = {
        f"{search}.{key}": array
        for search, index in zip(_SEARCHES, (names, titles), strict=True)
        for key, array in index.state().items()
    }
    buffer = io.BytesIO()
    np.savez(buffer, allow_pickle=False, **arrays)
    return buffer.getvalue()


def decode(data: bytes) -> tuple[NameSearch, NameSearch]:
    """The two searches; ValueError (or KeyError, zipfile's error) when damaged."""
    import numpy as np

    from tui.index.search import NameSearch

    with np.load(io.BytesIO(data), allow_pickle=False) as stored:
        searches = []
        for search in _SEARCHES:
            state = {}
            for key, dtype in _DTYPES.items():
                array = stored[f"{search}.{key}"]
                if array.dtype != np.dtype(dtype) or array.ndim != (2 if key == "counts" else 1):
                    raise ValueError(f"{search}.{key}: {array.dtype}, {array.ndim} dimensions")
                state[key] = array
            searches.append(NameSearch.from_state(state))
    return searches[0], searches[1]

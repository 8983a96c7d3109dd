"""Finding a person the way one types a half-remembered name.

Names and aliases are folded once, when the index is built; a query is folded the same
way and scored with rapidfuzz's WRatio, which copes with typos (`obreg`), partial names
(`yumin`), word order (`mingham le`) and spacing (`le mingham`) in one measure.

Scoring every name on each keystroke is too slow at 100,000 people, so the index also
keeps, for each distinct folded name, its length, the length of its distinct words and
how many of each letter it holds (in a numpy matrix), and which names hold each word.
From these, one vectorized pass finds the names that *could* reach the cutoff: every
part of WRatio is bounded by how many letters two strings share (see `_candidates`), and
a shared word is the only way past that bound. Only those names are scored, by WRatio
itself, so the results are exactly those of scoring every name. When enough people score
90 or more, names that cannot reach 90 are not scored at all; a name that holds the query
(or is held by it) at a length ratio between 1.5 and 8 scores exactly 90 and needs no
scoring either.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

import numpy as np
from rapidfuzz import fuzz, process

from tui.names import fold

Key = TypeVar("Key", bound=Hashable)

# Below this a match is more noise than help (a 5-letter name with two letters
# swapped scores 80).
SCORE_CUTOFF = 70.0

# The score of a name that holds the query (or is held by it), when one is between 1.5
# and 8 times as long as the other: WRatio's partial_ratio (100) scaled by 0.9, which no
# other part of WRatio can beat at that length ratio.
_HOLDS = 90.0
# The score of a name that shares a word with the query at such a length ratio, unless
# partial_ratio does better: partial_token_ratio (100) scaled by 0.95 and 0.9.
_SHARED = 100 * 0.95 * 0.9
# Bounds are lowered by this much, so that rounding never drops a name.
_SLACK = 0.99
# From this many names to score, the scoring runs on every core.
_PARALLEL_FROM = 1000

# Letter counts: a-z, space, and 36 buckets shared by every other character (by code
# point). Merging letters into a bucket can only overstate what two names share, so the
# bound stays safe.
_SPACE, _OTHER, _OTHER_BUCKETS = 26, 27, 36
_BUCKETS = _OTHER + _OTHER_BUCKETS

# Folding is the costliest step of indexing a name; the archive folds the same names
# just before (for its same-person index), so they are remembered for a while.
fold_name = lru_cache(maxsize=1 << 16)(fold)
_fold = fold_name


@dataclass(frozen=True)
class Variant:
    text: str
    kind: str  # "name", "alias" or "original script"


@dataclass(frozen=True)
class NameMatch(Generic[Key]):
    key: Key
    score: float
    matched: Variant


def _bucket_codes(text: str) -> np.ndarray:
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    codes = (points % _OTHER_BUCKETS).astype(np.int64) + _OTHER
    letters = (points >= 97) & (points <= 122)
    codes[letters] = points[letters] - 97
    codes[points == 32] = _SPACE
    return codes


def _unique_words(folded: str) -> str:
    return " ".join(sorted(set(folded.split())))


class NameSearch(Generic[Key]):
    """An index of people by every name they go by."""

    def __init__(self, people: Iterable[tuple[Key, Sequence[Variant]]] = ()) -> None:
        # One entry per distinct folded name; many people may share it.
        self._folded: list[str] = []
        self._spaced: list[str] = []  # " " + folded, to tell where words start
        self._holders: list[list[tuple[Key, Variant]]] = []
        self._position: dict[str, int] = {}
        self._words: dict[str, list[int]] = {}
        # Per name, in arrays that grow by doubling: letter counts, length, and the
        # length of its distinct words sorted and joined (what token_set compares).
        self._counts = np.zeros((0, _BUCKETS), dtype=np.uint8)
        self._lengths = np.zeros(0, dtype=np.int32)
        self._word_lengths = np.zeros(0, dtype=np.int32)
        # Which names hold each pair of adjacent letters (no space), and how often:
        # chunks (one per `add`, merged now and then) of (pair buckets, names, counts).
        self._pairs: list[_PairChunk] = []
        self.add(people)

    def add(self, people: Iterable[tuple[Key, Sequence[Variant]]]) -> None:
        start = len(self._folded)
        for key, variants in people:
            for variant in variants:
                folded = _fold(variant.text)
                if not folded:
                    continue
                index = self._position.get(folded)
                if index is None:
                    index = self._position[folded] = len(self._folded)
                    self._folded.append(folded)
                    self._spaced.append(" " + folded)
                    self._holders.append([])
                    for word in set(folded.split()):
                        self._words.setdefault(word, []).append(index)
                self._holders[index].append((key, variant))
        if len(self._folded) > start:
            self._index_names(start)

    def _index_names(self, start: int) -> None:
        new = self._folded[start:]
        count = len(self._folded)
        if count > len(self._lengths):
            capacity = max(count, 2 * len(self._lengths), 1024)
            self._counts = np.resize(self._counts, (capacity, _BUCKETS))
            self._lengths = np.resize(self._lengths, capacity)
            self._word_lengths = np.resize(self._word_lengths, capacity)
        lengths = np.fromiter(map(len, new), dtype=np.int32, count=len(new))
        rows = np.repeat(np.arange(len(new), dtype=np.int64), lengths)
        flat = np.bincount(
            rows * _BUCKETS + _bucket_codes("".join(new)), minlength=len(new) * _BUCKETS
        )
        self._counts[start:count] = np.minimum(flat, 255).reshape(len(new), _BUCKETS)
        self._lengths[start:count] = lengths
        self._word_lengths[start:count] = [len(_unique_words(name)) for name in new]
        self._pairs.append(_PairChunk.of(new, lengths, start))
        if len(self._pairs) > 6:
            self._pairs = [_PairChunk.merged(self._pairs)]

    def __len__(self) -> int:
        return len(self._folded)

    def search(self, query: str, limit: int = 20) -> list[NameMatch[Key]]:
        """The best matches first, at most one per person."""
        folded = _fold(query)
        if not folded or limit <= 0 or not self._folded:
            return []
        candidates = _Candidates(self, folded)
        # First only what can score 90 or more; when that is enough people, nothing
        # below 90 can make the list.
        hits = candidates.scored(_HOLDS)
        if self._people_in(hits, limit) < limit:
            # Then what can score 85.5, when names sharing a word with the query make
            # enough people at that score without scoring them; else down to the cutoff.
            enough = self._people_in(hits + candidates.sharing(), limit) >= limit
            hits = candidates.scored(_SHARED if enough else SCORE_CUTOFF)
        return self._ranked(folded, hits, limit)

    def _people_in(self, hits: list[tuple[float, int]], enough: int) -> int:
        seen: set[Key] = set()
        for _, index in hits:
            for key, _ in self._holders[index]:
                seen.add(key)
            if len(seen) >= enough:
                break
        return len(seen)

    def _ranked(
        self, folded: str, hits: list[tuple[float, int]], limit: int
    ) -> list[NameMatch[Key]]:
        # Equal scores: a name with a word that starts as typed first ("le" finds Le
        # Mingham before Diplé), then the closer plain ratio, then alphabetical, so the
        # order is stable from one keystroke to the next. Tie-breaks are computed one
        # score at a time, best first, until the list is full.
        by_score: dict[float, list[int]] = {}
        for score, index in hits:
            by_score.setdefault(score, []).append(index)
        matches: list[NameMatch[Key]] = []
        seen: set[Key] = set()
        for score in sorted(by_score, reverse=True):
            for index in self._tie_order(folded, by_score[score], limit - len(matches)):
                for key, variant in self._holders[index]:
                    if key not in seen:
                        seen.add(key)
                        matches.append(NameMatch(key, score, variant))
                        if len(matches) == limit:
                            return matches
        return matches

    def _tie_order(self, folded: str, group: list[int], needed: int) -> Iterator[int]:
        names = [self._folded[index] for index in group]
        ratios = process.cdist([folded], names, scorer=fuzz.ratio, dtype=np.float64)[0]
        word_start = " " + folded
        keys = [
            (word_start not in self._spaced[index], -ratio, name, index)
            for index, ratio, name in zip(group, ratios.tolist(), names, strict=True)
        ]
        # A large group needs only its first few names, unless people hold many each.
        if len(keys) > 8 * needed:
            first = heapq.nsmallest(4 * needed, keys)
            yield from (key[3] for key in first)
            keys = sorted(keys)[len(first) :]
        else:
            keys.sort()
        yield from (key[3] for key in keys)


class _Candidates:
    """For one query: which names can reach a score, and their scores.

    WRatio(q, s) for lengths m and n, with c letters in common (as multisets), and
    m_u, n_u the lengths of their distinct words sorted and joined:
    - if max(m, n) > 8 * min(m, n): at most 60, never a match;
    - if max(m, n) < 1.5 * min(m, n): max(ratio, 0.95 * token_ratio), and each part is
      at most 200c / (m + n), or 200c / (m_u + n_u) for token_set, unless a word is
      shared (token_set can then reach 100);
    - otherwise: max(ratio, 0.9 * partial_ratio, 0.855 * partial_token_ratio), where a
      shared word makes partial_token_ratio 100 (85.5), and partial_ratio >= r needs
      c >= r / (2 - r) * min(m, n) (the best window holds at most c common letters),
      and partial_token_ratio the same with the distinct-word lengths.
    Names that hold the query (or are held by it) at a length ratio from 1.5 to 8 score
    exactly 90, and those that share a word with it exactly 85.5 when the shorter string
    has at most 10 letters: neither needs scoring.
    """

    def __init__(self, search: NameSearch, folded: str) -> None:
        self.search = search
        self.folded = folded
        count = len(search._folded)
        lengths = search._lengths[:count]
        m = len(folded)
        query_counts = np.bincount(_bucket_codes(folded), minlength=_BUCKETS)
        common = np.zeros(count, dtype=np.int32)
        for bucket in np.flatnonzero(query_counts):
            common += np.minimum(search._counts[:count, bucket], query_counts[bucket])
        self.common = common
        self.shorter = np.minimum(lengths, m)
        longer = np.maximum(lengths, m)
        self.close = 2 * longer < 3 * self.shorter
        self.far = ~self.close & (longer <= 8 * self.shorter)
        self.word_sum = search._word_lengths[:count] + len(_unique_words(folded))
        self.word_shorter = np.minimum(search._word_lengths[:count], len(_unique_words(folded)))
        self.shares_word = np.zeros(count, dtype=bool)
        for word in set(folded.split()):
            holders = search._words.get(word)
            if holders:
                self.shares_word[holders] = True
        self.lengths = lengths
        self.holds: np.ndarray | None = None
        # Pairs of adjacent letters in common, and the most spaces either string has.
        self.pairs = np.zeros(count, dtype=np.int32)
        query_pairs = _pair_counts(folded)
        for chunk in search._pairs:
            chunk.add_common(query_pairs, self.pairs)
        # Spaces in the shorter string (by length, and by distinct words).
        name_spaces = search._counts[:count, _SPACE]
        self.spaces = np.where(lengths < m, name_spaces, folded.count(" "))
        query_words = len(set(folded.split()))
        self.word_spaces = np.where(
            search._word_lengths[:count] < len(_unique_words(folded)), name_spaces, query_words - 1
        )

    def scored(self, cutoff: float) -> list[tuple[float, int]]:
        """(score, name index) of every name scoring at least the cutoff (90 or 70)."""
        search, m = self.search, len(self.folded)
        common = self.common
        holds = self._holds()
        hits: list[tuple[float, int]] = [(_HOLDS, index) for index in holds.tolist()]
        # Similar lengths: ratio >= cutoff or token ratios >= cutoff / 0.95.
        close_bound = np.minimum(
            (cutoff / 200) * (self.lengths + m), (cutoff / 190) * self.word_sum
        )
        to_score = np.flatnonzero(
            self.close & (self.shares_word | (common >= close_bound * _SLACK))
        )
        if cutoff <= _SHARED:
            far = self.far.copy()
            far[holds] = False
            sharing = far & self.shares_word
            short = sharing & (self.shorter <= 10)
            hits += self.sharing()
            # A far name without a shared word scores through ratio, partial_ratio or
            # partial_token_ratio; each has its bound on letters (and pairs) in common.
            ratio = common >= (cutoff / 200) * (self.lengths + m) * _SLACK
            partial = self._window_bound(cutoff / 0.9, self.shorter, self.spaces)
            tokens = self._window_bound(cutoff / 0.855, self.word_shorter, self.word_spaces)
            far_to_score = (sharing & ~short) | (
                far & ~self.shares_word & (ratio | partial | tokens)
            )
            to_score = np.union1d(to_score, np.flatnonzero(far_to_score))
        hits += _score(self.folded, search._folded, to_score, cutoff)
        return hits

    def _window_bound(
        self, ratio_percent: float, needle: np.ndarray, spaces: np.ndarray
    ) -> np.ndarray:
        """Names that may align a window with the shorter string (of length `needle`)
        at this Indel ratio: enough letters in common, and enough adjacent pairs.

        A window of length w matching the needle's L letters at ratio r keeps a common
        subsequence of l >= r (L + w) / 2 letters, with w >= r L / (2 - r); its runs
        are broken at most (L - l) + (w - l) times, so at least 3l - 1 - L - w pairs
        of the needle recur in the window: L (2 / (2 - r)) (1.5 r - 1) - 1 at least.
        Pairs across a space are not counted (token sorting moves them), which costs
        at most two per space of the shorter string (`spaces`).
        """
        r = ratio_percent / 100
        if r > 1:
            return np.zeros(len(needle), dtype=bool)
        letters = self.common >= (r / (2 - r)) * needle * _SLACK
        pairs = needle * (2 / (2 - r)) * (1.5 * r - 1) - 1 - 2 * spaces
        return letters & (self.pairs >= pairs - 0.01)

    def sharing(self) -> list[tuple[float, int]]:
        """Names that share a word with the query at a length ratio from 1.5 to 8, don't
        hold it, and of which the shorter string has at most 10 letters: exactly 85.5.

        A shared word makes partial_token_ratio 100, so the score is 85.5, or 0.9 *
        partial_ratio when that is higher, which takes a shorter string of more than 10
        letters (19 of 20 letters in common score 95)."""
        far = self.far & self.shares_word & (self.shorter <= 10)
        far[self._holds()] = False
        return [(_SHARED, index) for index in np.flatnonzero(far).tolist()]

    def _holds(self) -> np.ndarray:
        """Names between 1.5 and 8 times as long as the query (or as short) that hold
        it (or that it holds): partial_ratio 100, and exactly 90."""
        if self.holds is None:
            folded, m, names = self.folded, len(self.folded), self.search._folded
            found = [
                index
                for index in np.flatnonzero(self.far & (self.common >= self.shorter)).tolist()
                if ((folded in names[index]) if m < len(names[index]) else (names[index] in folded))
            ]
            self.holds = np.array(found, dtype=np.int64)
        return self.holds


def _score(
    folded: str, names: list[str], indexes: np.ndarray, cutoff: float
) -> list[tuple[float, int]]:
    if not len(indexes):
        return []
    choices = [names[index] for index in indexes.tolist()]
    if len(choices) < _PARALLEL_FROM:
        scored = process.extract(
            folded, choices, scorer=fuzz.WRatio, processor=None, score_cutoff=cutoff, limit=None
        )
        return [(score, int(indexes[position])) for _, score, position in scored]
    # Many names: score them on every core (WRatio releases the GIL).
    scores = process.cdist(
        [folded],
        choices,
        scorer=fuzz.WRatio,
        processor=None,
        score_cutoff=cutoff,
        dtype=np.float64,
        workers=-1,
    )[0]
    found = np.flatnonzero(scores >= cutoff)
    return list(zip(scores[found].tolist(), indexes[found].tolist(), strict=True))


_PAIR_BUCKETS = 1 << 16


def _pair_buckets(points: np.ndarray) -> np.ndarray:
    """Bucket of each pair of adjacent code points; merged pairs overstate only."""
    first, second = points[:-1].astype(np.int64), points[1:].astype(np.int64)
    return (first * 1_000_003 + second) % _PAIR_BUCKETS


def _pair_counts(folded: str) -> dict[int, int]:
    points = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
    if len(points) < 2:
        return {}
    keep = (points[:-1] != 32) & (points[1:] != 32)
    buckets, counts = np.unique(_pair_buckets(points)[keep], return_counts=True)
    return dict(zip(buckets.tolist(), counts.tolist(), strict=True))


@dataclass
class _PairChunk:
    """For a run of names: by pair bucket, which names hold that pair and how often."""

    offsets: np.ndarray  # per bucket, where its names start in `names`
    names: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, names: list[str], lengths: np.ndarray, start: int) -> _PairChunk:
        points = np.frombuffer("".join(names).encode("utf-32-le"), dtype=np.uint32)
        rows = np.repeat(np.arange(start, start + len(names), dtype=np.int64), lengths)
        if len(points) < 2:
            return cls.build(np.zeros(0, np.int64), np.zeros(0, np.int64))
        keep = (rows[:-1] == rows[1:]) & (points[:-1] != 32) & (points[1:] != 32)
        return cls.build(_pair_buckets(points)[keep], rows[:-1][keep])

    @classmethod
    def build(
        cls, buckets: np.ndarray, names: np.ndarray, counts: np.ndarray | None = None
    ) -> _PairChunk:
        keys = buckets * (1 << 32) + names
        if counts is None:
            keys, counts = np.unique(keys, return_counts=True)
        else:
            order = np.argsort(keys, kind="stable")
            keys, counts = keys[order], counts[order]
        buckets = keys >> 32
        offsets = np.searchsorted(buckets, np.arange(_PAIR_BUCKETS + 1))
        return cls(offsets, (keys & 0xFFFFFFFF).astype(np.int64), counts.astype(np.int32))

    @classmethod
    def merged(cls, chunks: list[_PairChunk]) -> _PairChunk:
        buckets = np.concatenate(
            [np.repeat(np.arange(_PAIR_BUCKETS), np.diff(c.offsets)) for c in chunks]
        )
        names = np.concatenate([c.names for c in chunks])
        counts = np.concatenate([c.counts for c in chunks])
        return cls.build(buckets.astype(np.int64), names, counts)

    def add_common(self, query: dict[int, int], common: np.ndarray) -> None:
        for bucket, wanted in query.items():
            start, stop = self.offsets[bucket], self.offsets[bucket + 1]
            if stop > start:
                common[self.names[start:stop]] += np.minimum(self.counts[start:stop], wanted)


def _needed(ratio_percent: float) -> float:
    """The share of the shorter string's letters that a window must hold in common for
    an Indel ratio of ratio_percent (2c / (len + window) with window >= c)."""
    r = ratio_percent / 100
    return r / (2 - r) if r <= 1 else float("inf")

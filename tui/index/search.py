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

An office's archive names some 400,000 people, so the index stores little per name
(about 300 bytes, most of it the folded string, its place in a dict and its letter
counts): people are numbers, not objects, and who holds a name is a linked list in flat
integer arrays; which names hold a word or a pair of letters are integer arrays too.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from tui.index.names import fold

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


@dataclass(frozen=True, slots=True)
class NameMatch:
    person: int  # the person's number (see NameSearch.add)
    score: float
    variant: int  # which of the person's names matched, as an index into those given


def _bucket_codes(text: str) -> np.ndarray:
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    codes = (points % _OTHER_BUCKETS).astype(np.int64) + _OTHER
    letters = (points >= 97) & (points <= 122)
    codes[letters] = points[letters] - 97
    codes[points == 32] = _SPACE
    return codes


def _unique_words(folded: str) -> str:
    return " ".join(sorted(set(folded.split())))


class NameSearch:
    """An index of people by every name they go by.

    People are numbered in the order they are added, from 0 over the index's life; a
    number is never reused, not even once its person is removed."""

    def __init__(self) -> None:
        # One entry per distinct folded name, many people may share it; names stay
        # when the people who hold them are removed.
        self._folded: list[str] = []
        self._position: dict[str, int] = {}
        self._words: dict[str, array[int]] = {}  # word -> the names that hold it
        # Who holds each name: per name its latest holding (-1: none), per holding the
        # person, which of their names it is, and the holding of the same name before.
        self._latest = array("i")
        self._holder = array("i")
        self._variant = array("i")
        self._before = array("i")
        self._alive = bytearray()  # per person: 1, or 0 once removed
        # Per name, in arrays that grow by a quarter: letter counts (one row per
        # bucket), length, and the length of its distinct words sorted and joined
        # (what token_set compares).
        self._counts = np.zeros((_BUCKETS, 0), dtype=np.uint8)
        self._lengths = np.zeros(0, dtype=np.int32)
        self._word_lengths = np.zeros(0, dtype=np.int32)
        # Which names hold each pair of adjacent letters (no space), and how often:
        # chunks (one per `add`, merged now and then) of (pair buckets, names, counts).
        self._pairs: list[_PairChunk] = []

    @property
    def people(self) -> int:
        """How many people were ever added (removed ones too)."""
        return len(self._alive)

    def add(self, people: Iterable[Sequence[str]]) -> None:
        """Index people, numbered in the order they are added over the index's life
        (0, 1, 2, ...): each item is the names one person goes by (name first, then
        aliases, ...). A name that folds to nothing is not indexed, but still counts
        in the variant numbers of NameMatch."""
        start = len(self._folded)
        try:
            self._hold(people)
        finally:  # those added before a failure are indexed all the same
            if len(self._folded) > start:
                self._index_names(start)

    def _hold(self, people: Iterable[Sequence[str]]) -> None:
        """Number people, and note the names they hold (new names at the end)."""
        folded_names, position, words = self._folded, self._position, self._words
        latest, holder, variant, before = self._latest, self._holder, self._variant, self._before
        alive = self._alive
        for names in people:
            if isinstance(names, str):
                raise TypeError("each person is a sequence of names, not one string")
            person = len(alive)
            alive.append(1)
            for ordinal, text in enumerate(names):
                folded = fold(text)
                if not folded:
                    continue
                index = position.get(folded)
                if index is None:
                    index = position[folded] = len(folded_names)
                    folded_names.append(folded)
                    latest.append(-1)
                    for word in set(folded.split()):
                        holding = words.get(word)
                        if holding is None:
                            words[word] = array("i", (index,))
                        else:
                            holding.append(index)
                elif holder[latest[index]] == person:
                    continue  # two of one person's names fold the same: the first counts
                before.append(latest[index])
                latest[index] = len(holder)
                holder.append(person)
                variant.append(ordinal)

    def remove(self, people: Iterable[int]) -> None:
        """Forget people (by number): they are never found again. Their names stay in
        the index (they may be found for others, and cost a little search time)."""
        numbers = list(people)
        for number in numbers:
            if not 0 <= number < len(self._alive):
                raise IndexError(f"no person numbered {number}")
        for number in numbers:
            self._alive[number] = 0

    def holders(self, text: str) -> list[int]:
        """The people (not removed, in the order added) who go by exactly this name once
        folded (tui.index.names.fold)."""
        index = self._position.get(fold(text))
        return [] if index is None else [person for person, _ in self._holdings(index)]

    def _holdings(self, index: int) -> list[tuple[int, int]]:
        """(person, variant) of those who hold a name and are not removed, in the order
        they were added."""
        found = []
        holder, variant, before, alive = self._holder, self._variant, self._before, self._alive
        holding = self._latest[index]
        while holding >= 0:
            person = holder[holding]
            if alive[person]:
                found.append((person, variant[holding]))
            holding = before[holding]
        found.reverse()
        return found

    def _index_names(self, start: int) -> None:
        new = self._folded[start:]
        count = len(self._folded)
        if count > len(self._lengths):
            self._grow(start, max(count, len(self._lengths) * 5 // 4, 1024))
        lengths = np.fromiter(map(len, new), dtype=np.int32, count=len(new))
        rows = np.repeat(np.arange(len(new), dtype=np.int64), lengths)
        flat = np.bincount(
            rows * _BUCKETS + _bucket_codes("".join(new)), minlength=len(new) * _BUCKETS
        )
        self._counts[:, start:count] = np.minimum(flat, 255).reshape(len(new), _BUCKETS).T
        self._lengths[start:count] = lengths
        self._word_lengths[start:count] = [len(_unique_words(name)) for name in new]
        self._pairs.append(_PairChunk.of(new, lengths, start))
        if len(self._pairs) > 6:
            self._pairs = [_PairChunk.merged(self._pairs)]

    def _grow(self, used: int, capacity: int) -> None:
        counts = np.zeros((_BUCKETS, capacity), dtype=np.uint8)
        counts[:, :used] = self._counts[:, :used]
        self._counts = counts
        for name in ("_lengths", "_word_lengths"):
            grown = np.zeros(capacity, dtype=np.int32)
            grown[:used] = getattr(self, name)[:used]
            setattr(self, name, grown)

    def __len__(self) -> int:
        """How many distinct folded names are indexed (those of removed people too)."""
        return len(self._folded)

    def search(self, query: str, limit: int = 20) -> list[NameMatch]:
        """The best matches first, at most one per person."""
        folded = fold(query)
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
        seen: set[int] = set()
        latest, holder, before, alive = self._latest, self._holder, self._before, self._alive
        for _, index in hits:
            holding = latest[index]
            while holding >= 0:
                person = holder[holding]
                if alive[person]:
                    seen.add(person)
                holding = before[holding]
            if len(seen) >= enough:
                break
        return len(seen)

    def _ranked(self, folded: str, hits: list[tuple[float, int]], limit: int) -> list[NameMatch]:
        # Equal scores: a name with a word that starts as typed first ("le" finds Le
        # Mingham before Diplé), then the closer plain ratio, then alphabetical, so the
        # order is stable from one keystroke to the next. Tie-breaks are computed one
        # score at a time, best first, until the list is full.
        by_score: dict[float, list[int]] = {}
        for score, index in hits:
            by_score.setdefault(score, []).append(index)
        matches: list[NameMatch] = []
        seen: set[int] = set()
        for score in sorted(by_score, reverse=True):
            for index in self._tie_order(folded, by_score[score], limit - len(matches)):
                for person, variant in self._holdings(index):
                    if person not in seen:
                        seen.add(person)
                        matches.append(NameMatch(person, score, variant))
                        if len(matches) == limit:
                            return matches
        return matches

    def _tie_order(self, folded: str, group: list[int], needed: int) -> Iterator[int]:
        names = [self._folded[index] for index in group]
        ratios = process.cdist([folded], names, scorer=fuzz.ratio, dtype=np.float64)[0]
        word_start = " " + folded
        keys = [
            # A word of the name starts as typed: " " + folded is in " " + name.
            (not (name.startswith(folded) or word_start in name), -ratio, name, index)
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
        for bucket in np.flatnonzero(query_counts).tolist():
            # Stored counts stop at 255, so a query with more leaves them as they are.
            wanted = int(query_counts[bucket])
            row = search._counts[bucket, :count]
            common += np.minimum(row, wanted) if wanted < 255 else row
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
                self.shares_word[np.array(holders, dtype=np.int32)] = True
        self.lengths = lengths
        self.holds: np.ndarray | None = None
        # Pairs of adjacent letters in common, and the most spaces either string has.
        self.pairs = np.zeros(count, dtype=np.int32)
        query_pairs, pairs_wanted = _pair_counts(folded)
        if len(query_pairs):
            for chunk in search._pairs:
                chunk.add_common(query_pairs, pairs_wanted, self.pairs)
        # Spaces in the shorter string (by length, and by distinct words).
        name_spaces = search._counts[_SPACE, :count]
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
        enough: np.ndarray = letters & (self.pairs >= pairs - 0.01)
        return enough

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


def _pair_counts(folded: str) -> tuple[np.ndarray, np.ndarray]:
    """The buckets of the pairs of adjacent letters in a string (no space), sorted, and
    how often each comes."""
    points = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
    if len(points) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    keep = (points[:-1] != 32) & (points[1:] != 32)
    return np.unique(_pair_buckets(points)[keep], return_counts=True)


@dataclass(frozen=True, slots=True)
class _PairChunk:
    """For a run of names: by pair bucket, which names hold that pair and how often.

    Holdings are sorted by bucket, then name; `buckets` lists the buckets present and
    `offsets` where each one's holdings start (and the last one's end). Counts stop at
    255 (uint8), which then means "255 or more"."""

    buckets: np.ndarray  # uint16, sorted
    offsets: np.ndarray  # int32, one more than buckets
    names: np.ndarray  # int32
    counts: np.ndarray  # uint8

    @classmethod
    def of(cls, names: list[str], lengths: np.ndarray, start: int) -> _PairChunk:
        points = np.frombuffer("".join(names).encode("utf-32-le"), dtype=np.uint32)
        rows = np.repeat(np.arange(start, start + len(names), dtype=np.int64), lengths)
        if len(points) < 2:
            return cls.build(np.zeros(0, np.int64), np.zeros(0, np.int64))
        keep = (rows[:-1] == rows[1:]) & (points[:-1] != 32) & (points[1:] != 32)
        return cls.build(_pair_buckets(points)[keep], rows[:-1][keep])

    @classmethod
    def build(cls, buckets: np.ndarray, names: np.ndarray) -> _PairChunk:
        keys, counts = np.unique(buckets * (1 << 32) + names, return_counts=True)
        buckets = keys >> 32
        first = np.flatnonzero(np.diff(buckets, prepend=-1))
        return cls(
            buckets[first].astype(np.uint16),
            np.append(first, len(keys)).astype(np.int32),
            (keys & 0xFFFFFFFF).astype(np.int32),
            np.minimum(counts, 255).astype(np.uint8),
        )

    @classmethod
    def merged(cls, chunks: list[_PairChunk]) -> _PairChunk:
        """One chunk for several, given in the order they were made: each holds names
        after those of the ones before, so within a bucket the first chunk's holdings
        come first, then the next one's, and nothing needs sorting."""
        sizes = []
        for chunk in chunks:
            size = np.zeros(_PAIR_BUCKETS, dtype=np.int64)
            size[chunk.buckets] = np.diff(chunk.offsets)
            sizes.append(size)
        total = np.sum(sizes, axis=0)
        starts = np.concatenate(([0], np.cumsum(total)))
        names = np.empty(starts[-1], dtype=np.int32)
        counts = np.empty(starts[-1], dtype=np.uint8)
        at = starts[:-1].copy()  # where each bucket's next holdings go
        for chunk, size in zip(chunks, sizes, strict=True):
            shift = (at[chunk.buckets] - chunk.offsets[:-1]).astype(np.int32)
            to = np.repeat(shift, np.diff(chunk.offsets))
            to += np.arange(len(to), dtype=np.int32)
            names[to] = chunk.names
            counts[to] = chunk.counts
            at += size
        present = np.flatnonzero(total)
        return cls(
            present.astype(np.uint16),
            np.append(starts[present], starts[-1]).astype(np.int32),
            names,
            counts,
        )

    def add_common(self, query: np.ndarray, wanted: np.ndarray, common: np.ndarray) -> None:
        """Add to `common`, per name, the pairs it shares with the query (whose sorted
        buckets and their counts are given)."""
        if not len(self.buckets):
            return
        at = np.minimum(np.searchsorted(self.buckets, query), len(self.buckets) - 1)
        found = self.buckets[at] == query
        at = at[found]
        for start, stop, times in zip(
            self.offsets[at].tolist(),
            self.offsets[at + 1].tolist(),
            wanted[found].tolist(),
            strict=True,
        ):
            counts = self.counts[start:stop]
            names = self.names[start:stop]
            if times < 255:
                common[names] += np.minimum(counts, times)
            else:  # a stored 255 may stand for more
                common[names] += np.where(counts == 255, times, counts.astype(np.int64))


def _needed(ratio_percent: float) -> float:
    """The share of the shorter string's letters that a window must hold in common for
    an Indel ratio of ratio_percent (2c / (len + window) with window >= c)."""
    r = ratio_percent / 100
    return r / (2 - r) if r <= 1 else float("inf")

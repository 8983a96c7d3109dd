"""The maths that lets name search score only the names that can match.

`NameArrays` holds, for each distinct folded name, what the bounds need: its length,
the length of its distinct words, how many of each letter it holds (a numpy matrix),
which names hold each word, and which hold each pair of adjacent letters. For one query,
`Candidates` finds in one vectorized pass the names that *could* reach a cutoff: every
part of rapidfuzz's WRatio is bounded by how many letters (and adjacent pairs) two
strings share, and a shared word is the only way past that bound. Only those names are
scored, by WRatio itself, so the results are exactly those of scoring every name.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

# The score of a name that holds the query (or is held by it), when one is between 1.5
# and 8 times as long as the other: WRatio's partial_ratio (100) scaled by 0.9, which no
# other part of WRatio can beat at that length ratio.
HOLDS = 90.0
# The score of a name that shares a word with the query at such a length ratio, unless
# partial_ratio does better: partial_token_ratio (100) scaled by 0.95 and 0.9.
SHARED = 100 * 0.95 * 0.9
# The score of a long name that holds each word of the query, some only as the start
# of a word of its own (Candidates.holding_words), of at least FRAGMENT letters.
STARTS = 85.0
FRAGMENT = 3
# Bounds are lowered by this much, so that rounding never drops a name.
_SLACK = 0.99
# A query's letter that comes at most this often is counted by comparisons.
_FEW = 4
# Up to this many names that may hold the query are tested without counting pairs.
_TESTED_WITHOUT_PAIRS = 4000
# From this many names to score, the scoring runs on every core.
_PARALLEL_FROM = 1000
# Queries of at most this many letters bound partial_ratio by the ends of each name
# too (Candidates._ends_bound): ENDS letters of each end are kept per name.
ENDS = 7
_NO_BUCKET = 255

# Letter counts: a-z, space, and 36 buckets shared by every other character (by code
# point). Merging letters into a bucket can only overstate what two names share, so the
# bound stays safe.
_SPACE, _OTHER, _OTHER_BUCKETS = 26, 27, 36
BUCKETS = _OTHER + _OTHER_BUCKETS


def _bucket_codes(text: str) -> np.ndarray:
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    codes = (points % _OTHER_BUCKETS).astype(np.int64) + _OTHER
    letters = (points >= 97) & (points <= 122)
    codes[letters] = points[letters] - 97
    codes[points == 32] = _SPACE
    return codes


def _unique_words(folded: str) -> str:
    return " ".join(sorted(set(folded.split())))


@dataclass(slots=True)
class NameArrays:
    """Per distinct folded name (numbered from 0 in the order first seen), in arrays
    that grow by a quarter: letter counts (one row per bucket, stopping at 255), length,
    and the length of its distinct words sorted and joined (what token_set compares);
    which names hold each word; and which hold each pair of adjacent letters (no space),
    in chunks (one per `index`, merged now and then)."""

    folded: list[str] = field(default_factory=list)
    words: dict[str, array[int]] = field(default_factory=dict)
    counts: np.ndarray = field(default_factory=lambda: np.zeros((BUCKETS, 0), dtype=np.uint8))
    lengths: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    word_lengths: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    pairs: list[PairChunk] = field(default_factory=list)
    # Per name, the buckets of its first and of its last ENDS letters (the last ones
    # read from the end; _NO_BUCKET past a short name's length), made as names are
    # indexed rather than on a keystroke: derived from `folded`, so not in `state`.
    _heads: np.ndarray = field(default_factory=lambda: np.zeros((0, ENDS), dtype=np.uint8))
    _tails: np.ndarray = field(default_factory=lambda: np.zeros((0, ENDS), dtype=np.uint8))

    def ends(self) -> tuple[np.ndarray, np.ndarray]:
        """The heads and tails of every name (see `_heads`), extended to names added since."""
        done, count = len(self._heads), len(self.folded)
        if done < count:
            new = self.folded[done:]
            lengths = np.fromiter(map(len, new), dtype=np.int64, count=len(new))
            # One bucket past the last letter stands for "no letter there".
            codes = np.append(_bucket_codes("".join(new)).astype(np.uint8), _NO_BUCKET)
            ends = np.cumsum(lengths)
            steps = np.arange(ENDS, dtype=np.int64)
            past = steps >= lengths[:, None]
            heads = np.where(past, len(codes) - 1, (ends - lengths)[:, None] + steps)
            tails = np.where(past, len(codes) - 1, ends[:, None] - 1 - steps)
            self._heads = np.concatenate([self._heads, codes[heads]])
            self._tails = np.concatenate([self._tails, codes[tails]])
        return self._heads, self._tails

    def append(self, folded: str) -> int:
        """Number a new name (indexed by the next `index`)."""
        index = len(self.folded)
        self.folded.append(folded)
        for word in set(folded.split()):
            holding = self.words.get(word)
            if holding is None:
                self.words[word] = array("i", (index,))
            else:
                holding.append(index)
        return index

    def index(self, start: int) -> None:
        """Count the letters, lengths and pairs of the names appended from `start` on."""
        new = self.folded[start:]
        count = len(self.folded)
        if count > len(self.lengths):
            self._grow(start, max(count, len(self.lengths) * 5 // 4, 1024))
        lengths = np.fromiter(map(len, new), dtype=np.int32, count=len(new))
        rows = np.repeat(np.arange(len(new), dtype=np.int64), lengths)
        flat = np.bincount(
            rows * BUCKETS + _bucket_codes("".join(new)), minlength=len(new) * BUCKETS
        )
        self.counts[:, start:count] = np.minimum(flat, 255).reshape(len(new), BUCKETS).T
        self.lengths[start:count] = lengths
        self.word_lengths[start:count] = [len(_unique_words(name)) for name in new]
        self.pairs.append(PairChunk.of(new, lengths, start))
        if len(self.pairs) > 6:
            self.pairs = [PairChunk.merged(self.pairs)]
        self.ends()

    def state(self) -> dict[str, np.ndarray]:
        """What `from_state` needs to make these arrays again, as flat numpy arrays
        (tui.index.snapshot stores them); the names themselves are the caller's."""
        count = len(self.folded)
        if not self.pairs:
            chunk = PairChunk.build(np.zeros(0, np.int64), np.zeros(0, np.int64))
        else:
            chunk = PairChunk.merged(self.pairs) if len(self.pairs) > 1 else self.pairs[0]
        words = list(self.words)
        return {
            "words": joined_texts(words),
            "word_counts": np.fromiter(map(len, self.words.values()), np.int32, len(words)),
            "word_names": np.frombuffer(
                b"".join(held.tobytes() for held in self.words.values()), dtype=np.int32
            ),
            "counts": np.ascontiguousarray(self.counts[:, :count]),
            "lengths": self.lengths[:count].copy(),
            "word_lengths": self.word_lengths[:count].copy(),
            "pair_buckets": chunk.buckets,
            "pair_offsets": chunk.offsets,
            "pair_names": chunk.names,
            "pair_counts": chunk.counts,
        }

    @classmethod
    def from_state(cls, folded: list[str], state: dict[str, np.ndarray]) -> NameArrays:
        """The arrays `state` gave for these names; ValueError when they do not fit
        together (a damaged snapshot)."""
        count = len(folded)
        words = split_texts(state["words"])
        word_counts, word_names = state["word_counts"], state["word_names"]
        offsets = state["pair_offsets"]
        pair_names = state["pair_names"]
        fits = (
            state["counts"].shape == (BUCKETS, count)
            and state["lengths"].shape == state["word_lengths"].shape == (count,)
            and len(word_counts) == len(words)
            and int(word_counts.sum()) == len(word_names)
            and (not len(word_names) or 0 <= word_names.min() <= word_names.max() < count)
            and len(offsets) == len(state["pair_buckets"]) + 1
            and len(pair_names)
            == len(state["pair_counts"])
            == (offsets[-1] if len(offsets) else -1)
            and bool(np.all(np.diff(offsets) > 0))
            and bool(np.all(np.diff(state["pair_buckets"].astype(np.int64)) > 0))
            and (not len(pair_names) or 0 <= pair_names.min() <= pair_names.max() < count)
        )
        if not fits:
            raise ValueError("the name arrays do not fit together")
        held = memoryview(word_names.astype(np.int32).tobytes())
        by_word: dict[str, array[int]] = {}
        at = 0
        for word, size in zip(words, word_counts.tolist(), strict=True):
            names = by_word[word] = array("i")
            names.frombytes(held[at * 4 : (at + size) * 4])
            at += size
        chunk = PairChunk(state["pair_buckets"], offsets, pair_names, state["pair_counts"])
        arrays = cls(
            folded,
            by_word,
            state["counts"].copy(),
            state["lengths"].copy(),
            state["word_lengths"].copy(),
            [chunk],
        )
        arrays.ends()
        return arrays

    def _grow(self, used: int, capacity: int) -> None:
        counts = np.zeros((BUCKETS, capacity), dtype=np.uint8)
        counts[:, :used] = self.counts[:, :used]
        self.counts = counts
        for name in ("lengths", "word_lengths"):
            grown = np.zeros(capacity, dtype=np.int32)
            grown[:used] = getattr(self, name)[:used]
            setattr(self, name, grown)


def joined_texts(texts: list[str]) -> np.ndarray:
    """Strings without a newline (folded names and their words), as UTF-8 bytes."""
    return np.frombuffer("\n".join(texts).encode("utf-8"), dtype=np.uint8)


def split_texts(joined: np.ndarray) -> list[str]:
    text = joined.tobytes().decode("utf-8")
    return text.split("\n") if text else []


class Candidates:
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

    def __init__(
        self,
        arrays: NameArrays,
        folded: str,
        among: np.ndarray | None = None,
        floor: float = 0.0,
    ) -> None:
        """`among`: per name, whether it may be found at all. `floor`: the lowest
        cutoff `scored` will be asked for; only the names that may reach it by their
        letters (or by a shared word) are looked at any further."""
        self.arrays = arrays
        self.folded = folded
        self.among = among
        self.floor = floor
        count = len(arrays.folded)
        lengths = arrays.lengths[:count]
        m = len(folded)
        query_counts = np.bincount(_bucket_codes(folded), minlength=BUCKETS)
        # Letters in common are at most the query's length: a narrow type when that
        # fits, so each pass over the names moves less memory.
        common: np.ndarray = np.zeros(count, dtype=np.uint8 if m < 255 else np.int32)
        for bucket in np.flatnonzero(query_counts).tolist():
            # Stored counts stop at 255, so a query with more leaves them as they are.
            times = int(query_counts[bucket])
            row = arrays.counts[bucket, :count]
            if times <= _FEW:
                # min(row, times) as a sum of comparisons: numpy's minimum of uint8
                # is several times slower than a comparison.
                for least in range(1, times + 1):
                    common += row >= least
            else:
                common += np.minimum(row, times) if times < 255 else row
        unique_length = len(_unique_words(folded))
        word_lengths = arrays.word_lengths[:count]
        shares_word = np.zeros(count, dtype=bool)
        for word in set(folded.split()):
            holders = arrays.words.get(word)
            if holders:
                shares_word[np.frombuffer(holders, dtype=np.int32)] = True
        # Every bound on letters below is at least `_least_share(floor)` of the
        # shorter distinct-word length (which is at most the shorter length), and
        # nothing more than 8 times as long as the other can match.
        need = np.ceil(
            _least_share(floor) * _SLACK * np.minimum(np.arange(unique_length + 1), unique_length)
        ).astype(common.dtype)
        within = (lengths <= 8 * m) & (8 * lengths >= m)
        looked = within & (shares_word | (common >= need[np.minimum(word_lengths, unique_length)]))
        if among is not None:
            looked &= among
        # From here on, every array is of those names only: `names` are their numbers.
        self.names = names = np.flatnonzero(looked)
        self.common: np.ndarray = common[names]
        self.lengths = lengths[names]
        self.shares_word = shares_word[names]
        self.shorter = np.minimum(self.lengths, m)
        longer = np.maximum(self.lengths, m)
        self.close = 2 * longer < 3 * self.shorter
        self.far = ~self.close
        names_word_lengths = word_lengths[names]
        self.word_sum = names_word_lengths + unique_length
        self.word_shorter = np.minimum(names_word_lengths, unique_length)
        self.holds: np.ndarray | None = None
        self._pairs: np.ndarray | None = None
        # Spaces in the shorter string (by length, and by distinct words).
        name_spaces = arrays.counts[_SPACE, names].astype(np.int32)
        self.spaces = np.where(self.lengths < m, name_spaces, folded.count(" "))
        query_words = len(set(folded.split()))
        self.word_spaces = np.where(
            names_word_lengths < unique_length, name_spaces, query_words - 1
        )

    @property
    def pairs(self) -> np.ndarray:
        """Per name looked at, the pairs of adjacent letters it shares with the query
        (computed when a bound first needs them)."""
        if self._pairs is None:
            query_pairs, wanted = _pair_counts(self.folded)
            # At most the query's pairs: a narrow type when that fits, as for letters.
            every = np.zeros(len(self.arrays.folded), dtype=self.common.dtype)
            if len(query_pairs) and len(self.names):
                for chunk in self.arrays.pairs:
                    chunk.add_common(query_pairs, wanted, every)
            self._pairs = every[self.names]
        return self._pairs

    def scored(self, cutoff: float) -> list[tuple[float, int]]:
        """(score, name index) of every name scoring at least the cutoff (90 or 70),
        which is not below the floor."""
        if cutoff < self.floor:
            raise ValueError(f"a cutoff below the floor {self.floor} misses names")
        arrays, m, names = self.arrays, len(self.folded), self.names
        common = self.common
        holds = self._holds()
        hits: list[tuple[float, int]] = [(HOLDS, index) for index in names[holds].tolist()]
        # Similar lengths: ratio >= cutoff or token ratios >= cutoff / 0.95.
        close_bound = np.minimum(
            (cutoff / 200) * (self.lengths + m), (cutoff / 190) * self.word_sum
        )
        to_score = np.flatnonzero(
            self.close & (self.shares_word | (common >= close_bound * _SLACK))
        )
        if cutoff <= SHARED:
            far = self.far.copy()
            far[holds] = False
            sharing = far & self.shares_word
            short = sharing & (self.shorter <= 10)
            hits += self.sharing()
            # A far name without a shared word scores through ratio, partial_ratio or
            # partial_token_ratio; each has its bound on letters (and pairs) in common.
            ratio = common >= (cutoff / 200) * (self.lengths + m) * _SLACK
            partial = self._window_bound(cutoff / 0.9, self.shorter, self.spaces)
            partial &= self._ends_bound(cutoff / 0.9)
            tokens = self._window_bound(cutoff / 0.855, self.word_shorter, self.word_spaces)
            # A longer one scores 85.5 too, unless 0.9 * partial_ratio beats it: only
            # those that may reach partial_ratio 95 are scored.
            long_sharing = sharing & ~short
            above = long_sharing & self._window_bound(SHARED / 0.9, self.shorter, self.spaces)
            unscored = names[long_sharing & ~above]
            hits += [(SHARED, index) for index in unscored.tolist()]
            far_to_score = above | (far & ~self.shares_word & (ratio | partial | tokens))
            to_score = np.union1d(to_score, np.flatnonzero(far_to_score))
        hits += score(self.folded, arrays.folded, names[to_score], cutoff)
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

    def _ends_bound(self, ratio_percent: float) -> np.ndarray:
        """Names longer than a short query that may reach this partial_ratio; the
        others (shorter names, longer queries) all may, as far as this bound says.

        partial_ratio compares the query (L letters) with every window of L letters of
        the name, and with its prefixes and suffixes of fewer letters (the query slid
        past either end). A window of L letters at Indel ratio r keeps at least
        l = ceil(r L) letters of the query in a common subsequence, so it has l letters
        in common with it, and at least 3l - 1 - 2L of its adjacent pairs, fewer two a
        space (_window_bound says why); a prefix or suffix of w < L letters needs
        ceil(r (L + w) / 2) letters in common, at most w. For a short query, where
        few letters in common bound nothing, that leaves the names whose ends hold
        most of what was typed ("obr": a name starting "ob", "or" or "br")."""
        m = len(self.folded)
        r = ratio_percent / 100
        longer = self.lengths > m
        if not 2 <= m <= ENDS + 1 or r > 1 or not longer.any():
            return np.ones(len(self.names), dtype=bool)
        middle_letters = np.ceil(r * m * _SLACK)
        spaces = self.folded.count(" ")
        enough = (self.common >= middle_letters) & (
            self.pairs >= 3 * middle_letters - 1 - 2 * m - 2 * spaces - 0.01
        )
        windows = [
            (w, int(np.ceil(r * (m + w) / 2 * _SLACK)))
            for w in range(1, m)
            if np.ceil(r * (m + w) / 2 * _SLACK) <= w
        ]
        if windows:
            heads, tails = self.arrays.ends()
            at = self.names[longer]
            query_counts = np.bincount(_bucket_codes(self.folded), minlength=BUCKETS)
            for ends in (heads[at], tails[at]):
                # Per name and per prefix length, the letters in common with the query.
                common = np.zeros(ends.shape, dtype=np.int32)
                for bucket in np.flatnonzero(query_counts).tolist():
                    held = np.cumsum(ends == bucket, axis=1, dtype=np.int32)
                    common += np.minimum(held, int(query_counts[bucket]))
                reached = np.zeros(len(at), dtype=bool)
                for w, least in windows:
                    reached |= common[:, w - 1] >= least
                enough[longer] |= reached
        found: np.ndarray = enough | ~longer
        return found

    def sharing(self) -> list[tuple[float, int]]:
        """Names that share a word with the query at a length ratio from 1.5 to 8, don't
        hold it, and of which the shorter string has at most 10 letters: exactly 85.5.

        A shared word makes partial_token_ratio 100, so the score is 85.5, or 0.9 *
        partial_ratio when that is higher, which takes a shorter string of more than 10
        letters (19 of 20 letters in common score 95)."""
        far = self.far & self.shares_word & (self.shorter <= 10)
        far[self._holds()] = False
        return [(SHARED, index) for index in self.names[far].tolist()]

    def sharing_at_least(self) -> list[tuple[float, int]]:
        """Names that share a word with the query at a length ratio from 1.5 to 8 and
        don't hold it, whatever their length: each scores 85.5 or more (a lower bound,
        for counting what a floor of 85.5 would find)."""
        far = self.far & self.shares_word
        far[self._holds()] = False
        return [(SHARED, index) for index in self.names[far].tolist()]

    def holding_words(self) -> list[tuple[float, int]]:
        """Names more than 8 times as long as the query that hold each of its words, at
        the score of a shared word (85.5); or that hold some of them as the start of a
        word of theirs ("biomed" of "biomedicine", from `FRAGMENT` letters), at 85.

        WRatio scales partial scores by 0.6 beyond that length ratio, so such a name
        scores 60 at most, however plainly it holds what was typed: "bnp" in "meeting
        with bnp paribas chairman le mingham". For titles (tui.index.mixed) that is
        what a short query is for; for names it is not asked."""
        arrays, count = self.arrays, len(self.arrays.folded)
        wanted = arrays.lengths[:count] > 8 * len(self.folded)
        if self.among is not None:
            wanted &= self.among
        whole = wanted.copy()
        for word in set(self.folded.split()):
            holding = np.zeros(count, dtype=bool)
            holders = arrays.words.get(word)
            if holders:
                holding[np.frombuffer(holders, dtype=np.int32)] = True
            whole &= holding
            if len(word) >= FRAGMENT:
                for other in arrays.words:
                    if other.startswith(word) and other != word:
                        holding[np.frombuffer(arrays.words[other], dtype=np.int32)] = True
            wanted &= holding
            if not wanted.any():
                return []
        return [
            (SHARED if held else STARTS, index)
            for index, held in zip(
                np.flatnonzero(wanted).tolist(), whole[wanted].tolist(), strict=True
            )
        ]

    def _holds(self) -> np.ndarray:
        """Names between 1.5 and 8 times as long as the query (or as short) that hold
        it (or that it holds): partial_ratio 100, and exactly 90 (by their place among
        the names looked at)."""
        if self.holds is None:
            folded, m, names = self.folded, len(self.folded), self.arrays.folded
            # The shorter string's letters are all in the longer, and so are its pairs
            # of adjacent letters (each space breaks two). Counting the pairs costs
            # more than testing a few thousand names for the query itself.
            maybe = np.flatnonzero(self.far & (self.common >= self.shorter))
            if self._pairs is not None or len(maybe) > _TESTED_WITHOUT_PAIRS:
                spaces = self.spaces[maybe]
                maybe = maybe[self.pairs[maybe] >= self.shorter[maybe] - 1 - 2 * spaces]
            known = np.zeros(0, dtype=np.int64)
            if " " not in folded:
                # A longer name with the query as one of its words holds it: thousands
                # of titles hold "meeting", and the word index says which.
                by_word = self.shares_word[maybe] & (self.lengths[maybe] > m)
                known, maybe = maybe[by_word], maybe[~by_word]
            found = [
                at
                for at, index in zip(maybe.tolist(), self.names[maybe].tolist(), strict=True)
                if (folded in names[index] if m < len(names[index]) else names[index] in folded)
            ]
            self.holds = np.sort(np.concatenate([known, np.array(found, dtype=np.int64)]))
        return self.holds


def _least_share(cutoff: float) -> float:
    """The least share of the shorter string's letters (by distinct words) that a name
    not sharing a word must have in common with the query to score `cutoff` by any
    part of WRatio (Candidates says each part's bound; this is the lowest of them)."""
    shares = [cutoff / 100, 1.0]
    for scale in (0.9, 0.855):  # partial_ratio, partial_token_ratio
        r = cutoff / 100 / scale
        if r <= 1:
            shares.append(r / (2 - r))
    return min(shares)


def score(
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
class PairChunk:
    """For a run of names: by pair bucket, which names hold that pair and how often.

    Holdings are sorted by bucket, then name; `buckets` lists the buckets present and
    `offsets` where each one's holdings start (and the last one's end). Counts stop at
    255 (uint8), which then means "255 or more"."""

    buckets: np.ndarray  # uint16, sorted
    offsets: np.ndarray  # int32, one more than buckets
    names: np.ndarray  # int32
    counts: np.ndarray  # uint8

    @classmethod
    def of(cls, names: list[str], lengths: np.ndarray, start: int) -> PairChunk:
        points = np.frombuffer("".join(names).encode("utf-32-le"), dtype=np.uint32)
        rows = np.repeat(np.arange(start, start + len(names), dtype=np.int64), lengths)
        if len(points) < 2:
            return cls.build(np.zeros(0, np.int64), np.zeros(0, np.int64))
        keep = (rows[:-1] == rows[1:]) & (points[:-1] != 32) & (points[1:] != 32)
        return cls.build(_pair_buckets(points)[keep], rows[:-1][keep])

    @classmethod
    def build(cls, buckets: np.ndarray, names: np.ndarray) -> PairChunk:
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
    def merged(cls, chunks: list[PairChunk]) -> PairChunk:
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
            if times == 1:  # every holding holds the pair at least once
                common[names] += 1
            elif times < 255:
                common[names] += np.minimum(counts, times)
            else:  # a stored 255 may stand for more
                common[names] += np.where(counts == 255, times, counts.astype(np.int64))

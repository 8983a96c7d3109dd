"""Finding a person (or anything with names) the way one types a half-remembered name.

Names and aliases are folded once, when the index is built; a query is folded the same
way and scored with rapidfuzz's WRatio, which copes with typos (`obreg`), partial names
(`yumin`), word order (`mingham le`) and spacing (`le mingham`) in one measure.

Scoring every name on each keystroke is too slow at 100,000 people, so only the names
that can reach the cutoff are scored (tui.index.pruning says how they are found), and
the results are exactly those of scoring every name. When enough people score 90 or
more, names that cannot reach 90 are not scored at all; a name that holds the query (or
is held by it) at a length ratio between 1.5 and 8 scores exactly 90 and needs no
scoring either.

An office's archive names some 400,000 people, so the index stores little per name
(about 300 bytes, most of it the folded string, its place in a dict and its letter
counts): people are numbers, not objects, and who holds a name is a linked list in flat
integer arrays; which names hold a word or a pair of letters are integer arrays too.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from tui.index.names import fold
from tui.index.pruning import HOLDS, SHARED, Candidates, NameArrays, joined_texts, split_texts

# Below this a match is more noise than help (a 5-letter name with two letters
# swapped scores 80).
SCORE_CUTOFF = 70.0


@dataclass(frozen=True, slots=True)
class NameMatch:
    person: int  # the person's number (see NameSearch.add)
    score: float
    variant: int  # which of the person's names matched, as an index into those given


class NameSearch:
    """An index of people by every name they go by.

    People are numbered in the order they are added, from 0 over the index's life; a
    number is never reused, not even once its person is removed."""

    def __init__(self) -> None:
        # One entry per distinct folded name, many people may share it; names stay
        # when the people who hold them are removed.
        self._arrays = NameArrays()
        self._folded = self._arrays.folded
        self._position: dict[str, int] = {}
        # Who holds each name: per name its latest holding (-1: none), per holding the
        # person, which of their names it is, and the holding of the same name before.
        self._latest = array("i")
        self._holder = array("i")
        self._variant = array("i")
        self._before = array("i")
        self._alive = bytearray()  # per person: 1, or 0 once removed
        # Per name, the tags of all who ever held it, or-ed (see `add`).
        self._tags = bytearray()

    def state(self) -> dict[str, np.ndarray]:
        """The index as flat numpy arrays, for `from_state` (tui.index.snapshot)."""
        return {
            "folded": joined_texts(self._folded),
            "latest": np.frombuffer(self._latest, dtype=np.int32),
            "holder": np.frombuffer(self._holder, dtype=np.int32),
            "variant": np.frombuffer(self._variant, dtype=np.int32),
            "before": np.frombuffer(self._before, dtype=np.int32),
            "alive": np.frombuffer(self._alive, dtype=np.uint8),
            "tags": np.frombuffer(self._tags, dtype=np.uint8),
            **self._arrays.state(),
        }

    @classmethod
    def from_state(cls, state: dict[str, np.ndarray]) -> NameSearch:
        """The index `state` gave; ValueError when its arrays do not fit together."""
        folded = split_texts(state["folded"])
        names, people = len(folded), len(state["alive"])
        holder, before, latest = state["holder"], state["before"], state["latest"]
        holdings = len(holder)
        fits = (
            len(set(folded)) == names
            and len(latest) == len(state["tags"]) == names
            and len(state["variant"]) == len(before) == holdings
            and _within(holder, 0, people)
            and _within(latest, -1, holdings)
            and _within(before, -1, holdings)
            and _within(state["variant"], 0, 1 << 30)
        )
        if not fits:
            raise ValueError("the name search's arrays do not fit together")
        search = cls()
        search._arrays = NameArrays.from_state(folded, state)
        search._folded = search._arrays.folded
        search._position = dict(zip(folded, range(names), strict=True))
        for name in ("latest", "holder", "variant", "before"):
            getattr(search, f"_{name}").frombytes(state[name].astype(np.int32).tobytes())
        search._alive = bytearray(state["alive"].tobytes())
        search._tags = bytearray(state["tags"].tobytes())
        return search

    @property
    def people(self) -> int:
        """How many people were ever added (removed ones too)."""
        return len(self._alive)

    def add(self, people: Iterable[Sequence[str]], tags: Iterable[int] | None = None) -> None:
        """Index people, numbered in the order they are added over the index's life
        (0, 1, 2, ...): each item is the names one person goes by (name first, then
        aliases, ...). A name that folds to nothing is not indexed, but still counts
        in the variant numbers of NameMatch. `tags`, one per person (bits of a byte),
        let a search skip names that nobody with a wanted tag holds."""
        start = len(self._folded)
        try:
            self._hold(people, tags)
        finally:  # those added before a failure are indexed all the same
            if len(self._folded) > start:
                self._arrays.index(start)

    def _hold(self, people: Iterable[Sequence[str]], tags: Iterable[int] | None) -> None:
        """Number people, and note the names they hold (new names at the end)."""
        arrays, position = self._arrays, self._position
        latest, holder, variant, before = self._latest, self._holder, self._variant, self._before
        alive, name_tags = self._alive, self._tags
        each_tag = iter(tags) if tags is not None else None
        for names in people:
            if isinstance(names, str):
                raise TypeError("each person is a sequence of names, not one string")
            person = len(alive)
            alive.append(1)
            tag = 0xFF if each_tag is None else next(each_tag)
            for ordinal, text in enumerate(names):
                folded = fold(text)
                if not folded:
                    continue
                index = position.get(folded)
                if index is None:
                    index = position[folded] = arrays.append(folded)
                    latest.append(-1)
                    name_tags.append(tag)
                elif holder[latest[index]] == person:
                    continue  # two of one person's names fold the same: the first counts
                else:
                    name_tags[index] |= tag
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

    def __len__(self) -> int:
        """How many distinct folded names are indexed (those of removed people too)."""
        return len(self._folded)

    def search(
        self,
        query: str,
        limit: int = 20,
        where: Callable[[int], bool] | None = None,
        key: Callable[[int, str], Hashable] | None = None,
        cutoff: float = SCORE_CUTOFF,
        tags: int | None = None,
        whole_words: bool = False,
    ) -> list[NameMatch]:
        """The best matches first, at most one per person; with `where`, only the
        people it accepts; with `key`, at most one per key of (person, the folded name
        matched) instead (its first holder), so that many holders of one name take one
        place (a theme that came up in a hundred briefings). Nothing scoring below
        `cutoff` (at most 85.5, where a shared word scores) is found. With `tags`, only
        names held by someone with one of these tags are looked at (then `where` can
        say which of their holders count). With `whole_words`, a name too long for
        WRatio to find (more than 8 times the query) is found when it holds every word
        of the query, at the score of a shared word (Candidates.holding_words), when
        fewer than `limit` are found otherwise."""
        found = self.query(query, limit, where, key, cutoff, tags, whole_words)
        if found is None:
            return []
        if found.count() < limit:
            found.lower(found.sharing_count() >= limit)
            if found.count() < limit:
                found.add_words()
        return found.ranked()

    def query(
        self,
        query: str,
        limit: int = 20,
        where: Callable[[int], bool] | None = None,
        key: Callable[[int, str], Hashable] | None = None,
        cutoff: float = SCORE_CUTOFF,
        tags: int | None = None,
        whole_words: bool = False,
        by_name: int = 0,
    ) -> Query | None:
        """`search` a stage at a time (None: nothing can match), for a caller that
        asks two indexes in step (tui.index.mixed); `by_name` as _Grouping says."""
        if cutoff > SHARED:
            raise ValueError(f"a cutoff above {SHARED} would drop names sharing a word")
        folded = fold(query)
        if not folded or limit <= 0 or not self._folded:
            return None
        among = None
        if tags is not None:
            among = (np.frombuffer(bytes(self._tags), dtype=np.uint8) & tags) != 0
        candidates = Candidates(self._arrays, folded, among, cutoff)
        grouping = _Grouping(self, where, key, by_name)
        return Query(self, candidates, grouping, limit, cutoff, whole_words)

    def _ranked(
        self, folded: str, hits: list[tuple[float, int]], limit: int, grouping: _Grouping
    ) -> list[NameMatch]:
        # Equal scores: a name with a word that starts as typed first ("le" finds Le
        # Mingham before Diplé), then the closer plain ratio, then alphabetical, so the
        # order is stable from one keystroke to the next. Tie-breaks are computed one
        # score at a time, best first, until the list is full.
        by_score: dict[float, list[int]] = {}
        for score, index in hits:
            by_score.setdefault(score, []).append(index)
        matches: list[NameMatch] = []
        seen: set[Hashable] = set()
        for score in sorted(by_score, reverse=True):
            for index in self._tie_order(folded, by_score[score], limit - len(matches)):
                for group, person, variant in grouping.matches(index):
                    if group not in seen:
                        seen.add(group)
                        matches.append(NameMatch(person, score, variant))
                        if len(matches) == limit:
                            return matches
        return matches

    def _tie_order(self, folded: str, group: list[int], needed: int) -> Iterator[int]:
        """The names of one score in the order _ranked says: those with a word that
        starts as typed, then the rest, each part by `_by_ratio`."""
        names = self._folded
        word_start = " " + folded
        starting: list[int] = []
        others: list[int] = []
        for index in group:
            # A word of the name starts as typed: " " + folded is in " " + name.
            name = names[index]
            if name.startswith(folded) or word_start in name:
                starting.append(index)
            else:
                others.append(index)
        yield from self._by_ratio(folded, starting, needed)
        yield from self._by_ratio(folded, others, needed - len(starting))

    def _by_ratio(self, folded: str, group: list[int], needed: int) -> Iterator[int]:
        """Names by plain ratio (best first), then alphabetically, worked out a batch at
        a time from those that may come first: a name's plain ratio is at most what its
        length allows, so those of the best lengths are compared first, and the rest
        only when a name could still come before those already compared (thousands of
        names hold "meeting" at 90: the list needs ten)."""
        if not group:
            return
        m = len(folded)
        numbers = np.array(group, dtype=np.int64)
        lengths = self._arrays.lengths[numbers]
        # Raised a little so that rounding never puts a name after one it may tie.
        best_ratio = 200 * np.minimum(lengths, m) / (lengths + m) * (1 + 1e-9) + 1e-9
        order = np.argsort(-best_ratio, kind="stable")
        compared: list[tuple[float, str, int]] = []
        at, batch = 0, max(4 * needed, 16)
        while at < len(order) or compared:
            if at < len(order) and (
                not compared or not compared[0][0] < -float(best_ratio[order[at]])
            ):
                taken = numbers[order[at : at + batch]].tolist()
                at, batch = at + len(taken), 2 * batch
                names = [self._folded[index] for index in taken]
                ratios = process.cdist([folded], names, scorer=fuzz.ratio, dtype=np.float64)[0]
                for index, ratio, name in zip(taken, ratios.tolist(), names, strict=True):
                    heapq.heappush(compared, (-ratio, name, index))
                continue
            yield heapq.heappop(compared)[2]


def _within(values: np.ndarray, low: int, high: int) -> bool:
    """Whether every value is at least `low` and below `high`."""
    return not len(values) or (low <= int(values.min()) and int(values.max()) < high)


class Query:
    """One query on one index, its names scored a floor at a time: first only what can
    score 90 or more; when that makes enough matches, nothing below 90 can make the
    list. Then what can score 85.5, when names sharing a word with the query make
    enough at that score without scoring them; else down to the cutoff."""

    def __init__(
        self,
        index: NameSearch,
        candidates: Candidates,
        grouping: _Grouping,
        limit: int,
        cutoff: float,
        whole_words: bool,
    ) -> None:
        self.index, self.candidates, self.grouping = index, candidates, grouping
        self.limit, self.cutoff, self.whole_words = limit, cutoff, whole_words
        self.hits = candidates.scored(HOLDS)
        self._count: int | None = None

    def count(self) -> int:
        """How many matches the names scored so far make (at most `limit`)."""
        if self._count is None:
            self._count = self.grouping.count(self.hits, self.limit)
        return self._count

    def sharing_count(self) -> int:
        """The same, with the names that share a word with the query (85.5 or more)."""
        return self.grouping.count(self.hits + self.candidates.sharing_at_least(), self.limit)

    def lower(self, to_shared: bool) -> None:
        """Score down to 85.5 (`to_shared`), or to the cutoff."""
        self.hits = self.candidates.scored(max(SHARED, self.cutoff) if to_shared else self.cutoff)
        self._count = None

    def add_words(self) -> None:
        """With `whole_words`: add the names too long for WRatio that hold each word
        of the query. Only to fill the list: a common word ("dinner") is held by
        thousands of long titles, each a tie to order."""
        if self.whole_words:
            self.hits += self.candidates.holding_words()
            self._count = None

    def ranked(self) -> list[NameMatch]:
        return self.index._ranked(self.candidates.folded, self.hits, self.limit, self.grouping)


class _Grouping:
    """Which match a holder of a name makes: its person by default, else its key (or
    none, when `where` turns the person down).

    `by_name`: tags whose holders of one name make one match, their key depending on
    the name and the tag alone (and `where` taking all or none of them): a name only
    they hold is one match, its first holder's, found without asking `key` of each
    (a theme that came up in thousands of visits)."""

    def __init__(
        self,
        search: NameSearch,
        where: Callable[[int], bool] | None,
        key: Callable[[int, str], Hashable] | None,
        by_name: int = 0,
    ) -> None:
        self.search, self.where, self.key, self.by_name = search, where, key, by_name

    def of(self, person: int, index: int) -> Hashable | None:
        if self.where is not None and not self.where(person):
            return None
        return person if self.key is None else self.key(person, self.search._folded[index])

    def matches(self, index: int) -> list[tuple[Hashable, int, int]]:
        """(group, person, variant) of each match a name makes, by its first holder in
        the order added."""
        found = self.search
        tag = found._tags[index]
        if self.key is not None and (tag & (tag - 1)) == 0 and tag & self.by_name:
            holder, before, alive = found._holder, found._before, found._alive
            first, holding = -1, found._latest[index]
            while holding >= 0:
                if alive[holder[holding]]:
                    first = holding
                holding = before[holding]
            if first < 0:
                return []
            group = self.of(holder[first], index)
            return [] if group is None else [(group, holder[first], found._variant[first])]
        matches = []
        seen: set[Hashable] = set()
        for person, variant in found._holdings(index):
            group = self.of(person, index)
            if group is not None and group not in seen:
                seen.add(group)
                matches.append((group, person, variant))
        return matches

    def count(self, hits: list[tuple[float, int]], enough: int) -> int:
        """How many matches these names make (counting stops at `enough`)."""
        seen: set[Hashable] = set()
        for _, index in hits:
            seen.update(group for group, _, _ in self.matches(index))
            if len(seen) >= enough:
                break
        return len(seen)

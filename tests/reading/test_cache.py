"""The load cache: unchanged files come from it, anything else is read again, and an
entry that is corrupt, truncated, tampered with or foreign is ignored and rebuilt, and
never executes anything."""

from __future__ import annotations

import json
import os
import pickle
import zlib
from pathlib import Path

import pytest

import tui.reading.cache
import tui.reading.loader
from tests.conftest import MINIMAL_YAML, WriteBriefing
from tui.format.outline import outline_of, record_of
from tui.reading.cache import ENV_DIR, ENV_OFF, BriefingCache, default_cache, digest
from tui.reading.loader import LoadedBriefing, LoadedOutline, LoadResult, load_paths


@pytest.fixture
def cache(tmp_path: Path) -> BriefingCache:
    return BriefingCache(tmp_path / "cache")


def entries(cache: BriefingCache) -> list[Path]:
    return sorted(cache.directory.glob("*.entry")) if cache.directory.exists() else []


class ParseCounter:
    """Counts YAML parses: a re-open served by the cache parses nothing."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = tui.reading.loader.parse

        def counting(text: str):  # type: ignore[no-untyped-def]
            self.count += 1
            return original(text)

        monkeypatch.setattr(tui.reading.loader, "parse", counting)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> ParseCounter:
    return ParseCounter(monkeypatch)


def summary(result: LoadResult) -> list[tuple]:
    return [
        (item.briefing, item.path, item.source_path, item.id_line, item.source.text)
        for item in result.briefings
        if item.source is not None
    ] + [(str(problem),) for problem in result.problems]


def test_reopening_unchanged_files_parses_nothing_and_gives_the_same(
    bundled_copy: Path, cache: BriefingCache, parses: ParseCounter
) -> None:
    first = load_paths([bundled_copy], cache=cache)
    assert not first.problems and parses.count == 1
    assert len(entries(cache)) == 1
    again = load_paths([bundled_copy], cache=cache)
    assert parses.count == 1
    assert summary(again) == summary(first)
    assert summary(again) == summary(load_paths([bundled_copy], cache=None))


def test_an_edit_that_keeps_size_and_modification_time_is_seen(
    write_briefing: WriteBriefing, cache: BriefingCache, parses: ParseCounter
) -> None:
    path = write_briefing()
    stat = path.stat()
    assert load_paths([path], cache=cache).briefings[0].briefing.title == "A minimal visit"
    edited = MINIMAL_YAML.replace("A minimal visit", "A minimal trip!")
    assert len(edited) == len(MINIMAL_YAML)
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = load_paths([path], cache=cache)
    assert result.briefings[0].briefing.title == "A minimal trip!"
    assert parses.count == 2


def test_a_changed_source_text_is_seen_and_its_problems_reported(
    write_briefing: WriteBriefing, cache: BriefingCache
) -> None:
    path = write_briefing()
    assert not load_paths([path], cache=cache).problems
    source = path.parent.parent / "seeds" / "minimal.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("trade", "grain"), "utf-8")
    result = load_paths([path], cache=cache)
    assert not result.briefings
    assert any("quote not found" in problem.message for problem in result.problems)


def test_files_with_problems_are_never_cached(
    write_briefing: WriteBriefing, cache: BriefingCache, parses: ParseCounter
) -> None:
    path = write_briefing(MINIMAL_YAML.replace("Mr. Wang Wei", "Mr. Wang Wu"))
    for _ in range(2):
        result = load_paths([path], cache=cache)
        assert result.problems
        assert all("quote not found" in problem.message for problem in result.problems)
    assert parses.count == 2
    assert entries(cache) == []


def test_a_new_package_version_is_a_miss(
    bundled_copy: Path, cache: BriefingCache, parses: ParseCounter, monkeypatch
) -> None:
    load_paths([bundled_copy], cache=cache)
    monkeypatch.setattr(tui.reading.cache, "__version__", "999.0")
    assert not load_paths([bundled_copy], cache=cache).problems
    assert parses.count == 2
    load_paths([bundled_copy], cache=cache)
    assert parses.count == 2  # the new version's entry


# Damaged entries: each is ignored, the file loads from its YAML as if there were no
# cache, and the entry is rebuilt so the next open is a hit again.


def _payload_of(entry: Path) -> tuple[dict, bytes]:
    """The header, and the rest: the outline line and the compressed briefing."""
    head, _, rest = entry.read_bytes().partition(b"\n")
    return json.loads(head), rest


def _parts_of(entry: Path) -> tuple[dict, dict, dict]:
    header, rest = _payload_of(entry)
    outline, _, payload = rest.partition(b"\n")
    return header, json.loads(outline), json.loads(zlib.decompress(payload))


def _write_entry(entry: Path, header: dict, rest: bytes) -> None:
    header = {**header, "payload_digest": digest(rest)}
    entry.write_bytes(json.dumps(header).encode() + b"\n" + rest)


def _write_parts(entry: Path, header: dict, outline: dict, data: dict) -> None:
    rest = json.dumps(outline).encode() + b"\n" + zlib.compress(json.dumps(data).encode())
    _write_entry(entry, header, rest)


def _truncate(entry: Path) -> None:
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2])


def _flip_a_byte(entry: Path) -> None:
    data = bytearray(entry.read_bytes())
    data[-10] ^= 0xFF
    entry.write_bytes(bytes(data))


def _garbage(entry: Path) -> None:
    entry.write_bytes(os.urandom(3000))


def _empty(entry: Path) -> None:
    entry.write_bytes(b"")


def _header_only(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes().partition(b"\n")[0])


def _changed_title_with_digest_recomputed(entry: Path) -> None:
    """A well-formed entry that no longer passes the briefing model."""
    header, outline, data = _parts_of(entry)
    data["briefing"]["id"] = "Not An Id!"
    _write_parts(entry, header, outline, data)


def _extra_field_in_the_briefing(entry: Path) -> None:
    header, outline, data = _parts_of(entry)
    data["briefing"]["__class__"] = "os.system"
    _write_parts(entry, header, outline, data)


def _bad_outline_with_digest_recomputed(entry: Path) -> None:
    """A well-formed entry whose outline no longer passes the outline model."""
    header, outline, data = _parts_of(entry)
    outline["outline"]["people"][0]["name"] = ""
    outline["outline"]["people"][0]["__class__"] = "os.system"
    _write_parts(entry, header, outline, data)


def _outline_citing_another_source(entry: Path) -> None:
    header, outline, data = _parts_of(entry)
    outline["source_path"] = "../elsewhere.txt"
    _write_parts(entry, header, outline, data)


def _foreign_header(entry: Path) -> None:
    header, payload = _payload_of(entry)
    _write_entry(entry, {**header, "cache_format": 99}, payload)


def _wrong_digest_claimed(entry: Path) -> None:
    header, payload = _payload_of(entry)
    _write_entry(entry, {**header, "digest": "0" * 40}, payload)


def _zip_bomb(entry: Path) -> None:
    header, _ = _payload_of(entry)
    _write_entry(entry, header, zlib.compress(b" " * (80 * 1024 * 1024), 9))


def _not_json_but_yaml(entry: Path) -> None:
    entry.write_text("!!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")


DAMAGES = [
    _truncate,
    _flip_a_byte,
    _garbage,
    _empty,
    _header_only,
    _changed_title_with_digest_recomputed,
    _extra_field_in_the_briefing,
    _bad_outline_with_digest_recomputed,
    _outline_citing_another_source,
    _foreign_header,
    _wrong_digest_claimed,
    _zip_bomb,
    _not_json_but_yaml,
]


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda damage: damage.__name__.strip("_"))
def test_a_damaged_entry_is_ignored_and_rebuilt(
    bundled_copy: Path, cache: BriefingCache, parses: ParseCounter, damage
) -> None:
    expected = summary(load_paths([bundled_copy], cache=cache))
    (entry,) = entries(cache)
    damage(entry)
    assert summary(load_paths([bundled_copy], cache=cache)) == expected
    assert parses.count == 2
    assert summary(load_paths([bundled_copy], cache=cache)) == expected
    assert parses.count == 2  # rebuilt: a hit again


# Damage to the compressed briefing alone: the outline is still used (it passes, and
# the digests say the files are unchanged), the briefing is not.
BRIEFING_ONLY = {_changed_title_with_digest_recomputed, _extra_field_in_the_briefing}


@pytest.mark.parametrize(
    "damage", sorted(BRIEFING_ONLY, key=str), ids=lambda damage: damage.__name__.strip("_")
)
def test_a_damaged_briefing_in_an_entry_still_gives_its_outline(
    bundled_copy: Path, cache: BriefingCache, parses: ParseCounter, damage
) -> None:
    first = load_paths([bundled_copy], cache=cache)
    (entry,) = entries(cache)
    damage(entry)
    [outline] = load_paths([bundled_copy], cache=cache, outlines=True).briefings
    assert isinstance(outline, LoadedOutline)
    assert outline.record == first.briefings[0].record
    assert parses.count == 1
    # The briefing itself, when asked for, comes from its YAML.
    assert summary(load_paths([bundled_copy], cache=cache)) == summary(first)
    assert parses.count == 2


@pytest.mark.parametrize(
    "damage",
    [damage for damage in DAMAGES if damage not in BRIEFING_ONLY],
    ids=lambda damage: damage.__name__.strip("_"),
)
def test_a_damaged_entry_gives_no_outline_either(
    bundled_copy: Path, cache: BriefingCache, parses: ParseCounter, damage
) -> None:
    first = load_paths([bundled_copy], cache=cache)
    (entry,) = entries(cache)
    damage(entry)
    # A miss loads the whole briefing from its YAML (and rebuilds the entry)...
    result = load_paths([bundled_copy], cache=cache, outlines=True)
    assert summary(result) == summary(first)
    assert parses.count == 2
    # ...and the next open gets the outline of that briefing from the rebuilt entry.
    [again] = load_paths([bundled_copy], cache=cache, outlines=True).briefings
    assert isinstance(again, LoadedOutline)
    assert again.record == first.briefings[0].record
    assert parses.count == 2


def test_the_outline_from_the_cache_is_the_briefings_outline(
    bundled_copy: Path, cache: BriefingCache, parses: ParseCounter
) -> None:
    [whole] = load_paths([bundled_copy], cache=cache, outlines=True).briefings
    assert isinstance(whole, LoadedBriefing)  # the first open reads the YAML
    [outline] = load_paths([bundled_copy], cache=cache, outlines=True).briefings
    assert parses.count == 1
    assert isinstance(outline, LoadedOutline)
    expected = outline_of(whole.briefing)
    assert outline.record == record_of(expected)
    assert (outline.id, outline.path, outline.source_path, outline.id_line) == (
        whole.briefing.id,
        whole.path,
        whole.source_path,
        whole.id_line,
    )
    names = [person.name for person in expected.people]
    assert names == [counterpart.name for counterpart in whole.briefing.counterparts]
    by_id = {organization.id: organization.name for organization in whole.briefing.organizations}
    assert [person.organization for person in expected.people] == [
        by_id.get(counterpart.organization or "") for counterpart in whole.briefing.counterparts
    ]


class _Boom:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (Path(os.environ["BOOM_MARKER"]),))


def test_a_pickle_in_the_cache_is_never_unpickled(
    bundled_copy: Path, cache: BriefingCache, tmp_path: Path, monkeypatch, parses
) -> None:
    marker = tmp_path / "boom"
    monkeypatch.setenv("BOOM_MARKER", str(marker))
    expected = summary(load_paths([bundled_copy], cache=cache))
    (entry,) = entries(cache)
    header, _ = _payload_of(entry)
    bomb = pickle.dumps(_Boom())
    for content in (bomb, json.dumps(header).encode() + b"\n" + bomb):
        entry.write_bytes(content)
        assert summary(load_paths([bundled_copy], cache=cache)) == expected
    _write_entry(entry, header, bomb)
    assert summary(load_paths([bundled_copy], cache=cache)) == expected
    _write_entry(entry, header, zlib.compress(bomb))
    assert summary(load_paths([bundled_copy], cache=cache)) == expected
    assert not marker.exists()


def test_an_unwritable_cache_is_no_cache(bundled_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    result = load_paths([bundled_copy], cache=BriefingCache(blocker / "cache"))
    assert len(result.briefings) == 1 and not result.problems


def test_the_environment_chooses_the_folder_or_turns_the_cache_off(
    bundled_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv(ENV_DIR, str(tmp_path / "from-env"))
    monkeypatch.delenv(ENV_OFF, raising=False)
    assert default_cache() is not None
    load_paths([bundled_copy])
    assert len(list((tmp_path / "from-env").glob("*.entry"))) == 1

    monkeypatch.setenv(ENV_DIR, str(tmp_path / "off"))
    monkeypatch.setenv(ENV_OFF, "1")
    assert default_cache() is None
    assert len(load_paths([bundled_copy]).briefings) == 1
    assert not (tmp_path / "off").exists()


def test_without_the_environment_the_user_cache_folder_is_used(monkeypatch) -> None:
    monkeypatch.delenv(ENV_DIR, raising=False)
    monkeypatch.delenv(ENV_OFF, raising=False)
    cache = default_cache()
    assert cache is not None
    assert "visit-briefings" in str(cache.directory)


def test_one_entry_per_file_keyed_by_the_resolved_path(
    bundled_copy: Path, cache: BriefingCache, parses: ParseCounter
) -> None:
    load_paths([bundled_copy], cache=cache)
    # The same file by another name (relative, through ..) is the same entry.
    other_name = bundled_copy.parent / ".." / bundled_copy.parent.name / bundled_copy.name
    load_paths([other_name], cache=cache)
    assert parses.count == 1
    assert len(entries(cache)) == 1

"""Reading untrusted YAML: safe tags only, bounded size, and node positions kept.

Briefings are written by hand and passed around, so a file may be broken or hostile.
This module turns text into plain Python data (dicts, lists, scalars) and keeps the
composed node tree, so a problem found later can be pointed at by line and column.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.reading.paths import open_regular

# The C parser is many times faster; the pure-Python one behaves the same.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 4 * 1024 * 1024


class YamlProblem(Exception):
    """A problem with the YAML itself, at a 1-based line and column."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


# Strings up to this long are shared within a document (see construct_document).
_SHARED_LENGTH = 80


@dataclass(frozen=True)
class Document:
    data: Any
    root: Node


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, refusing duplicate keys (which YAML would silently overwrite)
    and merge keys.

    Strings, lists and mappings with string keys, which are nearly all of a briefing,
    are built straight from the node tree (`_build`); anything else goes through the
    safe constructors. The result is the same, in about half the time.
    """

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        # A plain scalar's tag depends on its text alone (the safe loader has no path
        # resolvers), and briefings repeat the same keys thousands of times.
        if kind is ScalarNode and implicit[0]:
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = str(super().resolve(kind, value, implicit))
                if len(value) <= 40 and len(_PLAIN_TAGS) < 20_000:
                    _PLAIN_TAGS[value] = tag
            return tag
        return str(super().resolve(kind, value, implicit))

    def construct_document(self, node: Node) -> Any:
        # One string for each short text the document repeats: ids above all, which
        # events, relations and quotes' holders name again and again, and which an
        # archive keeps of every briefing (validation keeps ids as they are).
        self._strings: dict[str, str] = {}
        try:
            return self._build(node)
        finally:
            self.constructed_objects: dict[Node, Any] = {}
            self.recursive_objects: dict[Node, None] = {}
            self.deep_construct = False
            self.state_generators: list[Any] = []

    def _build(self, node: Node) -> Any:
        kind = node.__class__
        if kind is ScalarNode:
            if node.tag == _STR_TAG:
                value: str = node.value
                if len(value) > _SHARED_LENGTH:
                    return value
                return self._strings.setdefault(value, value)
        elif isinstance(node, MappingNode):
            if node.tag == _MAP_TAG and all(
                key.__class__ is ScalarNode and key.tag == _STR_TAG for key, _ in node.value
            ):
                build = self._build
                mapping = {key.value: build(value) for key, value in node.value}
                if len(mapping) != len(node.value):
                    _raise_duplicate_key(node)
                return mapping
        elif kind is SequenceNode and node.tag == _SEQ_TAG:
            build = self._build
            return [build(item) for item in node.value]
        # Other tags (numbers, booleans, null, timestamps, sets...), and mappings with
        # keys other than strings (merge keys among them): the safe constructors.
        return self.construct_object(node, deep=True)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        for key_node, _ in node.value:
            # Merge keys copy aliased mappings, which older PyYAML releases expand
            # exponentially (a merge-key bomb); a briefing never needs them.
            if key_node.tag == _MERGE_TAG:
                raise yaml.constructor.ConstructorError(
                    None, None, "merge keys (<<) are not allowed", key_node.start_mark
                )
        mapping: dict[Any, Any] = super().construct_mapping(node, deep)
        if len(mapping) != len(node.value):
            _raise_duplicate_key(node)
        return mapping


_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_PLAIN_TAGS: dict[str, str] = {}


def _scalar_guard(construct: Any) -> Any:
    """A scalar constructor whose ValueError (a 5,000-digit integer, the 30th of
    February) becomes a YAML error at the scalar, instead of escaping the loader."""

    def guarded(loader: _StrictLoader, node: ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {node.value[:40]!r}: {error}", node.start_mark
            ) from None

    return guarded


for _tag in ("int", "float", "timestamp"):
    _StrictLoader.add_constructor(
        f"tag:yaml.org,2002:{_tag}",
        _scalar_guard(_StrictLoader.yaml_constructors[f"tag:yaml.org,2002:{_tag}"]),
    )


class _AnchoredLoader(_StrictLoader):
    """For documents with anchors: also refuses aliases of lists or mappings, and
    bounds what aliases of single values add up to.

    Aliased collections are what alias bombs ("billion laughs") and recursive
    documents are made of; a briefing never needs them. An aliased single value costs
    nothing here (every alias is the same string) but is copied at each alias by the
    validation and the checks after it: a 1 MB value aliased a thousand times would
    take gigabytes. So the values that aliases repeat may add up to no more than a
    file may hold. The checks cost a call per node, so documents without anchors
    skip them.
    """

    def construct_document(self, node: Node) -> Any:
        self._built: set[Node] = set()
        self._repeated = 0  # characters that aliases of single values repeat
        return super().construct_document(node)

    def _build(self, node: Node) -> Any:
        if node.__class__ is ScalarNode:
            self._count(node)
        else:
            if node in self._built or node in self.constructed_objects:
                _raise_aliased(node)
            self._built.add(node)
            if node.__class__ is MappingNode:
                for key, _ in node.value:
                    if key.__class__ is ScalarNode:
                        self._count(key)
        return super()._build(node)

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if isinstance(node, ScalarNode):
            if node in self.constructed_objects:
                self._count(node)
        elif node in self.constructed_objects or (node in self._built and not deep):
            _raise_aliased(node)
        return super().construct_object(node, deep)

    def _count(self, node: ScalarNode) -> None:
        if node not in self._built:
            self._built.add(node)
            return
        self._repeated += len(node.value)
        if self._repeated > MAX_FILE_BYTES:
            message = (
                f"the value anchored here is repeated by aliases to more than "
                f"{MAX_FILE_BYTES:,} characters in all, more than a file may hold"
            )
            raise yaml.constructor.ConstructorError(None, None, message, node.start_mark)


def _raise_aliased(node: Node) -> None:
    # The alias itself left no trace in the node tree: point at the anchor.
    message = (
        f"the {_describe(node)} anchored here is repeated by an alias: "
        "aliases of lists or mappings are not allowed"
    )
    raise yaml.constructor.ConstructorError(None, None, message, node.start_mark)


def _raise_duplicate_key(node: MappingNode) -> None:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.value in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key_node.value!r}", key_node.start_mark
            )
        seen.add(key_node.value)


def read_at_most(file: BinaryIO, limit: int) -> bytes:
    """A file's bytes, up to one past the limit (which tells that it is too large).

    `file.read(limit + 1)` would first set aside room for the whole limit, on every
    read of every file; the file's size says how much room it needs. A file that grows
    meanwhile is read on, up to the limit.
    """
    size = os.fstat(file.fileno()).st_size
    raw = file.read(min(size, limit) + 1)
    if len(raw) > size:
        raw += file.read(limit + 1 - len(raw))
    return raw


def read_text(path: Path) -> str:
    """A file's UTF-8 text (a byte-order mark is allowed), read no further than the limit.

    Raises OSError when the file cannot be read or is not a regular file, YamlProblem
    when it is too large or not UTF-8.
    """
    with open_regular(path) as file:
        raw = read_at_most(file, MAX_FILE_BYTES)
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(f"the file is larger than the limit of {MAX_FILE_BYTES:,} bytes", 1, 1)
    # The mark is dropped by hand: the utf-8-sig codec reports error offsets that
    # do not count it.
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        # Columns count characters, as in every other problem; what comes before the
        # first bad byte is valid UTF-8.
        column = len(raw[line_start : error.start].decode("utf-8")) + 1
        raise YamlProblem(
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x})", line, column
        ) from None


def parse(text: str) -> Document:
    """Parse one YAML document whose top level is a mapping."""
    loader = (_AnchoredLoader if "&" in text else _StrictLoader)(text)
    root: Node | None = None
    try:
        root = loader.get_single_node()
        if root is None:
            raise YamlProblem("the file is empty", 1, 1)
        if not isinstance(root, MappingNode):
            raise YamlProblem(
                f"the top level must be a mapping of briefing fields, not a {_describe(root)}",
                root.start_mark.line + 1,
                root.start_mark.column + 1,
            )
        return Document(loader.construct_document(root), root)
    except yaml.MarkedYAMLError as error:
        message, mark = _where_it_starts(text, error)
        raise YamlProblem(
            f"YAML: {message}", mark.line + 1 if mark else None, mark.column + 1 if mark else None
        ) from None
    except yaml.reader.ReaderError as error:
        line, column = _position(text, error.position)
        raise YamlProblem(
            f"YAML: character {error.character!r} is not allowed here", line, column
        ) from None
    except yaml.YAMLError as error:  # anything else the parser may raise
        raise YamlProblem(f"YAML: {error}") from None
    except RecursionError:  # the pure-Python parser recurses once per level
        mark = _deepest(root).start_mark if root is not None else None
        raise YamlProblem(
            "YAML: the file is nested too deeply",
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    finally:
        loader.dispose()


# Problems the parser notices only where an unclosed quote, block or bracket ends,
# which may be the end of the file: its context is where the problem starts.
_OPENED = {
    "while scanning a quoted scalar": "the quoted text",
    "while scanning a block scalar": "the block of text",
    "while parsing a flow mapping": "the { } mapping",
    "while parsing a flow sequence": "the [ ] list",
}


def _where_it_starts(text: str, error: yaml.MarkedYAMLError) -> tuple[str, Any]:
    """The message and the mark of a YAML error, placed where the problem starts."""
    message = " ".join(part for part in (error.context, error.problem) if part)
    noticed = error.problem_mark
    opening = _OPENED.get(error.context or "")
    if error.context_mark is not None and opening is not None:
        where = f"at line {noticed.line + 1}: " if noticed is not None else ""
        return (
            f"{opening} that starts here is not closed (the parser stopped {where}{error.problem})",
            error.context_mark,
        )
    opened = _quote_running_to(text, noticed.line) if noticed is not None else None
    if opened is not None and noticed is not None:
        # A quote closed by the next value's opening quote: the parser fails where
        # that value's text is left over, lines after the quote that is missing.
        return (
            f"the quoted text that starts here runs on to line {noticed.line + 1}, where "
            f"the parser stopped; is its closing quote missing? ({message})",
            opened,
        )
    return message, noticed or error.context_mark


def _quote_running_to(text: str, line: int) -> Any:
    """The start mark of a quoted scalar over several lines that ends on the line,
    if the scanner finds one before the error."""
    last = None
    try:
        for token in yaml.scan(text, Loader=_BaseLoader):
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.start_mark.line < token.end_mark.line == line
            ):
                last = token.start_mark
            if token.start_mark.line > line:
                break
    except yaml.YAMLError:
        pass
    return last


def _deepest(root: Node) -> Node:
    """The most deeply nested node, found without recursion (aliases may loop)."""
    deepest, most = root, 0
    stack, seen = [(root, 0)], {id(root)}
    while stack:
        node, depth = stack.pop()
        if depth > most:
            deepest, most = node, depth
        children = node.value if isinstance(node, SequenceNode) else []
        if isinstance(node, MappingNode):
            children = [child for pair in node.value for child in pair]
        for child in children:
            if id(child) not in seen:
                seen.add(id(child))
                stack.append((child, depth + 1))
    return deepest


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _describe(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "list"
    if isinstance(node, MappingNode):
        return "mapping"
    return "single value"


def locate(root: Node, loc: tuple[str | int, ...], *, at_key: bool = False) -> Node:
    """The node that a validation location points at.

    Steps that do not name a key or an index (pydantic adds the names of union
    members, for instance) are skipped. When a key is missing, the enclosing mapping
    is the answer. With `at_key`, the last step answers with the key, not its value.
    """
    node = root
    for position, step in enumerate(loc):
        last = position == len(loc) - 1
        if isinstance(node, MappingNode) and isinstance(step, str):
            for key_node, value_node in node.value:
                if key_node.value == step:
                    node = key_node if (last and at_key) else value_node
                    break
        elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
    return node

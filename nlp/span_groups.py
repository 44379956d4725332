"""The span groups components share, read as plain (start_char, end_char, payload) tuples.

Iterating a SpanGroup builds a Span and an Underscore per element; the "numbers" group alone is
read by four components, so each group is read once per Doc and the view is kept until the group
is replaced or resized. Components still write real spans (`doc.spans[key]`, `span._.<payload>`);
values a later component sets on a group's spans (`span._.action`) are kept the same way.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from nlp.sentences import doc_views, token_index

PAYLOAD = {
    "numbers": "number",
    "money": "money",
    "percents": "percent",
    "durations": "duration",
    "counts": "count",
    "periods": "period",
    "agencies": "agency",
}
Item = tuple[int, int, Any]


def extension_key(attr: str, start: int, end: int) -> tuple[str, str, int, int]:
    """Where `span._.<attr> = value` stores the value (spaCy's Underscore key for spans): setting it
    directly skips building an Underscore per span. Our span extensions are plain defaults (no
    setter), which is what makes the two the same."""
    return ("._.", attr, start, end)


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The token span covering characters start:end (expanded to whole tokens)."""
    tokens = token_index(doc).expand(start, end)
    return Span(doc, *tokens) if tokens else None


def write(doc: Doc, key: str, items: list[tuple[Span, Any]]) -> None:
    """Set `doc.spans[key]` with each span's payload, and keep the view of the new group."""
    attr = PAYLOAD.get(key, key)
    user_data = doc.user_data
    view_items = []
    for span, payload in items:
        start, end = span.start_char, span.end_char
        user_data[extension_key(attr, start, end)] = payload
        view_items.append((start, end, payload))
    doc.spans[key] = [span for span, _ in items]
    doc_views(doc).groups[key] = (doc.spans[key], view_items)


def view(doc: Doc, key: str) -> list[Item]:
    """(start_char, end_char, payload) of every span in `doc.spans[key]`, in group order."""
    group = doc.spans.get(key)
    if group is None:
        return []
    views = doc_views(doc).groups
    kept = views.get(key)
    if kept is not None and kept[0] is group and len(kept[1]) == len(group):
        return kept[1]
    attr = PAYLOAD.get(key, key)
    items = [(s.start_char, s.end_char, getattr(s._, attr, None)) for s in group]
    views[key] = (group, items)
    return items


def annotate(doc: Doc, key: str, attr: str, values: list[Any]) -> None:
    """Set `span._.<attr>` on each span of `doc.spans[key]` (values in group order, None: leave
    unset) and keep the values, so `annotation` can read them back without building spans."""
    group = doc.spans[key]
    user_data = doc.user_data
    for (start, end, _), value in zip(view(doc, key), values, strict=True):  # no Span built per element
        if value is not None:
            user_data[extension_key(attr, start, end)] = value
    doc_views(doc).annotations[(key, attr)] = (group, values)


def annotation(doc: Doc, key: str, attr: str) -> list[Any]:
    """`span._.<attr>` of every span in `doc.spans[key]`, in group order."""
    group = doc.spans.get(key)
    if group is None:
        return []
    kept = doc_views(doc).annotations.get((key, attr))
    if kept is not None and kept[0] is group and len(kept[1]) == len(group):
        return kept[1]
    return [getattr(s._, attr, None) for s in group]


def claimed(doc: Doc, keys: tuple[str, ...]) -> set[int]:
    """Character positions already taken by earlier components' span groups."""
    taken: set[int] = set()
    for key in keys:
        for start, end, _ in view(doc, key):
            taken.update(range(start, end))
    return taken


def overlaps(start: int, end: int, taken: set[int]) -> bool:
    return not taken.isdisjoint(range(start, end))

"""The span store: span groups components share, and the values their spans carry.

Components write real spans (`doc.spans[key]`) whose values (`span._.money`, `span._.action`) live
in our own store in the Doc's views, keyed by (attribute, start_char, end_char) as spaCy keys span
extension values, and read by the extension getters registered here: setting `span._.<attr>` would
build an Underscore per span. Iterating a SpanGroup builds a Span and an Underscore per element
too, and the "numbers" group alone is read by four components, so each group is also read once per
Doc as plain (start_char, end_char, value) tuples, kept until the group is replaced or resized.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

from nlp.doc.views import doc_views, token_index

# The value attribute of each group's spans (`doc.spans["money"][i]._.money`).
PAYLOAD = {
    "numbers": "number",
    "money": "money",
    "percents": "percent",
    "durations": "duration",
    "counts": "count",
    "periods": "period",
    "agencies": "agency",
}
ANNOTATIONS = ("action",)  # set by a later component on another's spans (`annotate`)
Item = tuple[int, int, Any]


def _reader(attr: str) -> Callable[[Span], Any]:
    def read(span: Span) -> Any:
        return doc_views(span.doc).values.get((attr, span.start_char, span.end_char))

    return read


for _attr in (*PAYLOAD.values(), *ANNOTATIONS):
    Span.set_extension(_attr, getter=_reader(_attr), force=True)


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The token span covering characters start:end (expanded to whole tokens)."""
    tokens = token_index(doc).expand(start, end)
    return Span(doc, *tokens) if tokens else None


def write(doc: Doc, key: str, items: list[tuple[Span, Any]]) -> None:
    """Set `doc.spans[key]` with each span's payload, and keep the view of the new group."""
    attr = PAYLOAD[key]
    views = doc_views(doc)
    values = views.values
    view_items = []
    for span, payload in items:
        start, end = span.start_char, span.end_char
        values[(attr, start, end)] = payload
        view_items.append((start, end, payload))
    doc.spans[key] = [span for span, _ in items]
    views.groups[key] = (doc.spans[key], view_items)


def view(doc: Doc, key: str) -> list[Item]:
    """(start_char, end_char, payload) of every span in `doc.spans[key]`, in group order."""
    group = doc.spans.get(key)
    if group is None:
        return []
    views = doc_views(doc).groups
    kept = views.get(key)
    if kept is not None and kept[0] is group and len(kept[1]) == len(group):
        return kept[1]
    attr = PAYLOAD[key]
    items = [(s.start_char, s.end_char, getattr(s._, attr, None)) for s in group]
    views[key] = (group, items)
    return items


def annotate(doc: Doc, key: str, attr: str, values: list[Any]) -> None:
    """Set `span._.<attr>` on each span of `doc.spans[key]` (values in group order, None: leave
    unset) and keep the values, so `annotation` can read them back without building spans."""
    group = doc.spans[key]
    views = doc_views(doc)
    store = views.values
    for (start, end, _), value in zip(view(doc, key), values, strict=True):  # no Span built per element
        if value is not None:
            store[(attr, start, end)] = value
    views.annotations[(key, attr)] = (group, values)


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

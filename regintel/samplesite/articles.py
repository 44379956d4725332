"""Read the sample site's articles: Markdown files with YAML front matter.

`samplesite/articles/<publisher>/<slug>.md`: front matter (title, published, lang, optional author,
summary, tags, release number, format html|pdf) between `---` lines, then paragraphs separated
by blank lines; a block of lines starting with `|` is a table whose first row is the header.
The folder is the publisher's host, or `<host>+<section>` when several publishers share a host
(gov.kz hosts every Kazakh agency: `www.gov.kz+ardfm`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

ARTICLES_DIR = Path(__file__).with_name("articles")


@dataclass(frozen=True, slots=True)
class Article:
    host: str
    slug: str
    title: str
    published: date
    lang: str
    blocks: tuple[str | tuple[tuple[str, ...], ...], ...]  # paragraph text, or table rows of cells
    author: str | None = None
    summary: str | None = None
    tags: tuple[str, ...] = ()
    publisher: str = ""  # the folder: host, or host+section
    release: str | None = None  # the publisher's release number, when its URLs use one
    format: str = "html"  # html, or pdf for releases published as PDF files

    @property
    def paragraphs(self) -> list[str]:
        return [b for b in self.blocks if isinstance(b, str)]


def parse_article(text: str, publisher: str, slug: str) -> Article:
    if not text.startswith("---"):
        raise ValueError(f"{publisher}/{slug}.md: missing front matter")
    _, front, body = text.split("---", 2)
    meta = yaml.safe_load(front) or {}
    blocks: list[str | tuple[tuple[str, ...], ...]] = []
    for block in body.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("|") for line in lines):
            rows = tuple(tuple(c.strip() for c in line.strip("|").split("|")) for line in lines)
            blocks.append(tuple(r for r in rows if not all(set(c) <= set("-: ") for c in r)))
        else:
            blocks.append(" ".join(lines))
    published = meta["published"]
    return Article(
        host=publisher.split("+", 1)[0],
        slug=slug,
        title=str(meta["title"]),
        published=published if isinstance(published, date) else date.fromisoformat(str(published)),
        lang=str(meta.get("lang", "en")),
        blocks=tuple(blocks),
        author=meta.get("author"),
        summary=meta.get("summary"),
        tags=tuple(meta.get("tags") or ()),
        publisher=publisher,
        release=str(meta["release"]) if meta.get("release") else None,
        format=str(meta.get("format", "html")),
    )


def load_articles(folder: Path = ARTICLES_DIR) -> list[Article]:
    """All articles, newest first per publisher (the order listings and feeds show)."""
    out = []
    for path in sorted(folder.glob("*/*.md")):
        out.append(parse_article(path.read_text(encoding="utf-8"), path.parent.name, path.stem))
    return sorted(out, key=lambda a: (a.publisher, -a.published.toordinal(), a.slug))

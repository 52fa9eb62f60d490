"""Reading article files: formats, titles, offsets, and one clear error per bad input."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    MalformedRecord,
    NoArticles,
    NotEnglish,
    NotFound,
    TooLarge,
)
from sitrep.ingest import MAX_ARTICLE_BYTES, detect_language, read_articles
from sitrep.model import Article

SEED = Path("/work/shared/examples/aleppo-offensive.txt")
BODY = (
    "HTS fighters and their allies seized several army depots in northern Aleppo province "
    "on Wednesday, the Syrian Observatory for Human Rights said. At least 132 people died.\n"
)
FRENCH = (
    "Les forces gouvernementales ont repris le contrôle de la ville après des combats "
    "violents qui ont fait des dizaines de morts parmi les civils, selon l'observatoire.\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def read_one(path: Path, **options: object) -> Article | InputError:
    items = list(read_articles([path], **options))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def article(path: Path, **options: object) -> Article:
    item = read_one(path, **options)
    assert isinstance(item, Article), item
    return item


# --- bad input: one clear error each ---------------------------------------------------


@pytest.mark.parametrize(
    ("content", "error", "problem"),
    [
        (b"", EmptyInput, "empty file"),
        (b"  \n\t\r\n  ", EmptyInput, "empty file"),
        (b"%PDF-1.4\x00\x01\x02 stream", BinaryInput, "not a text file (binary data)"),
        (bytes(range(1, 32)) * 20 + b"some words", BinaryInput, "not a text file (binary data)"),
        (
            b"Title\nPublished: 2024-11-28\n\n",
            EmptyInput,
            "no article text after the title and header lines",
        ),
    ],
    ids=["empty", "whitespace", "nul-bytes", "control-chars", "title-only-headers"],
)
def test_bad_text_file(tmp_path: Path, content: bytes, error: type, problem: str) -> None:
    path = write(tmp_path, "a.txt", content)
    item = read_one(path)
    assert type(item) is error
    assert str(item) == f"{path}: {problem}"


def test_too_large_is_refused_from_stat_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(20_000_000)  # sparse: no 20 MB written
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("read a file over the cap"))
    item = read_one(path)
    assert isinstance(item, TooLarge)
    assert str(item) == f"{path}: file is 20 MB; the limit is 5 MB (split it, or raise the limit with --max-size)"
    assert MAX_ARTICLE_BYTES == 5_000_000


def test_max_bytes_option(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", BODY)
    assert isinstance(read_one(path, max_bytes=100), TooLarge)
    assert isinstance(read_one(path, max_bytes=1_000), Article)


def test_nonexistent_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    item = read_one(missing)
    assert isinstance(item, NotFound) and isinstance(item, InputError)
    assert str(item) == f"{missing}: no such file or folder"


@pytest.mark.parametrize("names", [[], ["notes.pdf", ".hidden.txt", ".git/a.txt"]])
def test_folder_without_articles(tmp_path: Path, names: list[str]) -> None:
    for name in names:
        write(tmp_path, name, BODY)
    item = read_one(tmp_path)
    assert isinstance(item, NoArticles) and isinstance(item, InputError)
    looked_for = "(looked for .txt, .md, .markdown, .jsonl, .json, .csv, .html, .htm, .xhtml, .rss, .atom, .xml)"
    assert str(item) == f"{tmp_path}: no article files in this folder {looked_for}"


def test_not_english(tmp_path: Path) -> None:
    path = write(tmp_path, "fr.txt", FRENCH * 2)
    item = read_one(path)
    assert isinstance(item, NotEnglish)
    assert str(item) == f"{path}: not English (detected: fr)"


def test_short_text_skips_language_detection(tmp_path: Path) -> None:
    assert article(write(tmp_path, "short.txt", "Combats à Alep, 12 morts")).text


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", BODY)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # chmod 0 does not stop root
    item = read_one(path)
    assert type(item) is InputError
    assert str(item) == f"{path}: cannot read it (Permission denied)"


# --- encodings and newlines ------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("The café in Aleppo was shelled. ".encode("latin-1") * 3, "café"),
        (b"\x93Quoted\x94 text from Windows-1252, " * 3, "“Quoted”"),
        (b"\xef\xbb\xbf" + "Café in UTF-8 with a BOM. ".encode() * 3, "Café"),
        ("Café in UTF-16 from Notepad. ".encode("utf-16") * 1, "Café"),
    ],
    ids=["latin-1", "cp1252", "utf-8-bom", "utf-16-bom"],
)
def test_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    text = article(write(tmp_path, "a.txt", data)).text
    assert expected in text and not text.startswith("\ufeff")


def test_crlf_becomes_lf_and_title_still_found(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Rebels seize depots\r\n\r\nFirst line.\r\nSecond line.\r\n")
    item = article(path)
    assert item.title == "Rebels seize depots"
    assert item.text == "First line.\nSecond line.\n"


# --- titles, header lines, offsets -----------------------------------------------------


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("Rebels seize Aleppo depots\n\n" + BODY, "Rebels seize Aleppo depots"),
        ("Rebels seize Aleppo depots\n" + BODY, "Rebels seize Aleppo depots"),
        ("Will Aleppo fall?\n\n" + BODY, "Will Aleppo fall?"),
        ("# Rebels seize depots #\n\n" + BODY, "Rebels seize depots"),
        ("Rebels seize depots\n===\n\n" + BODY, "Rebels seize depots"),
        ("\n\nRebels seize depots\n\n" + BODY, "Rebels seize depots"),
        (BODY + "\n" + BODY, ""),  # a paragraph ending in a period
        ("Fighting continued in the north of the province\non Wednesday as rebels advanced.\n", ""),
        ("Fighting continued in the north of the\nProvince of Aleppo on Wednesday.\n", ""),
        ("Rebels seize Aleppo depots\n", ""),  # a lone line is the article, not its title
        ("They said:\n\n" + BODY, ""),
    ],
    ids=[
        "blank-line", "direct", "question", "atx", "setext", "leading-blank", "paragraph",
        "wrapped-lowercase", "wrapped-same-width", "lone-line", "colon",
    ],
)
def test_title_detection(tmp_path: Path, content: str, title: str) -> None:
    item = article(write(tmp_path, "a.md", content))
    assert item.title == title
    if not title:
        assert item.text == content


def test_seed_first_paragraph_is_not_a_title() -> None:
    item = article(SEED)
    assert item.title == ""
    assert item.text == SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert item.origin == str(SEED)


def test_text_is_an_unaltered_stretch_of_the_file(tmp_path: Path) -> None:
    content = "# Rebels  seize depots\n\nPublished: 2024-11-28\n\n\n  Indented " + BODY + "\n\n"
    item = article(write(tmp_path, "a.md", content))
    assert item.text == "  Indented " + BODY + "\n\n"
    assert content.endswith(item.text)
    assert item.title == "Rebels  seize depots"


def test_header_lines(tmp_path: Path) -> None:
    content = (
        "Rebels seize depots\nPublished: 2024-11-28\nSource: Al Jazeera\n"
        "URL: https://example.org/a\n\n" + BODY
    )
    item = article(write(tmp_path, "a.txt", content))
    assert (item.title, item.published, item.outlet) == (
        "Rebels seize depots", dt.date(2024, 11, 28), "Al Jazeera",
    )
    assert item.url == "https://example.org/a"
    assert item.text == BODY


def test_header_lines_without_title(tmp_path: Path) -> None:
    item = article(write(tmp_path, "a.txt", "Date: 28 November 2024\n\n" + BODY))
    assert (item.title, item.published, item.text) == ("", dt.date(2024, 11, 28), BODY)


def test_a_sentence_after_the_title_is_no_header(tmp_path: Path) -> None:
    content = "Rebels seize depots\n\nSource: SOHR said 132 people died.\n"
    assert article(write(tmp_path, "a.txt", content)).outlet is None


def test_unreadable_header_date(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Rebels seize depots\nDate: last Thursday\n\n" + BODY)
    item = read_one(path)
    assert isinstance(item, MalformedRecord)
    assert str(item) == f"{path}:2: cannot read the date 'last Thursday' (write it as YYYY-MM-DD)"
    overridden = article(path, published=dt.date(2024, 11, 28))
    assert overridden.published == dt.date(2024, 11, 28)


def test_overrides_beat_header_lines(tmp_path: Path) -> None:
    content = "Rebels seize depots\nPublished: 2024-11-28\nOutlet: AP\n\n" + BODY
    path = write(tmp_path, "a.txt", content)
    item = article(path, published=dt.date(2024, 12, 1), outlet="Reuters")
    assert (item.published, item.outlet) == (dt.date(2024, 12, 1), "Reuters")


def test_id_is_a_hash_of_the_text(tmp_path: Path) -> None:
    one = article(write(tmp_path, "a.txt", "Title one\n\n" + BODY))
    two = article(write(tmp_path, "b.txt", "Another title\n\n" + BODY))
    assert one.id == two.id and len(one.id) == 12
    assert one.id != article(write(tmp_path, "c.txt", BODY + "More.\n")).id


# --- JSON Lines and JSON ---------------------------------------------------------------


def record(**fields: object) -> str:
    return json.dumps({"text": BODY, **fields})


def test_jsonl_bad_lines_reported_and_others_read(tmp_path: Path) -> None:
    lines = [
        record(id="a1", title="T", published="2024-11-28", url="https://x.org", outlet="AP"),
        "",
        '{"text": "x" "title": 1}',
        "[1, 2]",
        json.dumps({"title": "no text"}),
        record(text="   "),
        record(published="28/11/2024"),
        record(title=5),
        record(published="2024-11-28T23:30:00-05:00"),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    items = list(read_articles([path]))
    got = [(type(i).__name__, str(i) if isinstance(i, InputError) else i.origin) for i in items]
    assert got == [
        ("Article", f"{path}:1"),
        ("MalformedRecord", f"{path}:3: not valid JSON (Expecting ',' delimiter at column 14)"),
        ("MalformedRecord", f"{path}:4: not a JSON object (got a list)"),
        ("MalformedRecord", f"{path}:5: no 'text' field"),
        ("MalformedRecord", f"{path}:6: 'text' is empty"),
        ("MalformedRecord", f"{path}:7: 'published' is not a date: '28/11/2024' "
                            "(write YYYY-MM-DD)"),
        ("MalformedRecord", f"{path}:8: 'title' must be a string, not a number"),
        ("Article", f"{path}:9"),
    ]
    first, last = items[0], items[-1]
    assert isinstance(first, Article) and isinstance(last, Article)
    assert (first.id, first.title, first.published, first.url, first.outlet) == (
        "a1", "T", dt.date(2024, 11, 28), "https://x.org", "AP",
    )
    assert last.published == dt.date(2024, 11, 28)  # the outlet's local date
    assert last.id == article(write(tmp_path, "same.txt", BODY)).id


def test_jsonl_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, "feed.jsonl", record(published="2024-11-28", outlet="AP") + "\n"
                 + record(published="not a date", id=7) + "\n")
    items = list(read_articles([path], published=dt.date(2024, 12, 1), outlet="Reuters"))
    assert all(isinstance(i, Article) for i in items)
    assert [(i.published, i.outlet) for i in items] == [(dt.date(2024, 12, 1), "Reuters")] * 2
    assert items[1].id == "7"


def test_jsonl_line_over_the_cap_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "feed.jsonl", record(text="x " * 2_000) + "\n" + record() + "\n")
    items = list(read_articles([path], max_bytes=1_000))
    assert isinstance(items[0], TooLarge) and str(items[0]).startswith(f"{path}:1: record is 4")
    assert isinstance(items[1], Article) and items[1].origin == f"{path}:2"


def test_jsonl_crlf_and_empty(tmp_path: Path) -> None:
    crlf = article(write(tmp_path, "a.jsonl", record(text="One.\r\nTwo words here.") + "\r\n"))
    assert crlf.text == "One.\nTwo words here."
    assert isinstance(read_one(write(tmp_path, "b.jsonl", "\n\n")), EmptyInput)


def test_json_list(tmp_path: Path) -> None:
    path = write(tmp_path, "list.json", json.dumps([{"text": BODY, "id": "x"}, {"title": "t"}]))
    items = list(read_articles([path]))
    assert isinstance(items[0], Article) and items[0].origin == f"{path}[0]"
    assert str(items[1]) == f"{path}[1]: no 'text' field"
    assert isinstance(read_one(write(tmp_path, "n.json", "3")), MalformedRecord)


# --- batches, folders, language ---------------------------------------------------------


def test_batch_yields_good_and_bad_in_order(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", BODY)
    empty = write(tmp_path, "empty.txt", "")
    binary = write(tmp_path, "bin.txt", b"\x00\x01")
    french = write(tmp_path, "fr.txt", FRENCH * 2)
    missing = tmp_path / "missing.txt"
    items = list(read_articles([empty, good, binary, missing, french]))
    assert [type(i) for i in items] == [EmptyInput, Article, BinaryInput, NotFound, NotEnglish]
    paths = [empty, good, binary, missing, french]
    assert [getattr(i, "origin") for i in items] == [str(p) for p in paths]


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/b/c.markdown", "c.jsonl", "d.JSON", "notes.pdf",
                 ".hidden.txt", ".git/x.txt"]:
        write(tmp_path, name, record() if "json" in name.lower() else BODY)
    origins = [i.origin for i in read_articles(tmp_path)]  # one path, not an iterable
    rel = [Path(o.split(":")[0]).relative_to(tmp_path).as_posix() for o in origins]
    assert rel == ["a/b/c.markdown", "a/z.md", "b.txt", "c.jsonl", "d.JSON"]


def test_detect_language() -> None:
    assert detect_language(SEED.read_text(encoding="utf-8")) == "en"
    assert [detect_language(FRENCH) for _ in range(3)] == ["fr"] * 3
    assert detect_language("12 killed") == "unknown"
    assert detect_language("1234 5678 " * 20) == "unknown"

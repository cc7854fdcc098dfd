"""Page layout: which stretches of a document are prose and which are furniture.

Headlines, bylines, datelines, captions and repeated lines never make events; transcript
turns (``Q:``/``A:``) tell who speaks. Every pattern comes from the language data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.events.quotes import quotations
from timeline.events.words import Words

_WORD = re.compile(r"[^\W_][\w'’-]*")
# markup pasted into a plain text: a script or style block, or a tag ("<p>", "</b>", "<br/>");
# furniture, and blanked to spaces of its length in the prose the parser reads
MARKUP = re.compile(
    r"<(script|style)\b[^<>]*>.*?</\1\s*>|</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>",
    re.IGNORECASE | re.DOTALL,
)
# what may trail a line's last sentence: spaces, symbols (emoji), markup tags
_TRAILING = re.compile(r"(?:\s|<[^<>]*>|[^\w\s.!?:;,'\"“”‘’()\[\]\-–—])+$")
# a sentence ending inside a line: a lower-case word, its stop, a capital ("...on Monday. Orvo")
_SENTENCE_END = re.compile(r"\b[a-z]{2,}[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")


@dataclass(frozen=True)
class Layout:
    """The furniture spans of a document and the answer lines of a transcript."""

    masked: tuple[tuple[int, int], ...]
    answers: tuple[tuple[int, int], ...]
    questions: tuple[tuple[int, int], ...]
    quotes: tuple[tuple[int, int], ...] = ()  # quotations, marks excluded

    def is_masked(self, offset: int) -> bool:
        """Whether a character offset lies in furniture."""
        return any(a <= offset < b for a, b in self.masked)

    def turn(self, offset: int) -> str:
        """'A' inside an answer of a transcript, 'Q' inside a question, else ''."""
        if any(a <= offset < b for a, b in self.answers):
            return "A"
        if any(a <= offset < b for a, b in self.questions):
            return "Q"
        return ""


def layout(text: str, title: str, words: Words) -> Layout:
    """Find the furniture of a document, line by line.

    >>> from timeline.events.words import words_for
    >>> lay = layout("Talks end\\nBy Ann Lee\\nThe talks ended on Monday.", "", words_for())
    >>> [text for text in ("Talks end", "By Ann Lee") if lay.is_masked(0)]
    ['Talks end', 'By Ann Lee']
    """
    masked: list[tuple[int, int]] = []
    answers: list[tuple[int, int]] = []
    questions: list[tuple[int, int]] = []
    seen: set[str] = set()
    norm_title = " ".join(title.split()).lower()
    whole = text.strip()
    only = whole if "\n" not in whole else None  # a text of one line is its own body
    pos = 0
    turn = ""
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        line = raw.strip()
        if not line:
            continue
        start += len(raw) - len(raw.lstrip())
        end = start + len(line)
        marker = words.turn.match(line)
        if marker:
            turn = "Q" if marker.group(1) else "A"
            masked.append((start, start + marker.end()))  # "Question:" names no subject
        if turn:
            (questions if turn == "Q" else answers).append((start, end))
        if (line != only and _is_header(line, norm_title, words)) or line in seen:
            masked.append((start, end))
            seen.add(line)
            continue
        seen.add(line)
        for pattern in words.caption_marks:
            hit = pattern.search(line)
            if hit:
                masked.append((start + hit.start(), end))
                break
        offset = 0
        for _ in range(3):
            dateline = words.dateline.match(line, offset)
            if not (dateline and len(_WORD.findall(line)) > 4):
                break
            head = dateline.group(0)
            if not (_looks_like_dateline(head, words) or re.fullmatch(r"\s*\(.*\)\s*", head)):
                break
            masked.append((start + offset, start + dateline.end()))
            offset = dateline.end()
    masked.extend(m.span() for m in MARKUP.finditer(text))
    return Layout(tuple(masked), tuple(answers), tuple(questions), quotations(text))


def _is_header(line: str, norm_title: str, words: Words) -> bool:
    """A headline, byline, navigation or timestamp line."""
    if norm_title and " ".join(line.split()).lower() == norm_title:
        return True
    bare = line
    for pattern in words.caption_marks:
        hit = pattern.search(bare)
        if hit:
            bare = bare[: hit.start()].rstrip()  # a caption's credit does not make it a headline
    bare = _TRAILING.sub("", bare)  # an emoji or a stray tag after the last sentence
    tokens = _WORD.findall(bare)
    unended = not re.search(r"[.!?:\"”’)\]]$", bare)
    if len(tokens) <= 20 and unended and not _SENTENCE_END.search(bare):
        return True  # (prose of two sentences is no headline, ended or not)
    if any(p.search(line) for p in words.header_lines):
        return True
    digits = sum(t[0].isdigit() for t in tokens)
    return bool(tokens) and len(tokens) <= 7 and digits >= 1 and not line.endswith(".")


def _looks_like_dateline(prefix: str, words: Words) -> bool:
    """A wire dateline: an upper-case place, a place with a date or agency in brackets, or a
    place with a full date before a dash."""
    head = prefix.strip()
    if head.startswith("(") and re.search(r"\d\)", head):
        return True
    place = re.match(r"[^\W\d_][\w.'’ -]*", head)
    if place is None:
        return False
    name = place.group(0).strip()
    has_date = bool(re.search(r"\d", head))
    has_agency = "(" in head or "/" in head
    shouting = name.isupper() and len(name.replace(" ", "")) >= 3
    ends = head.endswith(("—", "–", "--", "-", ":"))
    # a place is capitalised words and particles ("Isla de Kess (Wire)"), not a clause with a
    # bracketed date ("We condemn the attack this morning (24 September)")
    placelike = all(w[:1].isupper() or w in words.PLACE_PARTICLES for w in name.split())
    # "Orvo, 17 April 2031 —": a place and a full date before a dash, as releases open
    full_date = bool(re.search(r"\d{4}", head))
    return (
        (shouting and (has_date or has_agency or ends))
        or (has_date and has_agency and placelike)
        or (full_date and ends and placelike)
    )


# A text is hard-wrapped (an e-mail, a mailing-list post, a PDF's lines) when its lines are
# at most WRAP_WIDEST characters (the longest but a tenth of them), and at least WRAP_SHARE
# of the lines that a non-empty line follows are full: at least WRAP_FULL of that width.
WRAP_WIDEST = 100
WRAP_SHARE = 0.6
WRAP_FULL = 0.6
WRAP_PAIRS = 5  # ... counted over at least this many pairs of lines
# ... and at least this share of those pairs' second lines start with a lower-case word (the
# rest of a sentence)
WRAP_LOWER = 0.3


def unwrap(text: str, words: Words) -> str:
    """The text with the line breaks of a hard-wrapped paragraph read as spaces (the same
    length, so every offset stays): "seized in the raid on Monday be released\\nalong with
    ..." is one sentence, not two headlines. A full line that ends no sentence, followed by
    a non-empty line that opens no list item, continues its paragraph; a short line (a
    heading, a paragraph's last line) or a blank line ends it. A text whose lines are
    paragraphs is returned as it is.

    >>> para = "Kestland and Arvelia ended their talks on Monday without any\\n"
    >>> para += "agreement, the ministry of foreign affairs of Kestland said in\\n"
    >>> para += "a statement.\\n\\n"
    >>> from timeline.events.words import words_for
    >>> unwrap(para * 3, words_for()).count("\\n")
    6
    """
    lines = text.split("\n")
    sizes = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not sizes:
        return text
    width = sizes[max(0, int(len(sizes) * 0.9) - 1)]
    if width > WRAP_WIDEST:
        return text
    pairs = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    full = sum(len(a.rstrip()) >= WRAP_FULL * width for a, _ in pairs)
    if len(pairs) < WRAP_PAIRS or full < WRAP_SHARE * len(pairs):
        return text
    if sum(b.lstrip()[:1].islower() for _, b in pairs) < WRAP_LOWER * len(pairs):
        return text  # a list of headlines: no line goes on with a sentence's next word
    out = list(text)
    pos = 0
    for a, b in zip(lines, lines[1:], strict=False):
        pos += len(a)
        if (
            a.strip()
            and b.strip()
            and len(a.rstrip()) >= WRAP_FULL * width
            and not (_ENDED.search(a) and not _ABBREVIATION.search(a))
            and not _ITEM.match(b)
            and not _opens_dateline(b, words)
        ):
            out[pos] = " "
        pos += 1
    return "".join(out)


# a line whose sentence is over (a wrapped paragraph's line ends there or the list item does)
_ENDED = re.compile(r"[.!?:;][\"”’)\]]*\s*$")
# ... unless its last word is an abbreviation or an initial ("Gen.", "Jan.", "J.")
_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][a-z]{0,3}\.$")
# a line that opens a list item ("- ", "• ", "1. ", "a) ", "(iv) "), not "Mr. " or "Jan. "
_ITEM = re.compile(r"\s*(?:[-*•–—]\s|\d{1,3}[.)]\s|\(?[a-z][.)]\s|\([ivx]{1,4}\)\s)")


def _opens_dateline(line: str, words: Words) -> bool:
    """Whether a line opens with a wire dateline ("KESSBURG, April 10 (Agency) -"), as
    ``layout`` tells one: a new paragraph, never the end of the headline above it."""
    head = words.dateline.match(line.strip())
    return head is not None and _looks_like_dateline(head.group(0), words)

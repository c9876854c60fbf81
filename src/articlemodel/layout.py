"""Article layout: headline, standfirst, dateline, body paragraphs and credits.

The input is plain text as outlets and scrapers hand it over: paragraphs separated by blank
lines or by single newlines, CRLF or LF, no-break spaces, stray blank lines at either end.
Nothing is normalised away: every piece found is a Mention into the untouched text.

The rules, in order:

1. Paragraphs. Blocks of non-blank lines; inside a block, a line break ends a paragraph when
   the line ends a sentence and the next line starts one. Text without blank lines gets a
   paragraph per line, except where a line plainly continues (the next starts in lower case).
2. Bylines and date lines right after the headline (``By Jane Doe``, ``Published: 5 June
   2018``) and credit lines at the end (``Reporting by A; Editing by B``, also as a trailing
   parenthesis) are taken out of the body.
3. The dateline opens one of the first body paragraphs, in the wire styles
   ``DEIR AL-ZOR (Kurdistan 24) –``, ``LONDON, Aug 30 (Reuters) -``,
   ``KABUL, Afghanistan (AP) —``, ``Washington (AFP) -``, ``BEIRUT:``, ``NEW YORK —``.
4. The headline is a short first paragraph that does not end like a sentence; the standfirst
   is what stands between the headline and the dateline's paragraph.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import regex
from pydantic import TypeAdapter

from articlemodel import settings
from articlemodel.lexicons import load_json, load_lines
from articlemodel.models import Credit, CreditRole, Dateline, Mention

__all__ = ["Layout", "parse_layout"]

# White space that str.strip() keeps or that scrapers leave: no-break, thin, zero-width, BOM.
_SPACE = (
    " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u202f\u205f\u3000\ufeff"
)

_LINE_BREAK_PATTERN = regex.compile(r"\r\n|\r|\n|\u2028|\u2029")

# A line that ends a sentence: terminal punctuation, possibly inside closing quotes/brackets.
_ENDS_SENTENCE_PATTERN = regex.compile(r"""[.!?…]["'”’»)\]]*\s*$|["”»]\s*$""")
# A line that starts one: a capital, a digit, an opening quote or bracket, a dash (lists).
_STARTS_SENTENCE_PATTERN = regex.compile(r"""^[\s\u00a0]*(?:[\p{Lu}\p{Nd}"“‘'«(\[]|[–—•*-])""")
# A line that plainly continues on the next: it ends inside a sentence.
_CONTINUES_PATTERN = regex.compile(r"[,;\p{Ll}]\s*$")
_STARTS_LOWER_PATTERN = regex.compile(r"^[\s\u00a0]*\p{Ll}")

# Month names and abbreviations, from the dates lexicon (shared with extract/dates.py).
_MONTH_LEXICON = load_json("date_months.json")
_MONTHS: dict[str, int] = {**_MONTH_LEXICON["names"], **_MONTH_LEXICON["abbreviations"]}
_MONTH_RE = "(?:" + "|".join(m.capitalize() for m in sorted(_MONTHS, key=len, reverse=True)) + ")"

# A date as datelines and date lines give it: "Aug 30", "Aug. 30, 2018", "30 August 2018".
_DATE_RE = rf"""
    (?:(?P<month>{_MONTH_RE})\.?[ \t\u00a0]+(?P<day>\d{{1,2}})(?!\d)
       (?:,?[ \t\u00a0]+(?P<year>\d{{4}}))?
      |(?P<day2>\d{{1,2}})[ \t\u00a0]+(?P<month2>{_MONTH_RE})\.?
       (?:,?[ \t\u00a0]+(?P<year2>\d{{4}}))?)
"""

# The place of a dateline in capitals: DEIR AL-ZOR, NEW YORK, ST. LOUIS, N'DJAMENA.
_UPPER_PLACE_RE = r"\p{Lu}[\p{Lu}\p{M}'’.\-]*(?:[ \t\u00a0]+\p{Lu}[\p{Lu}\p{M}'’.\-]*){0,5}"
# The place in mixed case, allowed only before an outlet in brackets: Washington (AFP).
_MIXED_PLACE_RE = (
    r"\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ \t\u00a0]+(?:\p{Lu}|(?:al|el|de|la|le|du|of)[\-\s])"
    r"[\p{L}\p{M}'’.\-]*){0,4}"
)
# ", Afghanistan" / ", D.C." / ", Calif.": a region after the place, not a month.
_REGION_RE = (
    rf"(?:[ \t\u00a0]*,[ \t\u00a0]*(?!{_MONTH_RE}\b)\p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*"
    r"(?:[ \t\u00a0]+\p{Lu}[\p{L}\p{M}.'’\-]*){0,2})"
)
_SOURCE_RE = r"\((?P<source>[\p{L}\p{Nd}][^()\n]{0,40}?)\)"
_SEPARATOR_RE = r"(?P<sep>-{1,2}|[–—―]|:)"

_DATELINE_PATTERN = regex.compile(
    rf"""
    (?:
      # PLACE in capitals [, Region] [, date] [(SOURCE)] separator
      (?P<place>{_UPPER_PLACE_RE}{_REGION_RE}?)
      (?:,[ \t\u00a0]*{_DATE_RE})?
      [ \t\u00a0]*(?:{_SOURCE_RE}[ \t\u00a0]*)?
      {_SEPARATOR_RE}
    | # Place in mixed case [, Region] [, date] (SOURCE) separator; without the separator
      # "ISIL (IS) fighters ..." and "Boeing (BA) said ..." would be datelines
      (?P<place>{_MIXED_PLACE_RE}{_REGION_RE}?)
      (?:,[ \t\u00a0]*{_DATE_RE})?
      [ \t\u00a0]*{_SOURCE_RE}[ \t\u00a0]*{_SEPARATOR_RE}
    | # PLACE in capitals [, Region] ISO date [(SOURCE)] [separator]: "LONDON 1996-08-30"
      (?P<place>{_UPPER_PLACE_RE}{_REGION_RE}?)
      [ \t\u00a0]*,?[ \t\u00a0]*(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?!\d)
      (?:[ \t\u00a0]*{_SOURCE_RE})?(?:[ \t\u00a0]*{_SEPARATOR_RE})?
    )
    # Then the story: a capital, a digit or a quote mark ("NATO: the alliance" is no dateline).
    (?=[ \t\u00a0]+[\p{{Lu}}\p{{Nd}}"“‘'«]|$)
    """,
    regex.VERBOSE | regex.VERSION1,
)

# A paragraph that only gives the publication date: "July 30, 2009", "Published: 5 June 2018".
_DATE_LINE_PATTERN = regex.compile(
    rf"""
    (?:(?:(?:First[ ]|Last[ ])?(?:Published|Updated|Posted|Date)(?:[ ]on)?)[ \t]*:?[ \t]*)?
    (?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+)?
    (?:{_DATE_RE}|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))
    (?:[ \t,|-]+\d{{1,2}}[:.]\d{{2}}(?:[ \t]*(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{{2,4}}))*)?
    [ \t.]*$
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.VERSION1,
)

_CREDIT_PHRASES: dict[str, CreditRole] = dict(load_json("credit_roles.json"))
_CREDIT_PHRASE_RE = "|".join(
    regex.escape(p).replace(r"\ ", r"[ \t]+")
    for p in sorted(_CREDIT_PHRASES, key=len, reverse=True)
)
# One credit: "Reporting by A and B in Cairo". Segments are separated by ';' or '/'.
_CREDIT_SEGMENT_PATTERN = regex.compile(
    rf"(?P<phrase>{_CREDIT_PHRASE_RE})[ \t\u00a0]+(?P<names>[^;/()\n]+)", regex.IGNORECASE
)
_CREDIT_SPLIT_PATTERN = regex.compile(r"[ \t]*[;/][ \t]*")
# A trailing "(Reporting by ...; Editing by ...)" at the end of the last paragraph.
_TRAILING_CREDIT_PATTERN = regex.compile(
    rf"[ \t\u00a0]*(?P<credit>\((?:{_CREDIT_PHRASE_RE})[ \t\u00a0]+[^()\n]+\))[ \t\u00a0.]*$",
    regex.IGNORECASE,
)
_NAME_SPLIT_PATTERN = regex.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)")
# "Jane Doe in Cairo" -> "Jane Doe"; "Jane Doe, Reuters" is cut at the comma for bylines.
_NAME_PLACE_PATTERN = regex.compile(r"[ \t]+(?:in|at|from)[ \t]+\p{Lu}.*$")
# A credited name: capitalised words, name particles allowed (Nidal al-Mughrabi, Ludwig van Dam).
_NAME_PARTICLE_RE = (
    "(?:"
    + "|".join(
        regex.escape(p.rstrip("-"))
        for p in sorted(load_lines("names_particles.txt"), key=len, reverse=True)
    )
    + r")\b"
)
_PERSON_NAME_PATTERN = regex.compile(
    rf"^\p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*"
    rf"(?:[ \t\u00a0]+(?:\p{{Lu}}|{_NAME_PARTICLE_RE})[\p{{L}}\p{{M}}.'’\-]*){{0,5}}$"
)


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the parts of an article stand in its text."""

    headline: Mention | None
    standfirst: Mention | None
    dateline: Dateline | None
    paragraphs: tuple[Mention, ...]
    credits: tuple[Credit, ...]
    date_line: Mention | None
    """A paragraph that only gives the publication date, when there is one."""


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _SPACE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _SPACE or text[end - 1].isspace()):
        end -= 1
    return start, end


def _mention(text: str, start: int, end: int) -> Mention:
    return Mention(text=text[start:end], start=start, end=end)


# Mentions validated in one call from plain data: the paragraphs' (faster than a Mention(...)
# each, the same objects).
_MENTIONS = TypeAdapter(tuple[Mention, ...])


# Characters str.splitlines() splits at that are no line breaks here (_LINE_BREAK_PATTERN).
_NOT_LINE_BREAKS = "\v\f\x1c\x1d\x1e\x85"
_LINE_BREAKS = ("\n", "\r", "\u2028", "\u2029")


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Each line's (start, end, text), line break excluded."""
    if "\r\n" in text or any(c in text for c in _NOT_LINE_BREAKS):
        found = []
        start = 0
        for match in _LINE_BREAK_PATTERN.finditer(text):
            found.append((start, match.start(), text[start : match.start()]))
            start = match.end()
        found.append((start, len(text), text[start:]))
        return found
    # Every break is one of _LINE_BREAKS, one character long: str.splitlines() splits there,
    # and leaves out the empty line after a final break (or of an empty text).
    pieces = text.splitlines()
    if not text or text.endswith(_LINE_BREAKS):
        pieces.append("")
    lines = []
    start = 0
    for line in pieces:
        end = start + len(line)
        lines.append((start, end, line))
        start = end + 1
    return lines


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, trimmed of surrounding white space."""
    lines = _lines(text)
    blank = [not line.strip(_SPACE).strip() for _, _, line in lines]
    filled = [i for i, is_blank in enumerate(blank) if not is_blank]
    # Blank lines separate paragraphs when one stands between the first and last text lines.
    has_blank_separators = bool(filled) and not all(
        not is_blank for is_blank in blank[filled[0] : filled[-1] + 1]
    )
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous_line = ""
    for (start, end, line), is_blank in zip(lines, blank, strict=True):
        if is_blank:
            if current is not None:
                spans.append(current)
            current = None
            continue
        if current is not None:
            if has_blank_separators:
                joined = not (
                    _ENDS_SENTENCE_PATTERN.search(previous_line)
                    and _STARTS_SENTENCE_PATTERN.match(line)
                )
            else:
                joined = bool(
                    _STARTS_LOWER_PATTERN.match(line)
                    or (
                        _CONTINUES_PATTERN.search(previous_line)
                        and not _STARTS_SENTENCE_PATTERN.match(line)
                    )
                )
            if joined:
                current = (current[0], end)
            else:
                spans.append(current)
                current = (start, end)
        else:
            current = (start, end)
        previous_line = line
    if current is not None:
        spans.append(current)
    trimmed = [_strip_span(text, s, e) for s, e in spans]
    return [(s, e) for s, e in trimmed if e > s]


def _is_shouted(text: str) -> bool:
    """Whether ``text`` has letters and none of them is lower case (a headline in capitals)."""
    has_letters = False
    for c in text:
        if c.isalpha():
            if c.islower():
                return False  # read up to the first lower-case letter only
            has_letters = True
    return has_letters


def _looks_like_headline(text: str) -> bool:
    if len(text) > settings.MAX_HEADLINE_CHARS or len(text.split()) > settings.MAX_HEADLINE_WORDS:
        return False
    # A sentence ends with a period; a headline does not, unless it is all in capitals
    # ("SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.").
    if text.endswith(".") and not text.endswith(("..", "…")) and not _is_shouted(text):
        return False
    return (
        _is_shouted(text)
        or not _may_open_dateline(text, 0, len(text))
        or not _DATELINE_PATTERN.match(text)
    )


def _credit_names(raw: str, *, byline: bool) -> list[str] | None:
    raw = raw.strip(_SPACE + " .")
    if byline:
        raw = raw.split(",")[0]
    names = []
    for part in _NAME_SPLIT_PATTERN.split(raw):
        name = _NAME_PLACE_PATTERN.sub("", part).strip(_SPACE + " .")
        if not name:
            continue
        if not _PERSON_NAME_PATTERN.match(name):
            return None
        names.append(name)
    return names or None


def _parse_credits(text: str, start: int, end: int, *, byline: bool) -> list[Credit] | None:
    """The credits in text[start:end] when that is nothing but credits, else None."""
    if end - start > settings.MAX_CREDIT_CHARS:
        return None
    inner_start, inner_end = start, end
    if text[inner_start] == "(" and text[inner_end - 1 : inner_end] == ")":
        inner_start, inner_end = inner_start + 1, inner_end - 1
    inner = text[inner_start:inner_end]
    # The first piece, read before the split (a paragraph that is no credit fails there): up
    # to the first separator, where the split's first match starts or, after spaces, ends.
    cut = len(inner)
    for separator in ";/":
        at = inner.find(separator, 0, cut)
        if at >= 0:
            cut = at
    first = inner[:cut].strip(_SPACE + " .")
    if first and _CREDIT_SEGMENT_PATTERN.fullmatch(first) is None:
        return None
    credits: list[Credit] = []
    position = inner_start
    for piece in _CREDIT_SPLIT_PATTERN.split(inner):
        piece_start = text.index(piece, position) if piece else position
        position = piece_start + len(piece)
        stripped = piece.strip(_SPACE + " .")
        if not stripped:
            continue
        match = _CREDIT_SEGMENT_PATTERN.fullmatch(stripped)
        if match is None:
            return None
        phrase = " ".join(match["phrase"].lower().split())
        if phrase == "by" and not byline:
            return None
        names = _credit_names(match["names"], byline=phrase == "by")
        if names is None:
            return None
        segment_start = piece_start + piece.index(stripped)
        credits.append(
            Credit(
                role=_CREDIT_PHRASES[phrase],
                names=tuple(names),
                mention=_mention(text, segment_start, segment_start + len(stripped)),
            )
        )
    return credits or None


def _date_from_match(match: regex.Match[str]) -> datetime.date | None:
    if match["iso"]:
        try:
            return datetime.date.fromisoformat(match["iso"])
        except ValueError:
            return None
    month = match["month"] or match["month2"]
    day = match["day"] or match["day2"]
    year = match["year"] or match["year2"]
    if not (month and day and year):
        return None
    try:
        return datetime.date(int(year), _MONTHS[month.lower().rstrip(".")], int(day))
    except ValueError:
        return None


def _bare_name_byline(text: str, start: int, end: int) -> list[Credit] | None:
    """A paragraph that is only a name, standing before the dateline: a byline."""
    name = text[start:end]
    if not 2 <= len(name.split()) <= 4 or not _PERSON_NAME_PATTERN.match(name):
        return None
    return [Credit(role="writing", names=(name,), mention=_mention(text, start, end))]


def _may_open_dateline(text: str, start: int, end: int) -> bool:
    """False where _DATELINE_PATTERN cannot match at ``start`` (before ``end``): every match
    opens with a capital; in capitals, the place's first letter is followed by no lower-case
    letter, and in mixed case the source in brackets must follow ("The army said" is none)."""
    first = text[start : start + 2]
    if first[:1].isascii() and not "A" <= first[:1] <= "Z":
        return False
    return not ("a" <= first[1:] <= "z") or text.find("(", start, end) >= 0


def _parse_dateline(
    text: str, start: int, end: int, seen: dict[tuple[int, int], Dateline | None] | None = None
) -> Dateline | None:
    """The dateline that opens text[start:end], if any; ``seen`` keeps those read already."""
    if seen is None:
        return _read_dateline(text, start, end)
    key = (start, end)
    if key not in seen:
        seen[key] = _read_dateline(text, start, end)
    return seen[key]


def _read_dateline(text: str, start: int, end: int) -> Dateline | None:
    if not _may_open_dateline(text, start, end):
        return None
    match = _DATELINE_PATTERN.match(text, start, end)
    if match is None:
        return None
    if _is_shouted(text[match.end() : end]):
        return None  # "SOCCER - JAPAN GET LUCKY WIN": a headline in capitals, not a dateline
    place = match["place"].rstrip(_SPACE + " ,")
    if len(place) > settings.MAX_DATELINE_PLACE_CHARS or sum(c.isalpha() for c in place) < 2:
        return None
    date_mention = None
    if match["iso"]:
        date_mention = _mention(text, *match.span("iso"))
    elif match["month"] or match["month2"]:
        d_start = match.start("month") if match["month"] else match.start("day2")
        d_end = max(match.end(g) for g in ("day", "year", "month2", "year2") if match[g])
        date_mention = _mention(text, d_start, d_end)
    source = match["source"].strip() if match["source"] else None
    return Dateline(
        mention=_mention(text, start, match.end()),
        place=place,
        source=source,
        date_mention=date_mention,
        date=_date_from_match(match),
    )


def parse_layout(text: str) -> Layout:
    """Find the headline, standfirst, dateline, body paragraphs and credits of ``text``.

    Args:
        text: The article as plain text.

    Returns:
        The Layout; pieces that are not there are None or empty.

    Example:
        >>> text = "Storm hits coast\\n\\nMIAMI (AP) — A storm hit.\\n\\nEditing by Jo Roe"
        >>> layout = parse_layout(text)
        >>> layout.headline.text, layout.dateline.place, layout.credits[0].names
        ('Storm hits coast', 'MIAMI', ('Jo Roe',))
    """
    spans = _paragraph_spans(text)
    headline: Mention | None = None
    date_line: Mention | None = None
    credits: list[Credit] = []
    seen: dict[tuple[int, int], Dateline | None] = {}  # the datelines read, by span

    index = 0
    if len(spans) > 1 and _looks_like_headline(text[spans[0][0] : spans[0][1]]):
        headline = _mention(text, *spans[0])
        index = 1
    # Bylines and date lines right after the headline (or at the very top).
    while index < len(spans) and index <= 3:
        start, end = spans[index]
        byline = _parse_credits(text, start, end, byline=True)
        if (
            byline is None
            and index + 1 < len(spans)
            and _parse_dateline(text, *spans[index + 1], seen)
        ):
            byline = _bare_name_byline(text, start, end)
        if byline is not None:
            credits.extend(byline)
        elif date_line is None and _DATE_LINE_PATTERN.match(text, start, end):
            date_line = _mention(text, start, end)
        else:
            break
        index += 1
    body = spans[index:]

    # Credit lines at the end, whole paragraphs or a trailing parenthesis.
    trailing: list[Credit] = []
    while body:
        found = _parse_credits(text, *body[-1], byline=False)
        if found is None:
            break
        trailing[:0] = found
        body = body[:-1]
    if body:
        last_start, last_end = body[-1]
        # A match ends with ")" and perhaps spaces and periods; most paragraphs do not.
        closes = text[last_start:last_end].rstrip(" \t\u00a0.").endswith(")")
        match = _TRAILING_CREDIT_PATTERN.search(text, last_start, last_end) if closes else None
        if match is not None and match.start() > last_start:
            found = _parse_credits(text, *match.span("credit"), byline=False)
            if found is not None:
                trailing[:0] = found
                body[-1] = _strip_span(text, last_start, match.start())
    credits.extend(trailing)

    dateline: Dateline | None = None
    standfirst: Mention | None = None
    for position, (start, end) in enumerate(body[: settings.MAX_DATELINE_PARAGRAPH + 1]):
        dateline = _parse_dateline(text, start, end, seen)
        if dateline is None:
            continue
        if position > settings.MAX_STANDFIRST_PARAGRAPHS:
            dateline = None
        else:
            if position:
                standfirst = _mention(text, body[0][0], body[position - 1][1])
            # A dateline on a line of its own ("LONDON 1996-08-30") is no body paragraph.
            own_line = dateline.mention.end == end
            body = body[position + 1 :] if own_line else body[position:]
        break

    return Layout(
        headline=headline,
        standfirst=standfirst,
        dateline=dateline,
        paragraphs=_MENTIONS.validate_python(
            [{"text": text[s:e], "start": s, "end": e} for s, e in body]
        ),
        credits=tuple(credits),
        date_line=date_line,
    )

"""Splitting a combined name column into title, first and last name.

"Prof. Dr. Anna von der Heyde" → ("Prof. Dr.", "Anna", "von der Heyde");
"von der Heyde, Anna" → ("", "Anna", "von der Heyde"). Case is never
changed: names are kept exactly as written.
"""

from __future__ import annotations

import re

from checkin.common.text import NAME_PARTICLES

_TITLE_WORDS = re.compile(
    r"^(?:prof\.?|dr\.?|dr\.-ing\.?|dr\.\s?rer\.\s?nat\.?|dr\.\s?phil\.?|dr\.\s?med\.?|"
    r"dipl\.-\w+\.?|pd|apl\.|jun\.-prof\.?|h\.\s?c\.?|mr\.?|mrs\.?|ms\.?|mx\.?|herr|frau|"
    r"m\.\s?sc\.?|m\.\s?a\.?|b\.\s?sc\.?|mag\.?|ing\.?|rer\.\s?nat\.?|phil\.?|med\.?)$",
    re.IGNORECASE)


def split_title(text: str) -> tuple[str, str]:
    """Leading academic titles and the rest: ("Prof. Dr.", "Anna Winkler")."""
    words = text.split()
    n = 0
    while n < len(words) - 1 and _TITLE_WORDS.match(words[n]):
        n += 1
    return " ".join(words[:n]), " ".join(words[n:])


def split_name(text: str) -> tuple[str, str, str]:
    """(title, first name, last name) of "First Last" or "Last, First"."""
    if "," in text:
        last, _, first = text.partition(",")
        title, first = split_title(first.strip())
        ltitle, last = split_title(last.strip())
        return " ".join(t for t in (ltitle, title) if t), first, last
    title, rest = split_title(text)
    words = rest.split()
    if len(words) < 2:
        return title, "", rest
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in NAME_PARTICLES:
        start -= 1
    return title, " ".join(words[:start]), " ".join(words[start:])


def split_last_first(text: str) -> tuple[str, str, str]:
    """(title, first, last) of a "Name, Vorname" column ("Heyde Anna" without a comma)."""
    if "," in text:
        return split_name(text)
    title, rest = split_title(text)
    words = rest.split()
    end = 1
    while end < len(words) - 1 and words[end - 1].casefold() in NAME_PARTICLES:
        end += 1
    return title, " ".join(words[end:]), " ".join(words[:end])

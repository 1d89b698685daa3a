"""Regular expressions that are scanned over a whole text, compiled to skip the positions where no
match can start — the same matches, found faster.

CPython's ``re`` skips ahead quickly only when a pattern starts with a literal, a character class
or an alternation whose every branch starts with a literal. A long alternation whose branches
start with groups (「(連絡|電話|…)(は|を)?…」) is instead tried branch by branch at every position
of the text: 0.3 ms for one such pattern over 1,000 characters. :func:`compile` puts before such a
pattern a look-ahead for the set of characters a match can start with, read from the pattern
itself, so the other positions fail at one character test (6× faster for that pattern).

Exact: every match starts with a character of that set, the look-ahead consumes nothing, and the
groups, spans and ``pattern`` semantics are unchanged (``(?=[…])(?:…)`` adds no capturing group).
When the set cannot be read for sure (``.``, negated classes, categories such as ``\\s``, case
folding, back-references, a pattern that can match the empty string), or the pattern already
starts in a way ``re`` skips ahead on, the pattern is compiled as it is.
"""
from __future__ import annotations

import re
from re import _constants as _C, _parser as _P   # the parser re.compile uses (CPython 3.11+)

__all__ = ["compile", "first_chars", "guarded", "Guarded", "Near", "Words", "literals", "reach"]


class _Unknown(Exception):
    pass


# a set of characters as code-point ranges: {(lo, hi), …}
def _seq(items) -> tuple[set[tuple[int, int]], bool]:
    """(the characters a match of the sequence can start with, whether it can match empty)."""
    out: set[tuple[int, int]] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[tuple[int, int]], bool]:
    if op is _C.LITERAL:
        return {(av, av)}, False
    if op is _C.IN:
        chars: set[tuple[int, int]] = set()
        for o, a in av:
            if o is _C.LITERAL:
                chars.add((a, a))
            elif o is _C.RANGE:
                chars.add(tuple(a))
            else:
                raise _Unknown   # NEGATE, CATEGORY (\s, \d …)
        return chars, False
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, p = av
        if add_flags or del_flags:
            raise _Unknown
        return _seq(p.data)
    if op is _C.BRANCH:
        chars, nullable = set(), False
        for p in av[1]:
            c, n = _seq(p.data)
            chars |= c
            nullable = nullable or n
        return chars, nullable
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        lo, _hi, p = av
        c, n = _seq(p.data)
        return c, n or lo == 0
    if op is _C.ATOMIC_GROUP:
        return _seq(av.data)
    if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
        return set(), True   # zero width: what follows decides the first character
    raise _Unknown           # ANY, NOT_LITERAL, GROUPREF, conditionals …


def _ranges(parsed) -> list[tuple[int, int]] | None:
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE | re.VERBOSE):
        return None
    try:
        chars, nullable = _seq(parsed.data)
    except _Unknown:
        return None
    if nullable or not chars:
        return None
    merged: list[list[int]] = []
    for lo, hi in sorted(chars):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class (「[…]」) of the characters every match of ``pattern`` starts with, or None
    when that cannot be told."""
    return _class(_P.parse(pattern, flags))


def _class(parsed) -> str | None:
    ranges = _ranges(parsed)
    if ranges is None:
        return None
    esc = lambda c: re.escape(chr(c))
    return "[" + "".join(esc(lo) if lo == hi else f"{esc(lo)}-{esc(hi)}" for lo, hi in ranges) + "]"


def _skips_ahead(parsed) -> bool:
    """Does ``re`` itself skip to candidate positions (a literal prefix, a class, a literal branch)?"""
    data = parsed.data
    while data and data[0][0] is _C.SUBPATTERN and not data[0][1][1] and not data[0][1][2]:
        data = data[0][1][3].data
    if not data:
        return False
    op, av = data[0]
    if op in (_C.LITERAL, _C.IN):
        return True
    return op is _C.BRANCH and all(p.data and p.data[0][0] is _C.LITERAL for p in av[1])


def guarded(pattern: str, flags: int = 0) -> str:
    """``pattern`` with a look-ahead for its first characters (「(?=[…])(?:…)」) when they can be told,
    else as it is: for a branch of a larger pattern, which keeps its groups and their numbers."""
    cls = _class(_P.parse(pattern, flags))
    return pattern if cls is None else f"(?={cls})(?:{pattern})"


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, with a look-ahead for its first characters when that helps."""
    parsed = _P.parse(pattern, flags)   # parsed once here; re.compile parses the pattern it compiles
    cls = None if _skips_ahead(parsed) else _class(parsed)
    if cls is not None:
        try:
            return re.compile(f"(?={cls})(?:{pattern})", flags)
        except re.error:   # inline global flags (「(?m)…」) must stay first
            pass
    return re.compile(pattern, flags)


class Guarded:
    """A whole-text pattern scanned only over a text that holds its hint, a part every match of it
    contains: a pattern that starts with a wide class (「[一-龥ぁ-ん]{1,6}（仮名）」) is tried at every
    position and costs as much on the many texts where it cannot match (0.2 ms per 1,000 characters).
    Exact: no hint, no match; with a hint the pattern itself is scanned. tests/test_text_scan.py
    checks that every match holds its hint."""

    def __init__(self, pattern: re.Pattern, hint: str) -> None:
        self.pattern, self.hint = pattern, re.compile(hint)

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.hint.search(text) else iter(())


class Words:
    """``re.compile("(?<!B)(?:w1|w2|…)(?!A)")`` for literal words (``B``, ``A``: one-character patterns),
    scanned without compiling that pattern: a pattern made of a narrative's own names costs 0.3–0.5 ms
    to compile (its character classes), more than the whole scan. The same matches: the leftmost
    start not preceded by ``B``; there the first word, in the order given, not followed by ``A``; the
    scan goes on after it. tests/test_text_scan.py compares it with the pattern."""

    def __init__(self, words, not_before: re.Pattern, not_after: re.Pattern) -> None:
        self.words = [w for w in words if w]
        self.not_before, self.not_after = not_before, not_after

    def finditer(self, text: str):
        """(start, end, word) of each match, in text order."""
        at: dict[int, list[str]] = {}
        for w in self.words:
            i = text.find(w)
            while i >= 0:
                at.setdefault(i, []).append(w)   # in the words' order at each start
                i = text.find(w, i + 1)
        pos, n = 0, len(text)
        for s in sorted(at):
            if s < pos or (s > 0 and self.not_before.match(text, s - 1)):
                continue
            for w in at[s]:
                e = s + len(w)
                if e < n and self.not_after.match(text, e):
                    continue
                yield s, e, w
                pos = e
                break


def _starts_with_word(items, words) -> bool:
    """Does every match of the sequence start with one of ``words`` (a literal run, or a group or
    alternation — non-capturing ones are inlined by the parser — each of whose branches does)?"""
    if not items:
        return False
    op, av = items[0]
    if op is _C.LITERAL:
        run = []
        for o, a in items:
            if o is not _C.LITERAL:
                break
            run.append(chr(a))
        run = "".join(run)
        return any(run.startswith(w) for w in words)
    if op is _C.IN:   # 「感|好」 becomes a class: each of its characters a word
        return all(o is _C.LITERAL and chr(a) in words for o, a in av)
    if op is _C.BRANCH:
        return all(_starts_with_word(alt.data + list(items[1:]), words) for alt in av[1])
    if op is _C.SUBPATTERN and not av[1] and not av[2]:
        return _starts_with_word(av[3].data + list(items[1:]), words)
    return False


def _reach_seq(items, words, state) -> int | None:
    items = list(items)
    offset = 0
    for k, (op, av) in enumerate(items):
        if _starts_with_word(items[k:], words):
            return offset
        if op is _C.BRANCH or (op is _C.SUBPATTERN and not av[1] and not av[2]):
            alts = av[1] if op is _C.BRANCH else [av[3]]
            got = [_reach_seq(a.data, words, state) for a in alts]
            if all(g is not None for g in got):
                return offset + max(got)
        width = _P.SubPattern(state, [(op, av)]).getwidth()[1]
        if width >= _C.MAXREPEAT:
            return None
        offset += width
    return None


def reach(pattern: str, words, flags: int = 0) -> int | None:
    """The most characters before the first of ``words`` in any match of ``pattern``: every branch of
    the pattern must hold a group of those words (「(?:感情|好意|…)」) after parts of bounded width; None
    when that cannot be told from the pattern (or it can match the empty string)."""
    parsed = _P.parse(pattern, flags)
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE | re.VERBOSE) or parsed.getwidth()[0] == 0:
        return None
    return _reach_seq(parsed.data, frozenset(words), parsed.state)


def _looks_ahead(items) -> bool:
    """Does the sequence hold a look-ahead, an anchor or a back-reference (whose result can depend on
    the characters after the match)?"""
    for op, av in items:
        if op is _C.AT or op is _C.GROUPREF or op is _C.GROUPREF_EXISTS:
            return True
        if op in (_C.ASSERT, _C.ASSERT_NOT):
            if av[0] >= 0 or _looks_ahead(av[1].data):   # direction 1: ahead; lookbehinds see only the text before
                return True
        elif op is _C.BRANCH:
            if any(_looks_ahead(a.data) for a in av[1]):
                return True
        elif op is _C.SUBPATTERN:
            if _looks_ahead(av[3].data):
                return True
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            if _looks_ahead(av[2].data):
                return True
        elif op is _C.ATOMIC_GROUP:
            if _looks_ahead(av.data):
                return True
    return False


def max_width(pattern: str, flags: int = 0) -> int | None:
    """The longest match of ``pattern`` when it is bounded and nothing in it reads past its own match
    (no look-ahead, anchor or back-reference); else None."""
    parsed = _P.parse(pattern, flags)
    width = parsed.getwidth()[1]
    return None if width >= _C.MAXREPEAT or _looks_ahead(parsed.data) else width


class Near:
    """A whole-text pattern whose every match holds one of ``words`` at most ``reach`` characters after
    its start (read from the pattern by :func:`reach`), tried only at the positions up to ``reach``
    before each such word: a pattern that starts with a lazy run (「[^。\\n　]{0,30}?か…(感情|好意|…)」)
    is otherwise tried at every position, each try running ahead up to its length (0.6 ms per 1,000
    characters). Exact: a match that starts elsewhere would hold no word; from the first position of
    a word's window ``search`` gives the match ``finditer`` gives (its string cut after the longest
    match that can start in the window, when the pattern is bounded and reads nothing past its match,
    so that the search stops there), and the scan goes on at its end (no match is empty).
    tests/test_text_scan.py compares it with the pattern's finditer."""

    def __init__(self, pattern: re.Pattern, words) -> None:
        self.pattern = pattern
        words = sorted(set(words), key=len, reverse=True)
        self.reach = reach(pattern.pattern, words, pattern.flags)
        self.width = max_width(pattern.pattern, pattern.flags)
        self.hint = re.compile("|".join(map(re.escape, words)))

    def finditer(self, text: str):
        if self.reach is None:
            yield from self.pattern.finditer(text)
            return
        pos, n, search, hint, back = 0, len(text), self.pattern.search, self.hint.search, self.reach
        width = self.width
        while True:
            h = hint(text, pos)
            if h is None:
                return
            at = h.start()
            if width is None:
                m = search(text, max(pos, at - back))
            else:   # a match starting in the window ends before at + width + 1
                m = search(text, max(pos, at - back), min(n, at + width + 1))
                if m is not None and m.start() > at:
                    m = None   # past the window: the search there is not the whole text's
                if m is None:
                    pos = max(pos, at + 1)   # no match starts at or before this word
                    continue
            if m is None:
                return
            yield m
            pos = m.end()


def literals(words) -> str:
    """A pattern of literal words as a trie (「送信|送付|着信」 → 「送(?:信|付)|着信」): the same matches as
    the words longest first joined by ``|`` — at a position only the words that are prefixes of the
    text there can match, all on one path of the trie, and the trie tries the longer first — while
    ``re`` tests one branch per first character instead of one per word (0.3 ms per 1,000 characters
    for the ~100 words of one list). Non-capturing groups only: a pattern it is joined into keeps its
    group numbers. tests/test_text_scan.py compares the two."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in node.items() if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:   # a word ends here: the longer words first, then this one
            return (body if len(alts) > 1 else "(?:" + body + ")") + "?"
        return body

    alts = [re.escape(ch) + emit(sub) for ch, sub in trie.items() if ch]
    return "|".join(alts)

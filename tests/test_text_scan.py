"""legalcheck.text.scan: a pattern compiled with the look-ahead for its first characters finds the same
matches (spans and groups) as re.compile of the pattern itself, on real narratives and on arbitrary
text made of the pattern's own characters; and it is left as it is when its first characters cannot
be told or re already skips ahead on its own."""
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from legalcheck.nlp import lexicon as lexicon_module, mentions, parties, quotes, reader
from legalcheck.text import scan

CASES = Path(__file__).resolve().parent / "cases"


def _wrapped() -> list[tuple[str, re.Pattern]]:
    """Every pattern of the package compiled by scan.compile that got its look-ahead."""
    out = [(f"{m.__name__}.{k}", v.pattern if isinstance(v, scan.Guarded) else v)
           for m in (parties, reader, mentions) for k, v in vars(m).items()
           if isinstance(v, (re.Pattern, scan.Guarded)) and (v.pattern if isinstance(v, scan.Guarded) else v).pattern.startswith("(?=[")]
    lex = lexicon_module.lexicon()
    out += [(f"lexicon.{k}", getattr(lex, k)) for k in ("no_romance", "romance_refused", "refusal_contact", "order_expired")
            if getattr(lex, k).pattern.startswith("(?=[")]
    out += [(f"quote_content.{k}", p) for k, p in quotes._content_rules()[0] if p.pattern.startswith("(?=[")]
    return out


def _inner(p: re.Pattern) -> re.Pattern:
    """The pattern as written (scan.compile wraps it as (?=[…])(?:…))."""
    return re.compile(p.pattern[p.pattern.index(")(?:") + 4:-1], p.flags)


def _found(p: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


def test_the_whole_text_scans_are_wrapped():
    names = {n for n, _ in _wrapped()}
    # the slowest scans of a narrative (0.1–0.3 ms each before)
    assert {"legalcheck.nlp.parties._RE_MASK_MENTION", "legalcheck.nlp.parties._RE_ORDERED",
            "legalcheck.nlp.reader._ACTOR_DOUBT", "lexicon.refusal_contact"} <= names


def test_same_matches_on_every_labelled_narrative():
    texts = []
    for f in sorted(CASES.glob("*.yaml")):
        texts += [c["narrative"] for c in yaml.safe_load(f.read_text(encoding="utf-8")) if "narrative" in c]
    assert len(texts) > 100
    for name, p in _wrapped():
        inner = _inner(p)
        for t in texts:
            assert _found(p, t) == _found(inner, t), name


@pytest.mark.parametrize("name,p", _wrapped(), ids=[n for n, _ in _wrapped()])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_same_matches_on_arbitrary_text_of_its_own_characters(name, p, data):
    inner = _inner(p)
    alphabet = sorted({c for c in inner.pattern if not c.isascii() or c.isalnum()} | set("。、「」（） \n"))
    text = data.draw(st.text(alphabet=st.sampled_from(alphabet), max_size=80))
    assert _found(p, text) == _found(inner, text)


def test_first_characters():
    assert scan.first_chars(r"(連絡|電話)(は|を)?しないで|[ＡＢ]の") == "[連電Ａ-Ｂ]"
    assert scan.first_chars(r"(?<!元)(?:夫|妻)?(Ａ|Ｃ)") == "[夫妻ＡＣ]"   # zero width and optional parts look further
    assert scan.first_chars(r"[一-龥]{2}") == "[一-龥]"
    for unknown in (r".か", r"\s*連絡", r"[^。]連絡", r"(連絡)?", r"(?i)abc", r"x|"):
        assert scan.first_chars(unknown) is None, unknown


def test_left_as_it_is_when_re_skips_ahead_or_the_characters_are_unknown():
    for pattern in ("連絡しないで|電話しないで", "[ＡＢ]の", "(?:連絡|電話)しないで", r"\s*連絡", r"(?m)^(連絡|電話)"):
        assert scan.compile(pattern).pattern == pattern
    # a branch that starts with a group: re tries it at every position, the look-ahead skips
    p = scan.compile(r"(連絡|電話)(は)?しないで|(ＬＩＮＥ)も")
    assert p.pattern == r"(?=[連電Ｌ])(?:(連絡|電話)(は)?しないで|(ＬＩＮＥ)も)"
    assert p.groups == 3
    assert [m.span() for m in p.finditer("電話はしないで、ＬＩＮＥも")] == [(0, 7), (8, 13)]


def _guarded() -> list[tuple[str, scan.Guarded]]:
    return [(f"{m.__name__}.{k}", v) for m in (parties, reader, mentions) for k, v in vars(m).items()
            if isinstance(v, scan.Guarded)]


def test_a_guarded_scan_finds_what_its_pattern_finds_and_every_match_holds_the_hint():
    assert "legalcheck.nlp.parties._RE_NAME_ROLE" in {n for n, _ in _guarded()}
    texts = []
    for f in sorted(CASES.glob("*.yaml")):
        texts += [c["narrative"] for c in yaml.safe_load(f.read_text(encoding="utf-8")) if "narrative" in c]
    for name, g in _guarded():
        matched = 0
        for t in texts:
            found = _found(g, t)
            assert found == _found(g.pattern, t), name
            for m in g.pattern.finditer(t):
                assert g.hint.search(m.group(0)), name
                matched += 1
        assert matched > 0, name   # the labelled narratives exercise it
    p = scan.Guarded(re.compile(r"[一-龥]{1,3}（(仮名)）"), r"（仮名）")
    assert _found(p, "山田（仮名）と鈴木（仮名）") == [((0, 6), ("仮名",)), ((7, 13), ("仮名",))]
    assert _found(p, "山田（本名）") == []


def _words_pattern(words) -> re.Pattern:
    return re.compile(r"(?<![a-zａ-ｚA-ZＡ-Ｚ])(?:" + "|".join(map(re.escape, words)) + r")(?![a-zａ-ｚA-ZＡ-Ｚ′″])")


def _words_scan(words) -> scan.Words:
    return scan.Words(words, re.compile(r"[a-zａ-ｚA-ZＡ-Ｚ]"), re.compile(r"[a-zａ-ｚA-ZＡ-Ｚ′″]"))


def test_words_find_what_the_pattern_of_the_cast_names_finds():
    seen = 0
    for f in sorted(CASES.glob("*.yaml")):
        for c in yaml.safe_load(f.read_text(encoding="utf-8")):
            text = c.get("narrative")
            if not text:
                continue
            names = sorted(parties.cast(text).aliases, key=len, reverse=True)
            if not names:
                continue
            want = [(m.start(), m.end(), m.group(0)) for m in _words_pattern(names).finditer(text)]
            assert list(_words_scan(names).finditer(text)) == want, text[:40]
            seen += len(want)
    assert seen > 1000


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(alphabet="ＡＢＡ子甲〇a′", min_size=1, max_size=3), min_size=1, max_size=4, unique=True),
       text=st.text(alphabet="ＡＢ子甲〇a′ｂの は", max_size=40))
def test_words_find_what_the_pattern_finds_on_arbitrary_text(words, text):
    words = sorted(words, key=len, reverse=True)
    want = [(m.start(), m.end(), m.group(0)) for m in _words_pattern(words).finditer(text)]
    assert list(_words_scan(words).finditer(text)) == want


def _near() -> list[tuple[str, scan.Near]]:
    return [(f"{m.__name__}.{k}", v) for m in (parties, reader, mentions) for k, v in vars(m).items()
            if isinstance(v, scan.Near)]


def test_a_scan_near_its_words_finds_what_its_pattern_finds():
    nears = _near()
    assert "legalcheck.nlp.reader._MOTIVE_OPEN_NEAR" in {n for n, _ in nears}
    texts = []
    for f in sorted(CASES.glob("*.yaml")):
        texts += [c["narrative"] for c in yaml.safe_load(f.read_text(encoding="utf-8")) if "narrative" in c]
    for name, p in nears:
        assert p.reach is not None and p.width is not None, name   # else it scans the whole text, as before
        matched = 0
        for t in texts:
            assert _found(p, t) == _found(p.pattern, t), name
            matched += len(_found(p.pattern, t))
        assert matched > 0, name   # the labelled narratives exercise it


def test_the_reach_and_width_read_from_a_pattern():
    assert scan.reach(r"x{0,3}(?:ab|b)c|yy(ab)", ["ab", "b"]) == 3
    assert scan.reach(r"(?:a|b)c", ["a", "b"]) == 0            # 「a|b」 is parsed as a class
    assert scan.reach(r"[^。]{0,5}?か(?:感情|好意)", ["感情", "好意"]) == 6
    assert scan.reach(r"x*(?:a)", ["a"]) is None                # unbounded before the word
    assert scan.reach(r"x(?:a)|y", ["a"]) is None               # a branch without the word
    assert scan.reach(r"a?", ["a"]) is None                     # can match the empty string
    assert scan.max_width(r"[^。]{0,5}?か(?:感情|好意)") == 8
    assert scan.max_width(r"a(?!b)") is None and scan.max_width(r"a$") is None and scan.max_width(r"a+") is None
    assert scan.max_width(r"(?<!x)ab") == 2                     # a look-behind reads only the text before


_NEAR_CASES = [
    (r"[^。]{0,4}?か[^。]{0,3}?(?:感情|好意)[^。]{0,2}?(?:不明|分からない)|(?:目的|動機)の有無(?:は)?不明", ["感情", "好意", "目的", "動機"]),
    (r"(?<!好)[^。]{0,3}(感情|好意)(か)?", ["感情", "好意"]),
    (r"[^。]{0,4}?(?:感情|好意)[^。]{0,5}(?=不明)", ["感情", "好意"]),   # a look-ahead: the search is not cut
]


@settings(max_examples=400, deadline=None)
@given(case=st.sampled_from(_NEAR_CASES),
       text=st.lists(st.sampled_from(list("か感情好意目的動機の有無は不明分からない。あ") + ["感情", "好意", "不明", "の有無"]),
                     max_size=30).map("".join))
def test_a_scan_near_its_words_finds_what_the_pattern_finds_on_arbitrary_text(case, text):
    pattern, words = case
    p = scan.Near(re.compile(pattern), words)
    assert p.reach is not None
    assert _found(p, text) == _found(p.pattern, text)


def _joined(words) -> re.Pattern:
    """The rule scan.literals follows: the words, longest first, joined by |."""
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


def test_literal_words_as_a_trie_find_what_the_joined_words_find_on_every_labelled_narrative():
    lex = lexicon_module.lexicon()
    raw = yaml.safe_load(lexicon_module._FILE.read_text(encoding="utf-8"))
    lists = [t.get("phrases", []) for t in raw["acts"]] + [raw["fear"], raw["hedges"], raw["uncertain"],
                                                          raw["refusal_general"], raw["refusal_contact"]]
    lists = [sorted({lexicon_module.fold(w) for w in ws if w}, key=len, reverse=True) for ws in lists if ws]
    texts = []
    for f in sorted(CASES.glob("*.yaml")):
        texts += [c["narrative"] for c in yaml.safe_load(f.read_text(encoding="utf-8")) if "narrative" in c]
    matched = 0
    for words in lists:
        trie, joined = re.compile(scan.literals(words)), _joined(words)
        for t in texts:
            found = _found(trie, t)
            assert found == _found(joined, t), words[:3]
            matched += len(found)
    assert matched > 1000
    assert lex.fear.pattern == scan.literals(lists[-5])   # the lexicon's lists are compiled so


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.text(alphabet="あいう.送信", min_size=1, max_size=4), min_size=1, max_size=8, unique=True),
       text=st.text(alphabet="あいう.送信x", max_size=40))
def test_literal_words_as_a_trie_find_what_the_joined_words_find_on_arbitrary_text(words, text):
    trie, joined = re.compile(scan.literals(sorted(words, key=len, reverse=True))), _joined(words)
    assert _found(trie, text) == _found(joined, text)
    for pos in range(len(text) + 1):   # match and fullmatch too (the lexicon's patterns are also matched at a position)
        a, b = trie.match(text, pos), joined.match(text, pos)
        assert (a and a.span()) == (b and b.span())
    a, b = trie.fullmatch(text), joined.fullmatch(text)
    assert (a and a.span()) == (b and b.span())
    assert trie.groups == 0


def _master_as_written() -> re.Pattern:
    from legalcheck.text import dates

    head = dates._MASTER.pattern[:dates._MASTER.pattern.index("])(?:") + 5]   # the whole pattern's look-ahead
    return re.compile(head + "|".join(f"(?:{p})" for p in dates._UNITS) + ")")


def test_the_date_units_with_their_own_look_aheads_find_what_they_find_without():
    from legalcheck.text import dates
    from legalcheck.text.normalize import normalize

    plain = _master_as_written()
    assert plain.pattern != dates._MASTER.pattern and plain.groupindex == dates._MASTER.groupindex
    texts = []
    for f in sorted(CASES.glob("*.yaml")):
        texts += [normalize(c["narrative"]).text for c in yaml.safe_load(f.read_text(encoding="utf-8")) if "narrative" in c]
    found = 0
    for t in texts:
        got = _found(dates._MASTER, t)
        assert got == _found(plain, t), t[:40]
        found += len(got)
    assert found > 1000


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(list("0123456789年月日同翌前昨去今本当先来そ数HR.,/正暮末頃の、 \n") +
                                     ["令和", "平成", "年末", "年始", "正月", "上旬", "その後", "数日前", "先月", "翌日"]),
                     max_size=30).map("".join))
def test_the_date_units_with_their_own_look_aheads_on_arbitrary_text(text):
    from legalcheck.text import dates

    assert _found(dates._MASTER, text) == _found(_master_as_written(), text)

"""Document structure of an intake record: sections from headings, and the role of each sentence.

A 相談受理票 or 捜査報告書 mixes what happened (経緯・相談内容) with the officer's opinion (所見),
plans (今後の捜査), reference notes (参考事項), the parties' details (人定) and statements to the
police (心情・弁解・供述). Only narrated facts and accounts yield acts; an opinion is read as a
hedge, a plan or a heading never as an act. The cue words are data (lexicon.yaml, `structure`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from legalcheck import yaml_fast as yaml   # libyaml's parser: the same objects, a faster start

from legalcheck.nlp.lexicon import _FILE, fold

# Roles a sentence can have.
NARRATED = "narrated"        # what happened, told by the narrator (or an account he reports)
STATEMENT = "statement"      # a party's statement to the police: feelings, wishes, excuses
SUSPECT_STATEMENT = "suspect_statement"  # 被疑者の弁解・供述: admissions and denials
OPINION = "opinion"          # the officer's assessment (所見, 〜と思料する)
PLAN = "plan"                # what the police will do (今後の捜査, 〜する予定)
BACKGROUND = "background"    # reference notes (参考事項, 備考) and the parties' details (人定)
HEADING = "heading"
META = "meta"                # 受理日時・聴取日・作成者: when the record was made, not when acts happened
QUESTION = "question"

ACT_ROLES = {NARRATED, SUSPECT_STATEMENT}
_HEAD = 120   # characters of a line looked at for a heading or a question mark (bounded: long lines stay linear)


@dataclass(frozen=True)
class Section:
    kind: str      # one of the roles above
    title: str
    start: int     # char offsets of the heading line's start and the section's end
    end: int


@dataclass(frozen=True)
class _Rules:
    heading_line: re.Pattern
    sections: tuple          # (role, compiled title regex), first match wins
    meta_line: re.Pattern
    plan_end: re.Pattern
    opinion_end: re.Pattern
    question_line: re.Pattern
    narrator_suspect: re.Pattern
    narrator_victim: re.Pattern
    narrator_witness: re.Pattern


@lru_cache(maxsize=1)
def rules() -> _Rules:
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8"))["structure"]
    return _Rules(
        heading_line=re.compile(raw["heading_line"]),
        sections=tuple((NARRATED if role.startswith(NARRATED) else role, re.compile("|".join(map(fold, words))))
                       for role, words in raw["sections"].items()),
        meta_line=re.compile(raw["meta_line"]),
        plan_end=re.compile(raw["plan_end"]),
        opinion_end=re.compile(raw["opinion_end"]),
        question_line=re.compile(raw["question_line"]),
        narrator_suspect=re.compile(raw["narrator_suspect"], re.M),
        narrator_victim=re.compile(raw["narrator_victim"], re.M),
        narrator_witness=re.compile(raw["narrator_witness"], re.M),
    )


def narrator(text: str) -> str | None:
    """Who 「私」 is, when the record's title says whose statement it is (first lines only)."""
    head = fold(text[:200])
    r = rules()
    if r.narrator_suspect.search(head):
        return "suspect"
    if r.narrator_witness.search(head):
        return "other"   # 供述調書（参考人）: 「私」 is the witness (a neighbour, a shop manager), not a party
    if r.narrator_victim.search(head):
        return "victim"
    return None


def _title(m: re.Match) -> str | None:
    """The heading's title; a line that merely starts with a word (「被疑者は　…」) has none."""
    title = next(g for g in m.groups() if g)
    if m.group(1) is None and re.search(r"[ぁ-ん]$", title):
        return None
    return title


def _title_role(title: str) -> str | None:
    for role, rx in rules().sections:
        if rx.search(title):
            return role
    return None


def sections(text: str) -> list[Section]:
    """Headings start sections that last until the next heading of the same or a higher level; a
    heading whose title names no known kind keeps the section it stands in (a sub-heading)."""
    r = rules()
    out: list[Section] = []
    pos = 0
    current: tuple[str, str, int] | None = None
    for line in text.splitlines(keepends=True):
        body = fold(line).strip()
        m = r.heading_line.match(body)
        if m:
            title = _title(m)
            role = _title_role(title) if title else None
            if role is None and m.group("title"):
                role = NARRATED   # 「【他の者の行為】」: a bracketed heading is a section of its own, not a sub-heading
            if role is not None:
                if current is not None:
                    out.append(Section(current[0], current[1], current[2], pos))
                current = (role, title, pos)
        pos += len(line)
    if current is not None:
        out.append(Section(current[0], current[1], current[2], len(text)))
    return out


def heading_end(text: str, line_start: int) -> int | None:
    """Where a heading ends on its line (「【相談内容】被害者は…」: the content may follow it)."""
    line_end = text.find("\n", line_start, line_start + _HEAD)
    line = text[line_start:line_end if line_end >= 0 else min(len(text), line_start + _HEAD)]   # a heading is short
    m = rules().heading_line.match(fold(line).lstrip())
    if not m or _title(m) is None:
        return None
    lead = len(line) - len(line.lstrip())
    return line_start + lead + m.end()


def sentence_role(text: str, s_start: int, s_end: int, secs: list[Section]) -> str:
    """The role of the sentence text[s_start:s_end] (char offsets of the caller's text)."""
    r = rules()
    line_start = text.rfind("\n", 0, s_start) + 1
    sentence = fold(text[s_start:s_end]).strip()
    line = fold(text[line_start:min(s_end, line_start + _HEAD)]).strip()   # only its head is looked at
    if not sentence:
        return HEADING
    if r.question_line.match(line):
        return QUESTION
    h_end = heading_end(text, line_start)
    if h_end is not None and s_end <= h_end + 1:
        return HEADING
    if line_start == s_start and "「" not in sentence and (r.meta_line.match(sentence) or (
            h_end is not None and r.meta_line.match(fold(text[h_end:s_end]).strip()))):
        return META   # 「通報者：Ｇ（女・29）「元彼が…」」 carries her account: not a line about the record
    role = NARRATED
    for sec in secs:
        if sec.start <= s_start < sec.end:
            role = sec.kind
    if role == META:
        role = NARRATED
    # a sentence's own ending can say more than its section (「…を確認する予定である。」「…と思料する。」)
    if r.plan_end.search(sentence):
        return PLAN
    if r.opinion_end.search(sentence) and role in (NARRATED, OPINION, BACKGROUND):
        return OPINION
    return role

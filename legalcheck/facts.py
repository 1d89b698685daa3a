"""Typed facts read from a narrative: what the text says, by whom, how sure. No legal conclusions,
no spaCy types, so the law layer can be driven by hand-built facts or structured intake data.

Shared by legalcheck.nlp (which fills them) and legalcheck.law (which judges them); every field a
rule needs has a default that means "the text does not tell", so a reader that does not set it
leaves the rule at its safe answer."""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from datetime import date


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class DateRange:
    earliest: date
    latest: date
    text: str = ""
    # where the date came from: told (in the act's sentence), inherited (the last date told before it),
    # after (「その後」: from that date on), unknown (the text says the day cannot be fixed), unsure (told, but as
    # the teller's guess: 「日付は…としか言えない」)
    source: str = "told"

    def iso(self) -> str:
        return self.earliest.isoformat() if self.earliest == self.latest else (
            f"{self.earliest.isoformat()}/{self.latest.isoformat()}")


# the hedge of an act whose doer is open (「差出人は特定されていない」): the act is told, whose it is, is not
ACTOR_UNPROVEN = "行為者の特定が未了"


@dataclass
class ActFact:
    """One thing the narrative says somebody did (or did not do)."""

    kind: str                      # lexicon act kind, e.g. "machibuse", "gps_read", "message"
    category: str                  # contract category candidate: "2-1-1", "2-3-1", …
    subtype: str | None            # 2-1-1 subtype
    evidence: Span                 # the trigger words
    clause: Span                   # the clause they stand in (for reasoning and display)
    actor: str = "suspect"         # suspect | victim | close | other | unknown
    actor_text: str | None = None
    actor_explicit: bool = False   # the text names who did it (not the default reading)
    object_role: str = "victim"    # victim | close | other | unknown
    object_text: str | None = None
    object_person: str | None = None   # which close person (「父」「Ｃ」) for 2条4項 「同一の者に対し」; None = object_text
    place: str | None = None       # lexicon place kind: home, work, school, parking, station, shop, relative_home, …
    place_owner: str | None = None # victim | close | suspect | other | None (unknown)
    place_span: Span | None = None
    near: bool = False             # 前/付近/周辺/近く/向かい/路上/物陰… next to the place
    current_place: bool = False    # a place she happened to be at (現に所在する場所)
    remote: bool = False           # done far away from her (GPS read at his home/office)
    device: str | None = None      # gps | app | tag | None
    placement: str | None = None   # how a device was put on her things: attach (取り付け) | insert (差し入れ・忍ばせ) | None
    means: str | None = None       # phone | silent_call | email | sns | letter | fax | visit | post | in_person
    content_told: bool = False     # the text describes what the messages said (「内容は…」), whatever it was
    content_unread: bool = False   # no one read them (「開かずに削除した」): their manner cannot be judged from content
    content: tuple[str, ...] = ()  # content cues: demand_meeting, demand_money, threat, insult, sexual, honour, monitoring, filth
    date: DateRange | None = None
    date_source: str | None = None # None = as read; "found": the date is the day a device was found (attached on or before)
    count: int = 1
    count_text: str | None = None
    count_vague: bool = False      # 「何度も」「繰り返し」 rather than a number
    ongoing: bool = False          # told as going on over its period (「年末年始も…確認していた」)
    agreed: str | None = None      # the words by which she agreed to this visit (「「１４日の午後なら」と返信」)
    through: str | None = None     # done by this person on his request (「ｈに依頼し、ｈはこれを受けて」)
    dated_counts: tuple[tuple[DateRange, int], ...] = ()  # how many fell in each told sub-period (「うち１月３日以降は約３０回」)
    negated: bool = False
    hedged: bool = False
    hedge_text: str | None = None  # ACTOR_UNPROVEN when only who did it is open
    admitted: bool = False         # the suspect's own admission (in his quoted words)
    consent: str | None = None     # given | withdrawn | None
    refuted_by: Span | None = None # a confirmed alibi for every day it is told on (「…大阪にいたことが確認された」)
    background: bool = False       # told as the story's background (a refused proposal): motive, not an act
    sentence_index: int = 0
    occasion: int = 0
    series: bool = False
    owner_assumed: bool = False    # the place's owner is not told (taken to be hers)           # a log of messages under a heading (「【LINEトーク履歴】」)              # acts told in one sentence share an occasion

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Cue:
    kind: str        # motive: romance | romance_hearsay (his feelings told by a third person) | reunion | rejection | money | neighbour | work | no_romance | no_other_motive | motive_open (the record says the motive is unknown) | romance_denied (a reunion wish denied) ; fear ; consent ; refusal
    label: str
    evidence: Span
    negated: bool = False
    date: DateRange | None = None   # when it was said (refusals: to order them against the acts by date)
    continued: bool = False         # 「…と伝えたが続いている」: the conduct went on after it


@dataclass(frozen=True)
class Party:
    role: str        # suspect | victim | close | other
    text: str
    relation: str | None
    evidence: Span


@dataclass(frozen=True)
class MeasureFact:
    kind: str        # warning | prohibition_order | emergency_prohibition_order
    date: DateRange | None
    evidence: Span
    after_acts: bool = False   # issued with/after the arrest, i.e. after the acts


@dataclass(frozen=True)
class RiskCue:
    """A sign of danger or urgency the narrative tells (再被害防止要綱の15項目, 切迫性の徴候): what was
    said, with the same care as acts: denied (「凶器は持っていない」), or only reported, suspected or
    the officer's opinion (hedged: it cannot be ruled out, nor taken as established)."""

    id: str                        # indicator or urgency id (legalcheck/law/risk_rules.yaml)
    evidence: Span
    negated: bool = False          # the text denies it: a sign of its absence
    hedged: bool = False
    hedge_text: str | None = None  # why: 伝聞 / 推測 / 捜査員の所見
    sentence_index: int = 0


@dataclass
class Facts:
    narrative: str
    acts: list[ActFact] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    motives: list[Cue] = field(default_factory=list)
    fears: list[Cue] = field(default_factory=list)
    refusals: list[Cue] = field(default_factory=list)
    calm: list[Cue] = field(default_factory=list)         # her fear denied (「怖くはない」「不安は感じなかった」)
    related: list[Cue] = field(default_factory=list)      # kind = related offence id
    measures: list[MeasureFact] = field(default_factory=list)
    earlier_conduct: list[Cue] = field(default_factory=list)  # earlier stalking already dealt with (arrest, sentence)
    order_expired: list[Cue] = field(default_factory=list)    # 「有効期間は延長されることなく満了」
    order_extended: list[Cue] = field(default_factory=list)   # 「有効期間を１年間延長する処分をした」 (5条9項)
    dates: list[DateRange] = field(default_factory=list)
    unspecific: list[Cue] = field(default_factory=list)   # 「相手は日によって異なり、特定の店員を狙っている様子はない」
    suspect_named: bool = True        # the narrative names a suspect (else the unknown sender is he)
    same_actor_doubt: str | None = None  # 「たぶん同じ人だと思う」: whether one person did every act is open
    report_date: date | None = None   # when the record was made (受理日・聴取日): acts are on or before it
    victim_sex: str | None = None
    risk_cues: list[RiskCue] = field(default_factory=list)   # read by nlp/risk_cues.py; none = nothing told

"""The domain lexicon (lexicon.yaml) compiled once into sets and one regex per group."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from legalcheck import yaml_fast as yaml   # libyaml's parser: the same objects, a faster start
from legalcheck.text import scan   # the pattern groups scanned over the whole text: the same matches, faster
from legalcheck.text.normalize import nfkc

_FILE = Path(__file__).with_name("lexicon.yaml")


def fold(s: str) -> str:
    return nfkc(s)   # unicodedata.normalize("NFKC", s), faster on sentences


def phrase_regex(words) -> re.Pattern | None:
    """The words (folded) as one pattern: at the leftmost position where any matches, the longest
    (as the words longest first joined by ``|``; built as a trie, which re scans faster)."""
    words = sorted({fold(w) for w in words if w}, key=len, reverse=True)
    return re.compile(scan.literals(words)) if words else None


@dataclass(frozen=True)
class Trigger:
    kind: str
    category: str
    subtype: str | None
    norms: frozenset
    phrases: re.Pattern | None
    needs: tuple
    place_needed: bool
    home_needed: bool
    device_needed: bool
    device_near: bool
    after: tuple = ()      # the word must follow one of these (「前に居る」, not the 「て居る」 of 「待っている」)


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple
    means: dict            # kind -> (norm set, regex)
    send_verbs: frozenset
    devices: dict          # kind -> (norm set, regex)
    places: dict           # norm -> place kind
    near_words: frozenset
    current_place_cues: re.Pattern
    usual_place_cues: re.Pattern
    remote_cues: frozenset
    motives: dict          # kind -> (norm set, regex)
    no_romance: re.Pattern
    romance_refused: re.Pattern
    fear: re.Pattern
    refusal_contact: re.Pattern
    refusal_general: re.Pattern
    hedges: re.Pattern
    uncertain: re.Pattern
    admission_verbs: frozenset
    hearsay_verbs: frozenset
    related: dict          # id -> regex
    measures: dict         # kind -> regex
    earlier_conduct: re.Pattern
    order_expired: re.Pattern
    parties: dict          # name -> frozenset
    words: dict            # name -> frozenset: word classes the reading rules test (words: in lexicon.yaml)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    triggers = tuple(
        Trigger(kind=t["kind"], category=t["category"], subtype=t.get("subtype"),
                norms=frozenset(fold(n) for n in t.get("norms", [])),
                phrases=phrase_regex(t.get("phrases", [])), needs=tuple(fold(n) for n in t.get("needs", [])),
                place_needed=bool(t.get("place_needed")), home_needed=bool(t.get("home_needed")),
                device_needed=bool(t.get("device_needed")), device_near=bool(t.get("device_near")),
                after=tuple(t.get("after", ())))
        for t in raw["acts"])

    def group(d):
        return {k: (frozenset(fold(n) for n in v.get("norms", [])), phrase_regex(v.get("phrases", [])))
                for k, v in d.items() if isinstance(v, dict)}

    places = {}
    for kind, v in raw["places"].items():
        for n in v["norms"]:
            places.setdefault(fold(n), kind)
    return Lexicon(
        triggers=triggers, means=group(raw["means"]), send_verbs=frozenset(map(fold, raw["send_verbs"])),
        devices=group(raw["devices"]), places=places, near_words=frozenset(raw["near_words"]),
        current_place_cues=phrase_regex(raw["current_place_cues"]),
        usual_place_cues=phrase_regex(raw["usual_place_cues"]), remote_cues=frozenset(raw["remote_cues"]),
        motives=group(raw["motives"]), no_romance=scan.compile("|".join(raw["motives"]["no_romance_patterns"])),
        romance_refused=scan.compile("|".join(raw["motives"]["romance_refused_patterns"])), fear=phrase_regex(raw["fear"]),
        refusal_contact=scan.compile("|".join([phrase_regex(raw["refusal_contact"]).pattern] + raw["refusal_contact_patterns"])),
        refusal_general=phrase_regex(raw["refusal_general"]),
        hedges=phrase_regex(raw["hedges"]), uncertain=phrase_regex(raw["uncertain"]),
        admission_verbs=frozenset(raw["admission_verbs"]), hearsay_verbs=frozenset(raw["hearsay_verbs"]),
        related={k: phrase_regex(v["phrases"]) for k, v in raw["related"].items()},
        measures={k: phrase_regex(v) for k, v in raw["measures"].items()},
        earlier_conduct=phrase_regex(raw["earlier_conduct"]), order_expired=scan.compile("|".join([phrase_regex(raw["order_expired"]).pattern] + raw.get("order_expired_patterns", []))),
        parties={k: frozenset(map(fold, v)) for k, v in raw["parties"].items()},
        words={k: frozenset(v) for k, v in raw["words"].items()},
    )

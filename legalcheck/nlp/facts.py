"""The typed facts now live in legalcheck.facts (shared by nlp/ and law/); re-exported here."""
from legalcheck.facts import ACTOR_UNPROVEN, ActFact, Cue, DateRange, Facts, MeasureFact, Party, Span

__all__ = ["ACTOR_UNPROVEN", "ActFact", "Cue", "DateRange", "Facts", "MeasureFact", "Party", "Span"]

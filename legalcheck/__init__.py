"""legalcheck: ストーカー規制法の構成要件を、事案の記述から要素ごとに検討する。"""
__version__ = "0.1.0"


def analyze(narrative, incident_date=None, prior_measures=(), *, today=None, strict=False):
    """The analysis of contract.md section 2, as a typed object (`.to_dict()` gives its JSON form).
    `today` (a date or YYYY-MM-DD) fixes the judgment date (default: today's date in Japan), for
    reproducible reports. `strict` raises InputError for text that cannot be analysed (not Japanese,
    no narrative) instead of returning an analysis that says so in its warnings."""
    from legalcheck.analysis import analyze as _analyze

    return _analyze(narrative, incident_date=incident_date, prior_measures=prior_measures, today=today,
                    strict=strict)


__all__ = ["analyze", "__version__"]

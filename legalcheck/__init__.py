"""legalcheck: ストーカー規制法の構成要件を、事案の記述から要素ごとに検討する。"""
__version__ = "0.1.0"


def analyze(narrative, incident_date=None, prior_measures=(), *, today=None):
    """The analysis of contract.md section 2, as a typed object (`.to_dict()` gives its JSON form).
    `today` fixes the judgment date (default: the current date), for reproducible reports."""
    from legalcheck.analysis import analyze as _analyze

    return _analyze(narrative, incident_date=incident_date, prior_measures=prior_measures, today=today)


__all__ = ["analyze", "__version__"]

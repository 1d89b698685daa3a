"""legalcheck: ストーカー規制法の構成要件を、事案の記述から要素ごとに検討する。"""
__version__ = "0.1.0"


def analyze(narrative, incident_date=None, prior_measures=()):
    """The analysis of contract.md section 2, as a typed object (`.model_dump(mode="json")`)."""
    from legalcheck.analysis import analyze as _analyze

    return _analyze(narrative, incident_date=incident_date, prior_measures=prior_measures)


__all__ = ["analyze", "__version__"]

"""The two confidence intervals of a verification study, from their published formulas (numpy and the standard
library only).

Why not a statistics library: statsmodels' ``proportion_confint`` and ``cohens_kappa`` gave the same figures, but they
import pandas and most of scipy: 57 MB of the standalone app, 94 MB with the scipy.special they need, and the app has
to fit in 700 MB (issue 18; ``packaging/README.md`` has the measurements). Both formulas are short and closed-form;
the tests compare them with statsmodels (a development dependency) on many proportions and tables.

- Wilson score interval of a proportion (E. B. Wilson, "Probable inference, the law of succession, and statistical
  inference", JASA 22:209-212, 1927; method 3 in R. G. Newcombe, Statistics in Medicine 17:857-872, 1998): stays
  inside [0, 1] and behaves at 0 % and 100 %.
- Cohen's kappa (J. Cohen, Educational and Psychological Measurement 20:37-46, 1960) with the large-sample standard
  error of J. L. Fleiss, J. Cohen and B. S. Everitt, "Large sample standard errors of kappa and weighted kappa",
  Psychological Bulletin 72:323-327, 1969 (the one statsmodels' ``cohens_kappa`` uses), and a normal interval
  kappa +- z * se.

The normal quantile comes from the standard library's ``statistics.NormalDist``.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np


def normal_quantile(confidence: float) -> float:
    """z such that a standard normal variable lies within +-z with probability ``confidence``."""
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson_interval(count: int, total: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of ``count / total`` (``total`` > 0)."""
    if total <= 0 or not 0 <= count <= total:
        raise ValueError(f"a proportion needs 0 <= count <= total and total > 0, got {count} of {total}")
    z = normal_quantile(confidence)
    share = count / total
    scale = 1 + z * z / total
    centre = (share + z * z / (2 * total)) / scale
    half = z * np.sqrt(share * (1 - share) / total + z * z / (4 * total * total)) / scale
    return max(0.0, float(centre - half)), min(1.0, float(centre + half))


def cohens_kappa(table: np.ndarray, confidence: float = 0.95) -> tuple[float, float, float]:
    """Cohen's kappa of a square agreement table (rows: one rater, columns: the other) and its interval, as
    (kappa, low, high). The caller makes sure kappa is defined (chance agreement below 1)."""
    counts = np.asarray(table, dtype=float)
    n = counts.sum()
    p = counts / n
    rows, columns = p.sum(axis=1), p.sum(axis=0)  # p_i. and p_.i
    observed = float(np.trace(p))
    chance = float(rows @ columns)
    kappa = (observed - chance) / (1 - chance)
    # Fleiss, Cohen & Everitt (1969): n (1 - pe)^2 Var(kappa) =
    #   sum_i p_ii [1 - (p_i. + p_.i)(1 - kappa)]^2 + (1 - kappa)^2 sum_{i != j} p_ij (p_.i + p_j.)^2
    #   - [kappa - pe (1 - kappa)]^2
    diagonal = np.diag(p) * (1 - (rows + columns) * (1 - kappa)) ** 2
    spread = p * (columns[:, None] + rows[None, :]) ** 2
    np.fill_diagonal(spread, 0.0)
    variance = (diagonal.sum() + (1 - kappa) ** 2 * spread.sum() - (kappa - chance * (1 - kappa)) ** 2) / (
        n * (1 - chance) ** 2)
    half = normal_quantile(confidence) * float(np.sqrt(max(variance, 0.0)))
    return float(kappa), float(kappa - half), float(kappa + half)

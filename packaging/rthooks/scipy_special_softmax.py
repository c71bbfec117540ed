"""Runtime hook of the standalone app: ``scipy.special`` is left out; this module stands in for it, with the one
name anything in the app imports from it.

Why: ``import xgboost`` imports its scikit-learn wrapper, which does ``from scipy.special import softmax`` at import
time. The app never uses that wrapper (it calls ``xgboost.Booster`` and ``DMatrix``: core/model/xgb_head.py), but
scipy.special would bring its own compiled extensions and scipy's OpenBLAS and libgfortran into the bundle: about
35 MB of the 700 MB the standalone app may take (issue 18; packaging/README.md). Development installs import the
real scipy.special: this hook runs in the frozen app only (PyInstaller runs runtime hooks before the app's code).

``softmax`` follows scipy's signature and result (exp(x - max) / sum along ``axis``, all elements when None);
tests/test_packaging.py checks it against scipy.special.softmax and that xgboost imports and predicts with it.
"""

import sys
import types


def softmax(x, axis=None):
    import numpy as np

    x = np.asarray(x)
    shifted = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return shifted / np.sum(shifted, axis=axis, keepdims=True)


def _install():
    module = types.ModuleType("scipy.special", __doc__)
    module.softmax = softmax
    module.__file__ = __file__
    sys.modules.setdefault("scipy.special", module)


_install()

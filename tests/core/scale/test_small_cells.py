"""The ruler's small-cell bias, measured on images shrunk by known factors and undone."""

import numpy as np
import pytest

from xincept_desktop.core.scale.small_cells import (FACTORS, IDENTITY_FROM, correct, fit_small_cell_correction,
                                                    shrunk_readings)


def _biased(truth):
    """A ruler that reads small cells too large, as the real one does: +10 % at 0.3x, none from 0.7x on."""
    truth = np.asarray(truth, float)
    return truth * np.where(truth < 0.7, 1.0 + 0.1 * (0.7 - truth) / 0.4, 1.0)


def test_a_known_bias_is_learned_and_undone():
    rng = np.random.default_rng(0)
    own = rng.uniform(0.8, 1.3, size=(300, 2))
    factors = np.repeat(FACTORS, 300 // len(FACTORS) + 1)[:300]
    shrunk = _biased(own * factors[:, None]) * rng.normal(1.0, 0.01, size=(300, 2))
    knots = fit_small_cell_correction(own, shrunk, factors)
    assert knots and knots[-1] == (IDENTITY_FROM, IDENTITY_FROM)
    for truth in (0.35, 0.4, 0.5, 0.6):
        assert correct(_biased(truth), knots) == pytest.approx(truth, rel=0.02)


def test_training_sized_cells_are_never_changed():
    knots = ((0.3, 0.27), (0.5, 0.47), (IDENTITY_FROM, IDENTITY_FROM))
    values = np.array([0.7, 0.74, 1.0, 2.5, np.nan])
    assert np.array_equal(correct(values, knots), values, equal_nan=True)
    assert np.array_equal(correct(values, ()), values, equal_nan=True)


def test_the_correction_keeps_the_readings_in_order():
    knots = ((0.3, 0.26), (0.4, 0.37), (0.5, 0.47), (IDENTITY_FROM, IDENTITY_FROM))
    readings = np.linspace(0.15, 1.5, 200)
    assert np.all(np.diff(correct(readings, knots)) > 0)


def test_too_few_readings_give_no_correction():
    assert fit_small_cell_correction(np.ones((3, 2)), np.full((3, 2), 0.45), np.full(3, 0.4)) == ()


def test_synthetic_discs_shrunk_by_a_known_factor_read_closer_to_it(make_smear):
    from xincept_desktop.core.scale import build_reference, read_scale
    from xincept_desktop.core.scale.reference import combined

    fields = [make_smear(24, (320, 320), seed=s) for s in range(8)]
    reference, _ = build_reference(fields)
    full, shrunk, factors = shrunk_readings(fields, lambda image: combined(reference.relative(read_scale(image))))
    knots = fit_small_cell_correction(full, shrunk, factors)
    raw_error = np.nanmedian(np.abs(np.log(shrunk / (full * factors[:, None]))))
    corrected_error = np.nanmedian(np.abs(np.log(correct(shrunk, knots) / (full * factors[:, None]))))
    assert knots and corrected_error < raw_error

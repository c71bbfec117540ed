import numpy as np

from xincept_desktop.core.model.ood import MahalanobisDetector


def _clusters(rng, n=200, dim=16):
    means = rng.normal(0, 5, (4, dim))
    labels = rng.integers(0, 4, n)
    return means[labels] + rng.normal(0, 1, (n, dim)), labels


def test_far_points_score_higher_and_are_flagged():
    rng = np.random.default_rng(0)
    train, labels = _clusters(rng)
    detector = MahalanobisDetector.fit(train, labels)
    held_out, _ = _clusters(np.random.default_rng(0), n=100)
    threshold = detector.set_threshold(detector.score(held_out), 0.99)
    far = rng.normal(0, 1, (50, 16)) + 40
    assert np.median(detector.score(held_out)) < 2
    assert (detector.score(far) > threshold).all()
    assert np.mean(detector.score(held_out) > threshold) <= 0.02


def test_round_trip_without_pickle(tmp_path):
    rng = np.random.default_rng(1)
    train, labels = _clusters(rng)
    detector = MahalanobisDetector.fit(train, labels)
    detector.set_threshold(detector.score(train))
    detector.save(tmp_path / "ood.npz")
    loaded = MahalanobisDetector.load(tmp_path / "ood.npz")
    np.testing.assert_allclose(loaded.score(train[:5]), detector.score(train[:5]))
    assert loaded.threshold == detector.threshold

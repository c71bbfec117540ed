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


def test_domain_detector_flags_what_either_space_finds_far(tmp_path):
    from xincept_desktop.core.model.ood import DomainDetector

    rng = np.random.default_rng(2)
    embeddings, labels = _clusters(rng)
    pooled = rng.normal(0, 1, (len(embeddings), 40)) @ rng.normal(0, 1, (40, 40))
    detector = DomainDetector.fit(embeddings, pooled, labels)
    detector.set_thresholds(embeddings, pooled, 0.99)
    inside = detector.score(embeddings[:20], pooled[:20])
    assert np.mean(inside <= 1.0) >= 0.9
    near_class_but_odd_pixels = detector.score(embeddings[:5], pooled[:5] + 100.0)
    assert (near_class_but_odd_pixels > 1.0).all()  # fused space says familiar, backbone space does not
    detector.save(tmp_path / "ood.npz")
    loaded = DomainDetector.load(tmp_path / "ood.npz")
    np.testing.assert_allclose(loaded.score(embeddings[:5], pooled[:5]), detector.score(embeddings[:5], pooled[:5]))


def test_structure_check_flags_blank_and_flat_images():
    from tests.conftest import synthetic_smear
    from xincept_desktop.core.model.ood import DomainDetector, image_structure

    rng = np.random.default_rng(3)
    embeddings, labels = _clusters(rng)
    pooled = rng.normal(0, 1, (len(embeddings), 8))
    detector = DomainDetector.fit(embeddings, pooled, labels)
    detector.set_thresholds(embeddings, pooled, 1.0)
    smears = np.stack([synthetic_smear(64, s) for s in range(4)])
    detector.set_structure_threshold(image_structure(smears))
    blank = np.full((2, 64, 64, 3), 230, np.uint8)
    assert (detector.score(embeddings[:2], pooled[:2], blank) > 1).all()
    assert (detector.score(embeddings[:4], pooled[:4], smears) <= 1).all()

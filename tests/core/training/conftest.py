"""A tiny labelled dataset for the training tests (``train`` and the lever studies)."""

import numpy as np
import pytest
from PIL import Image

from tests.conftest import synthetic_smear


@pytest.fixture(scope="session")
def tiny_dataset(tmp_path_factory):
    """``Original/<class>`` images and, as in the real dataset, ``Segmented/<class>`` twins with all but the
    purple cells blacked out."""
    root = tmp_path_factory.mktemp("data")
    tints = {"Benign": (0, 0, 0), "Early": (40, -30, 0), "Pre": (-30, 30, 20), "Pro": (30, 30, -40)}
    for label, (name, tint) in enumerate(tints.items()):
        (root / "Original" / name).mkdir(parents=True)
        (root / "Segmented" / name).mkdir(parents=True)
        for number in range(1, 26):
            smear = synthetic_smear(96, label * 100 + number)
            image = np.clip(smear.astype(int) + tint, 0, 255).astype(np.uint8)
            Image.fromarray(image).save(root / "Original" / name / f"WBC-{name}-{number:03d}.jpg")
            segmented = np.where((smear[..., 1] < 120)[..., None], image, 0).astype(np.uint8)
            Image.fromarray(segmented).save(root / "Segmented" / name / f"WBC-{name}-{number:03d}.jpg")
    return root / "Original"

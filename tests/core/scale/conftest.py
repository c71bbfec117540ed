import pytest

from tests.scale_images import smear


@pytest.fixture
def make_smear():
    return smear

"""The one file-hashing helper, and the hashes that depend on it kept as they were (bundle manifests, dataset
hashes recorded in model cards)."""

import hashlib

import pytest

from xincept_desktop.core.hashing import CHUNK, sha256_file, sha256_file_and_size


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, 2 * CHUNK + 7])
def test_digest_and_size_match_hashlib(tmp_path, size):
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    assert sha256_file_and_size(path) == (hashlib.sha256(data).hexdigest(), size)
    assert sha256_file(path) == hashlib.sha256(data).hexdigest()


def test_a_missing_file_is_an_oserror(tmp_path):
    with pytest.raises(OSError):
        sha256_file(tmp_path / "missing")


def test_the_dataset_hash_is_what_it_was(tmp_path):
    from PIL import Image

    from xincept_desktop.core.training.dataset import data_hash

    root = tmp_path / "data"
    expected = hashlib.sha256()
    for index, name in enumerate(("Benign", "Early", "Pre", "Pro")):
        (root / name).mkdir(parents=True)
        path = root / name / f"img{index}.png"
        Image.new("RGB", (40, 40), (index * 50, 10, 10)).save(path)
        expected.update(f"{name}/img{index}.png".encode())
        expected.update(hashlib.sha256(path.read_bytes()).digest())
    assert data_hash(root) == expected.hexdigest()
    (root / "SHA256SUMS").write_text("abc  Benign/img0.png\n")
    assert data_hash(root) == hashlib.sha256(b"abc  Benign/img0.png\n").hexdigest()

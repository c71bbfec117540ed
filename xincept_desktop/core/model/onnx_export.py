"""The runtime's network as ONNX, for NVIDIA GPUs (ONNX Runtime's CUDA execution provider): OpenVINO, the app's
runtime, has no NVIDIA plugin.

The graph is the one OpenVINO converts (``runtime_export.inference_function``: images -> gated map, gate, pooled
backbone features), converted by tf2onnx. tf2onnx writes each bilinear resize as float32 scales (new/old);
``float32(14/12) * 12`` is 13.9999995, which ONNX shape inference floors to 13 while the other input of the fusion
block's concatenation is 14, so ONNX Runtime refuses the graph ("fusion_mid concat: Inferred=14 Declared=13";
onnx/onnx#4919). :func:`resizes_to_sizes` gives such a resize its target size instead, rounded from the tensor's
own shape at run time; ONNX Runtime derives the same scale from the size, so the arithmetic is unchanged. Measured
on 40 real images against the OpenVINO network, CPU execution provider: largest differences 7.7e-6 (gated map),
2.5e-6 (gate), 1.0e-5 (pooled features), identical calibrated probabilities.

The file (about 174 MB) goes beside the OpenVINO export of the same bundle and is recorded, with its sha256, in
that export's ``runtime.json``; it is written only where it can be used (``packaging/gpu-setup.sh`` on a machine
with an NVIDIA GPU, or ``xincept export-runtime --onnx``).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import numpy as np

from ..atomic import atomic_write_path
from .runtime_files import ONNX_NETWORK, find_runtime, verify_optional, verify_runtime, write_record

OPSET = 17


def export_onnx(bundle: Path, weights_folder: Path | None = None, roots: list[Path] | None = None,
                log: Callable[[str], None] = print) -> Path:
    """Write ``network.onnx`` into ``bundle``'s existing runtime export and record it; return the file. One already
    there that passes its check is kept (``xincept export-runtime --force`` exports everything again)."""
    import importlib.util
    import sys

    from ...errors import ModelIntegrityError, XinceptError
    from .bundle import verify_bundle

    manifest = verify_bundle(Path(bundle))
    folder = find_runtime(manifest, roots)
    record = verify_runtime(folder, manifest)
    try:
        path = verify_optional(folder, record, ONNX_NETWORK)
        log(f"{ONNX_NETWORK} already exported and intact")
        return path
    except ModelIntegrityError:
        pass
    missing = [name for name in ("tf2onnx", "onnx") if importlib.util.find_spec(name) is None]
    if missing:
        raise XinceptError(f"the ONNX export needs {' and '.join(missing)} in this environment "
                           f"(`{sys.executable} -m pip install tf2onnx onnx`; `make setup` installs them)")
    from .predictor import XInceptModel
    from .runtime_export import inference_function

    started = time.perf_counter()
    log(f"building the TensorFlow reference of {manifest.name} {manifest.version}")
    reference = XInceptModel.load(Path(bundle), weights_folder)
    log(f"converting to ONNX (opset {OPSET}, float32)")
    model = resizes_to_sizes(convert(inference_function(reference), reference.input_size))
    with atomic_write_path(folder / ONNX_NETWORK) as tmp:
        _save(model, Path(tmp))
    write_record(folder, record)
    size = (folder / ONNX_NETWORK).stat().st_size / 2**20
    log(f"exported {ONNX_NETWORK} ({size:.0f} MB) to {folder} in {time.perf_counter() - started:.0f} s")
    return folder / ONNX_NETWORK


def convert(function, input_size: int):
    """tf2onnx's ONNX model of the ``tf.function`` images -> {gated, gate, pooled}."""
    import tensorflow as tf
    import tf2onnx

    signature = [tf.TensorSpec([None, input_size, input_size, 3], tf.float32, name="images")]
    model, _ = tf2onnx.convert.from_function(function, input_signature=signature, opset=OPSET)
    return model


def resizes_to_sizes(model):
    """Every Resize with constant, non-integer scales gets the target size it stands for, computed in the graph
    from the tensor's own shape: ``round(height * scale)``, ``round(width * scale)`` (see the module text)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    graph = model.graph
    constants = {tensor.name: tensor for tensor in graph.initializer}
    nodes = []
    for node in graph.node:
        scales = (numpy_helper.to_array(constants[node.input[2]])
                  if node.op_type == "Resize" and len(node.input) == 3 and node.input[2] in constants else None)
        if scales is None or all(float(v).is_integer() for v in scales):
            nodes.append(node)
            continue
        base = f"{node.name}_sizes"
        graph.initializer.extend([
            numpy_helper.from_array(np.array([0], np.int64), base + "_0"),
            numpy_helper.from_array(np.array([2], np.int64), base + "_2"),
            numpy_helper.from_array(np.array([4], np.int64), base + "_4"),
            numpy_helper.from_array(np.asarray(scales[2:4], np.float32), base + "_scales"),
            numpy_helper.from_array(np.array([], np.float32), base + "_none")])
        nodes += [helper.make_node("Shape", [node.input[0]], [base + "_shape"]),
                  helper.make_node("Slice", [base + "_shape", base + "_0", base + "_2"], [base + "_nc"]),
                  helper.make_node("Slice", [base + "_shape", base + "_2", base + "_4"], [base + "_hw"]),
                  helper.make_node("Cast", [base + "_hw"], [base + "_hw_float"], to=TensorProto.FLOAT),
                  helper.make_node("Mul", [base + "_hw_float", base + "_scales"], [base + "_scaled"]),
                  helper.make_node("Round", [base + "_scaled"], [base + "_rounded"]),
                  helper.make_node("Cast", [base + "_rounded"], [base + "_target"], to=TensorProto.INT64),
                  helper.make_node("Concat", [base + "_nc", base + "_target"], [base], axis=0)]
        node.input[2] = base + "_none"
        node.input.append(base)
        nodes.append(node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    return model


def _save(model, path: Path) -> None:
    import onnx

    onnx.save(model, str(path))

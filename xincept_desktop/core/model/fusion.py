"""Feature fusion blocks, the cell gate and the XIncept-ALL head that sits on the two backbones.

::

    image 224x224 ─┬─ InceptionV3 ─ mixed7 12x12x768 ──────┐
                   │               mixed10 5x5x2048 ──┐     │
                   └─ Xception ─── middle flow 14x14x728 ─┐ │
                                   block14 7x7x2048 ──┐   │ │
                                   block3 28x28x256 ──┼───┼─┼──────────────────────┐
                                                      ▼   ▼ ▼                      │
                          fusion_deep (7x7) ◄── deep maps   fusion_mid (14x14) ◄── mid maps
                                  │ upsample x2                   │                │
                                  └──────────► fusion_top (14x14) ◄┘                │
                                                    │ fused map, upsampled to 28x28 │
                                                    │            cell gate (28x28x1) ◄┘  (learned from the
                                                    ▼                 │                   Segmented cell masks)
                                     gated map = fused x gate  ◄──────┘   (Grad-CAM is taken here)
                                                    │
                                 gate-weighted mean = fused embedding (C)  ──► XGBoost
                                                    │
                                        dropout ─ dense ─ softmax  (training signal and Grad-CAM target)

A fusion block projects each input with a 1x1 convolution, batch-norm and ReLU to C channels, brings it to a
common grid (bilinear resize), concatenates, mixes with another 1x1 convolution and re-weights the channels
with squeeze-and-excitation attention. Convolutions are 1x1 so each cell of the fused map still describes the same
part of the image.

The cell gate is a small convolutional block on Xception's 28x28 map, ending in a sigmoid; training supervises it
with the dataset's own lymphoblast masks (the Segmented images) while the classes are learned, and the class loss
does not reach it (stop-gradient), so it stays a cell detector. The embedding is the gate-weighted mean of the
fused map, so the classifier only sees what lies under the gate: background, red cells and scale-bar marks cannot
carry the decision, and Grad-CAM on the gated map (an exact decomposition of the class score for this pooling-plus-
dense head) shows where the evidence is. Weights are stored as ``.weights.h5`` and loaded into this freshly built
architecture (no model config is ever deserialised).
"""

from __future__ import annotations

from ..model.backbones import FEATURE_NAMES

#: shapes of the five backbone maps at 224 x 224 input, in ``FEATURE_NAMES`` order
FEATURE_SHAPES = ((12, 12, 768), (5, 5, 2048), (14, 14, 728), (7, 7, 2048), (28, 28, 256))
GATE_CHANNELS = 64
#: added to the gate's sum before dividing, so an image with no cells gives a small, stable embedding
GATE_FLOOR = 1.0


def fusion_block(keras, inputs, grid: int, channels: int, name: str):
    """Project every input, resize it to ``grid`` x ``grid``, concatenate, mix and apply channel attention."""
    projected = []
    for index, tensor in enumerate(inputs):
        tensor = _conv_bn_relu(keras, tensor, channels, f"{name}_proj{index}")  # project first: cheaper
        if tuple(tensor.shape[1:3]) != (grid, grid):
            tensor = keras.layers.Resizing(grid, grid, interpolation="bilinear", name=f"{name}_resize{index}")(tensor)
        projected.append(tensor)
    mixed = keras.layers.Concatenate(name=f"{name}_concat")(projected)
    mixed = _conv_bn_relu(keras, mixed, channels, f"{name}_mix")
    return _squeeze_excite(keras, mixed, channels, name)


def _conv_bn_relu(keras, tensor, channels: int, name: str):
    tensor = keras.layers.Conv2D(channels, 1, use_bias=False, name=f"{name}_conv")(tensor)
    tensor = keras.layers.BatchNormalization(name=f"{name}_bn")(tensor)
    return keras.layers.ReLU(name=f"{name}_relu")(tensor)


def _squeeze_excite(keras, tensor, channels: int, name: str, ratio: int = 8):
    squeeze = keras.layers.GlobalAveragePooling2D(name=f"{name}_se_pool")(tensor)
    squeeze = keras.layers.Dense(max(channels // ratio, 4), activation="relu", name=f"{name}_se_reduce")(squeeze)
    squeeze = keras.layers.Dense(channels, activation="sigmoid", name=f"{name}_se_expand")(squeeze)
    squeeze = keras.layers.Reshape((1, 1, channels), name=f"{name}_se_reshape")(squeeze)
    return keras.layers.Multiply(name=f"{name}_se_scale")([tensor, squeeze])


def build_fusion_trunk(channels: int = 128, shapes=FEATURE_SHAPES):
    """Model: the five backbone maps -> (gated map, gate), both on the fine map's grid."""
    import keras

    inputs = [keras.Input(shape, name=name) for shape, name in zip(shapes, FEATURE_NAMES)]
    inc_mid, inc_deep, xc_mid, xc_deep, xc_fine = inputs
    grid = max(shapes[0][0], shapes[2][0])
    deep_grid = max(shapes[1][0], shapes[3][0])
    fine_grid = shapes[4][0]
    mid = fusion_block(keras, [inc_mid, xc_mid], grid, channels, "fusion_mid")
    deep = fusion_block(keras, [inc_deep, xc_deep], deep_grid, channels, "fusion_deep")
    fused = fusion_block(keras, [mid, deep], grid, channels, "fusion_top")
    fused = keras.layers.Resizing(fine_grid, fine_grid, interpolation="bilinear", name="fused_upsample")(fused)
    gate = cell_gate(keras, xc_fine)
    # the class loss cannot move the gate: it learns only where the cells are, so it cannot open onto a
    # background colour that happens to give a class away
    held_gate = keras.ops.stop_gradient(gate)
    gated = keras.layers.Multiply(name="gated_map")([fused, held_gate])
    return keras.Model(inputs, [gated, gate], name="fusion_trunk")


def cell_gate(keras, fine):
    """Per-position probability that a lymphoblast lies there: (grid, grid, 1) in [0, 1].

    It sees only Xception's fine map (generic ImageNet features), never the class-trained fused map: given the
    fused map it opened onto whole Pro fields, whose features it had never been shown with a mask.
    """
    tensor = _conv_bn_relu(keras, fine, GATE_CHANNELS, "gate_fine")
    for index in (1, 2):
        tensor = keras.layers.Conv2D(GATE_CHANNELS, 3, padding="same", use_bias=False,
                                     name=f"gate_mix{index}_conv")(tensor)
        tensor = keras.layers.BatchNormalization(name=f"gate_mix{index}_bn")(tensor)
        tensor = keras.layers.ReLU(name=f"gate_mix{index}_relu")(tensor)
    return keras.layers.Conv2D(1, 1, activation="sigmoid", name="cell_gate")(tensor)


def gated_mean(keras, gated, gate):
    """Sum of the gated map over positions divided by the gate's sum plus ``GATE_FLOOR``: (batch, channels)."""
    total = keras.ops.sum(gated, axis=(1, 2))
    coverage = keras.ops.sum(keras.ops.stop_gradient(gate), axis=(1, 2))
    return total / (coverage + GATE_FLOOR)


def build_classifier_head(channels: int, n_classes: int, grid: int, dropout: float = 0.3):
    """Model: (gated map, gate) -> (embedding, logits). Gate-weighted mean then one dense layer."""
    import keras

    gated = keras.Input((grid, grid, channels), name="gated_map")
    gate = keras.Input((grid, grid, 1), name="gate")
    embedding = gated_mean(keras, gated, gate)
    dropped = keras.layers.Dropout(dropout, name="dropout")(embedding)
    logits = keras.layers.Dense(n_classes, name="logits")(dropped)
    return keras.Model([gated, gate], [embedding, logits], name="classifier_head")


def build_training_model(channels: int, n_classes: int, shapes=FEATURE_SHAPES, dropout: float = 0.3):
    """Backbone maps -> (softmax probabilities, cell gate); trunk and head are sub-models so their weights can be
    saved and reused by the predictor."""
    import keras

    trunk = build_fusion_trunk(channels, shapes)
    head = build_classifier_head(channels, n_classes, shapes[4][0], dropout)
    gated, gate = trunk.outputs
    _, logits = head([gated, gate])
    probabilities = keras.layers.Softmax(name="probabilities")(logits)
    gate_out = keras.layers.Identity(name="cell_gate_out")(gate)
    return keras.Model(trunk.inputs, [probabilities, gate_out], name="xincept_fusion"), trunk, head

"""Feature fusion blocks and the XIncept-ALL head that sits on the two backbones.

::

    image 224x224 ─┬─ InceptionV3 ─ mixed7 12x12x768 ──────┐
                   │               mixed10 5x5x2048 ──┐     │
                   └─ Xception ─── middle flow 14x14x728 ─┐ │
                                   block14 7x7x2048 ──┐   │ │
                                                      ▼   ▼ ▼
                          fusion_deep (7x7) ◄── deep maps   fusion_mid (14x14) ◄── mid maps
                                  │ upsample x2                   │
                                  └──────────► fusion_top (14x14) ◄┘
                                                    │  fused map 14x14xC  (Grad-CAM is taken here)
                                        global average pool = fused embedding (C)  ──► XGBoost
                                                    │
                                        dropout ─ dense ─ softmax  (training signal and Grad-CAM target)

A fusion block projects each input with a 1x1 convolution, batch-norm and ReLU to C channels, brings it to a
common grid (bilinear resize), concatenates, mixes with another 1x1 convolution and re-weights the channels
with squeeze-and-excitation attention. Convolutions are 1x1 so each cell of the fused map still describes the same
part of the image, which keeps Grad-CAM maps sharp. Weights are stored as ``.weights.h5`` and loaded into this
freshly built architecture (no model config is ever deserialised).
"""

from __future__ import annotations

from ..model.backbones import FEATURE_NAMES

#: shapes of the four backbone maps at 224 x 224 input, in ``FEATURE_NAMES`` order
FEATURE_SHAPES = ((12, 12, 768), (5, 5, 2048), (14, 14, 728), (7, 7, 2048))
FUSED_GRID = 14


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
    """Model: the four backbone maps -> fused map (``FUSED_GRID`` x ``FUSED_GRID`` x ``channels``)."""
    import keras

    inputs = [keras.Input(shape, name=name) for shape, name in zip(shapes, FEATURE_NAMES)]
    inc_mid, inc_deep, xc_mid, xc_deep = inputs
    grid = max(shapes[0][0], shapes[2][0])
    deep_grid = max(shapes[1][0], shapes[3][0])
    mid = fusion_block(keras, [inc_mid, xc_mid], grid, channels, "fusion_mid")
    deep = fusion_block(keras, [inc_deep, xc_deep], deep_grid, channels, "fusion_deep")
    fused = fusion_block(keras, [mid, deep], grid, channels, "fusion_top")
    return keras.Model(inputs, fused, name="fusion_trunk")


def build_classifier_head(channels: int, n_classes: int, dropout: float = 0.3):
    """Model: fused map -> (embedding, logits). Pooling then one dense layer, so Grad-CAM is exact and cheap."""
    import keras

    fused = keras.Input((None, None, channels), name="fused_map")
    embedding = keras.layers.GlobalAveragePooling2D(name="embedding")(fused)
    dropped = keras.layers.Dropout(dropout, name="dropout")(embedding)
    logits = keras.layers.Dense(n_classes, name="logits")(dropped)
    return keras.Model(fused, [embedding, logits], name="classifier_head")


def build_training_model(channels: int, n_classes: int, shapes=FEATURE_SHAPES, dropout: float = 0.3):
    """Backbone maps -> softmax probabilities; trunk and head are sub-models so their weights can be saved."""
    import keras

    trunk = build_fusion_trunk(channels, shapes)
    head = build_classifier_head(channels, n_classes, dropout)
    _, logits = head(trunk.outputs[0])
    probabilities = keras.layers.Softmax(name="probabilities")(logits)
    return keras.Model(trunk.inputs, probabilities, name="xincept_fusion"), trunk, head

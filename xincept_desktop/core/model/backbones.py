"""The two ImageNet backbones of XIncept-ALL, built with Keras Applications, and their feature taps.

Both backbones take the same preprocessing (pixels scaled to [-1, 1]) so they share one input. Each gives the
fusion network two feature maps (at 224 x 224 input):

============  ======================  ==================  ===================
backbone      mid tap                 mid map             deep tap / map
============  ======================  ==================  ===================
InceptionV3   ``mixed7``              12 x 12 x 768       ``mixed10`` 5 x 5 x 2048
Xception      end of the middle flow  14 x 14 x 728       ``block14_sepconv2_act`` 7 x 7 x 2048
Xception      end of block 3 (fine)   28 x 28 x 256
============  ======================  ==================  ===================

The InceptionV3 weights we convert come from Google's 2015 graph, whose ``mixed10`` pool branch is a
max-pool where Keras's InceptionV3 has an average-pool; ``mixed10_pool="max"`` builds the exact network.
"""

from __future__ import annotations

import re

INCEPTION_TAPS = ("mixed7", "mixed10")
XCEPTION_MID_TAP = "block13_sepconv1_act"  # its *input* is the middle flow's output
XCEPTION_DEEP_TAP = "block14_sepconv2_act"
XCEPTION_FINE_TAP = "block4_sepconv1_act"  # its *input* is the end of block 3
FEATURE_NAMES = ("inception_mid", "inception_deep", "xception_mid", "xception_deep", "xception_fine")


def preprocess_layer(keras):
    """Scale ``uint8``-range pixels to [-1, 1] as both backbones expect."""
    return keras.layers.Rescaling(1.0 / 127.5, offset=-1.0, name="scale_to_unit_range")


def build_inception_v3(input_size: int, mixed10_pool: str = "max"):
    """Keras's InceptionV3 without top (random weights) with the ``mixed10`` pool branch chosen."""
    import keras

    base = keras.applications.InceptionV3(
        include_top=False, weights=None, input_shape=(input_size, input_size, 3)
    )
    if mixed10_pool == "avg":
        return base
    if mixed10_pool != "max":
        raise ValueError("mixed10_pool must be 'max' or 'avg'")
    target = _mixed10_pool_layer(base)

    def clone(layer):
        if layer.name == target:
            return keras.layers.MaxPooling2D((3, 3), strides=(1, 1), padding="same", name=layer.name)
        return layer.__class__.from_config(layer.get_config())

    model = keras.models.clone_model(base, clone_function=clone)
    return model


def _mixed10_pool_layer(model) -> str:
    """Name of the average-pool layer in ``mixed10``'s pool branch (pool -> 1x1 conv -> BN -> ReLU -> mixed10)."""
    import keras

    mixed10 = model.get_layer("mixed10")
    for inbound in mixed10._inbound_nodes[0].input_tensors:
        layer = inbound._keras_history.operation
        while not isinstance(layer, keras.layers.AveragePooling2D):
            inputs = layer._inbound_nodes[0].input_tensors
            if len(inputs) != 1:
                break
            layer = inputs[0]._keras_history.operation
        else:
            return layer.name
    raise RuntimeError("could not find mixed10's pool branch in InceptionV3")


def build_xception(input_size: int):
    """Keras's Xception without top (random weights)."""
    import keras

    return keras.applications.Xception(include_top=False, weights=None, input_shape=(input_size, input_size, 3))


def numbered_layers(model, class_name: str) -> list:
    """Layers of one class ordered by the numeric suffix of their auto-generated names (``conv2d``, ``conv2d_1``...)."""
    pattern = re.compile(r"^(.*?)(?:_(\d+))?$")

    def order(layer) -> int:
        match = pattern.match(layer.name)
        return int(match.group(2) or 0)

    return sorted((l for l in model.layers if l.__class__.__name__ == class_name), key=order)


def build_feature_extractor(input_size: int, inception, xception):
    """One Keras model: RGB image in [0, 255] -> the five backbone feature maps, in ``FEATURE_NAMES`` order."""
    import keras

    image = keras.Input((input_size, input_size, 3), name="image")
    scaled = preprocess_layer(keras)(image)
    # both backbones see the same scaled image
    inc_in = keras.Model(inception.input, [inception.get_layer(n).output for n in INCEPTION_TAPS], name="inception_v3")
    xc_in = keras.Model(
        xception.input,
        [xception.get_layer(XCEPTION_MID_TAP).input, xception.get_layer(XCEPTION_DEEP_TAP).output,
         xception.get_layer(XCEPTION_FINE_TAP).input],
        name="xception",
    )
    inc_mid, inc_deep = inc_in(scaled)
    xc_mid, xc_deep, xc_fine = xc_in(scaled)
    return keras.Model(image, [inc_mid, inc_deep, xc_mid, xc_deep, xc_fine], name="backbone_features")

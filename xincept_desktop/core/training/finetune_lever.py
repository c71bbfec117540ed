"""The fine-tuning lever: the backbones' last blocks trained with the fusion network, from cached earlier maps
(``xincept view-lever --lever fine-tune``).

The feature cache holds the maps the last blocks start from: Xception's middle-flow output (the exit flow's input)
and InceptionV3's ``mixed7`` (``mixed8``'s input). So the exit flow (blocks 13-14) and ``mixed9``-``mixed10`` can be
trained on 2 cores without running the rest of either backbone; ``mixed8`` runs frozen in between, and every batch
normalisation keeps its ImageNet statistics and scale (frozen, as usual when fine-tuning on a small dataset).

Both arms start from the split's own trained fusion network (its checkpoint) and train for a schedule's epochs
(``SCHEDULES``: the lever's name picks it) more over the split's training images (their clean view and first
augmented view: what 2 cores allow) at the schedule's learning rate, from the split's seed:

- ``continued``: the fusion network alone (backbones frozen, their cached deep maps);
- ``fine-tuned``: the same, with the last blocks trainable.

Each arm then embeds every cached row (the fine-tuned arm through its own last blocks), fits its own XGBoost on
the training rows and its own temperature on the held-out ones; scored like the other levers. The paired difference
of the two arms is the fine-tuning's effect, not the extra epoch's. Not resumable: a run that stops starts again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..model.backbones import INCEPTION_TAPS, XCEPTION_DEEP_TAP, XCEPTION_MID_TAP
from ..model.xgb_head import balanced_sample_weights
from ..progress import format_duration
from .head_training import GATE_LOSS_WEIGHT, cached_maps_dataset, masked_gate_loss, train_fusion_head
from .cached_rows import row_groups
from .view_levers import score_arms, score_embeddings, split_run

TUNED_VIEWS = ("clean", "aug1")  # the training rows of the extra epochs


@dataclass(frozen=True)
class Schedule:
    """How long and how fast both arms train on from the split's own run."""
    epochs: int
    learning_rate: float


#: ``fine-tune``: one epoch at a small rate (what was measured first); ``fine-tune-long``: four epochs at a rate
#: three times larger, the longer schedule the first one left open
SCHEDULES = {"fine-tune": Schedule(1, 3e-5), "fine-tune-long": Schedule(4, 1e-4)}
FROZEN_INCEPTION_BLOCK = "mixed8"  # runs between the cached mixed7 and the trained mixed9-10


def last_blocks(input_size: int, weights_folder):
    """(InceptionV3 ``mixed7`` -> ``mixed10``, Xception middle flow -> exit flow) as Keras models with ImageNet
    weights; ``mixed8`` and every batch normalisation frozen."""
    import keras

    from ..model.network import build_backbones

    inception, xception, _ = build_backbones(input_size, weights_folder)
    inception_tail = keras.Model(inception.get_layer(INCEPTION_TAPS[0]).output,
                                 inception.get_layer(INCEPTION_TAPS[1]).output, name="inception_mixed8_10")
    xception_tail = keras.Model(xception.get_layer(XCEPTION_MID_TAP).input,
                                xception.get_layer(XCEPTION_DEEP_TAP).output, name="xception_exit_flow")
    names = [layer.name for layer in inception_tail.layers]
    last_frozen = names.index(FROZEN_INCEPTION_BLOCK)
    for position, layer in enumerate(inception_tail.layers):
        layer.trainable = position > last_frozen and not _is_batch_norm(layer)
    for layer in xception_tail.layers:
        layer.trainable = not _is_batch_norm(layer)
    return inception_tail, xception_tail


def _is_batch_norm(layer) -> bool:
    return layer.__class__.__name__ == "BatchNormalization"


def joint_model(fusion, inception_tail, xception_tail, shapes):
    """Cached maps -> the fusion network's outputs, with both deep maps recomputed by the last blocks."""
    import keras

    inputs = [keras.Input(shape) for shape in shapes]
    inception_deep = inception_tail(inputs[0], training=False)  # batch norms in inference mode
    xception_deep = xception_tail(inputs[2], training=False)
    return keras.Model(inputs, fusion([inputs[0], inception_deep, inputs[2], xception_deep, inputs[4]]))


def _continue_training(model, run, train_rows, row_labels, seed: int, log, name: str, schedule: Schedule) -> float:
    import keras

    model.compile(optimizer=keras.optimizers.AdamW(schedule.learning_rate, weight_decay=1e-4),
                  loss=[keras.losses.CategoricalCrossentropy(), masked_gate_loss],
                  loss_weights=[1.0, GATE_LOSS_WEIGHT])
    data = cached_maps_dataset(run.cache.arrays, run.cache.masks, train_rows, row_labels[train_rows],
                               balanced_sample_weights(row_labels[train_rows]), 64, seed * 1000 + 99, 0.05)
    began = time.monotonic()
    history = model.fit(data, epochs=schedule.epochs, verbose=0)
    log(f"{name}: {schedule.epochs} more epoch(s), loss {history.history['loss'][-1]:.4f} "
        f"({format_duration(time.monotonic() - began)})")
    return time.monotonic() - began


def _embed(trunk, head, arrays, tails=None, batch_size: int = 64) -> np.ndarray:
    import tensorflow as tf

    @tf.function(reduce_retracing=True)
    def embed(maps):
        maps = list(maps)
        if tails is not None:
            maps[1] = tails[0](maps[0], training=False)
            maps[3] = tails[1](maps[2], training=False)
        gated, gate = trunk(maps, training=False)
        return head([gated, gate], training=False)[0]

    parts = []
    for start in range(0, arrays[0].shape[0], batch_size):
        parts.append(np.asarray(embed([np.asarray(a[start:start + batch_size], dtype=np.float32) for a in arrays])))
    return np.concatenate(parts)


def finetune_lever_study(config, log: Callable[[str], None], lever: str = "fine-tune") -> dict:
    """Measure fine-tuning the last blocks on ``config``'s split (both arms from the split's own run), with the
    schedule ``SCHEDULES[lever]``."""
    import keras

    schedule = SCHEDULES[lever]
    epochs = f"{schedule.epochs} epoch{'' if schedule.epochs == 1 else 's'}"

    run = split_run(config, log)
    groups = row_groups(run.rows, run.split)
    row_labels = np.array([run.items[row.image].label for row in run.rows])
    train_rows = groups["train"]
    tuned_rows = [r for r in train_rows if run.rows[r].view in TUNED_VIEWS]
    members, seconds = {}, {}
    for name in ("continued", "fine-tuned"):
        keras.utils.set_random_seed(config.seed)
        began = time.monotonic()
        model, trunk, head = train_fusion_head(run.cache.arrays, run.cache.masks, train_rows, row_labels[train_rows],
                                               run.workspace, config.seed, log, channels=config.channels,
                                               epochs=config.epochs, features_key=run.cache.key)
        tails = None
        if name == "fine-tuned":
            tails = last_blocks(config.input_size, config.weights_folder)
            shapes = [tuple(a.shape[1:]) for a in run.cache.arrays]
            model = joint_model(model, *tails, shapes)
            log(f"fine-tuning {sum(int(np.prod(w.shape)) for w in model.trainable_weights):,} weights "
                f"(fusion network, InceptionV3 mixed9-10, Xception exit flow)")
        _continue_training(model, run, tuned_rows, row_labels, config.seed, log, name, schedule)
        embedded = _embed(trunk, head, run.cache.arrays, tails)
        members[name] = score_embeddings(config, embedded, groups, row_labels)
        seconds[name] = time.monotonic() - began
        log(f"{name}: trained and scored in {format_duration(seconds[name])}")
    scored = score_arms(config, run.items, run.rows, groups, row_labels, members, log)
    return {"fold": config.fold, "lever": lever, "lever_arm": "fine-tuned", "reference_arm": "continued",
            "reference_label": f"split's own run + {epochs} at {schedule.learning_rate:g}, backbones frozen",
            "description": f"InceptionV3 mixed9-10 and the Xception exit flow trained with the fusion network for "
                           f"{epochs} over the clean and first augmented views at learning rate "
                           f"{schedule.learning_rate:g} from the split's own run (batch norms frozen), against the "
                           f"same {epochs} with the backbones frozen",
            "cost": f"{len(tuned_rows)} training rows (clean and first augmented view) through the last blocks, "
                    f"forward and backward; no inference cost (the same network, other weights)",
            "held_out_images": len(run.split.validation), "figures": scored, "seconds": seconds,
            "out": str(config.out)}

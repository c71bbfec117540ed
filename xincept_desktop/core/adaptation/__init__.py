"""Site adaptation: a laboratory fits the model's last stages to its own labelled images, without a GPU.

The backbones and the fusion trunk (the network) are kept; the XGBoost head is refit on the lab's images together
with the original training images' embeddings (``training_features.npz`` in the bundle), the temperature on the
lab's images, and the out-of-domain statistics gain the lab's images. A held-out part of the lab's data (whole
blocks of consecutive file numbers, or whole cases) is never fitted on: it gives the before/after figures. The
result is a new bundle beside the parent (which stays installed), with its provenance in the manifest, in
``adaptation.json`` and on the model card. Nothing is written unless every step succeeded.
"""

"""Training and evaluation of the XIncept-ALL model (leak-free splits, augmentation, feature cache)."""

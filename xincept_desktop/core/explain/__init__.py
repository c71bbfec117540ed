"""Explanations: class-activation maps at image resolution and overlays (pure numpy, no Qt)."""

"""Microscope scale: the red-cell ruler, the training images' reference, and normalisation before the model."""

from .decision import PROFILE, RULER, UNCHECKED, UNKNOWN, ScaleDecision, decide
from .profiles import MicroscopeProfile
from .reference import SCALE_FILE, ScaleReference, build_reference
from .ruler import ScaleReading, read_scale
from .tiling import TilePlan, plan_tiles

__all__ = ["PROFILE", "RULER", "SCALE_FILE", "UNCHECKED", "UNKNOWN", "MicroscopeProfile", "ScaleDecision",
           "ScaleReading", "ScaleReference", "TilePlan", "build_reference", "decide", "plan_tiles", "read_scale"]

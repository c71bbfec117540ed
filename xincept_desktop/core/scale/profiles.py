"""Microscope profiles: what a laboratory knows about its own objective and camera.

When the ruler cannot read the red cells (too few, or sizes that disagree), the active profile's micrometres per
pixel give the scale instead. Profiles are plain data; the GUI keeps them in its settings and the CLI takes
``--um-per-pixel``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MicroscopeProfile:
    name: str
    um_per_pixel: float  # micrometres of specimen per image pixel at this objective and camera
    objective: str = ""
    camera: str = ""

    def __post_init__(self):
        if not (0.005 <= self.um_per_pixel <= 50.0):
            raise ValueError(f"micrometres per pixel must lie between 0.005 and 50 (got {self.um_per_pixel})")
        if not self.name.strip():
            raise ValueError("a microscope profile needs a name")

    def describe(self) -> str:
        parts = [self.name, self.objective, self.camera, f"{self.um_per_pixel:g} um/px"]
        return ", ".join(p for p in parts if p)

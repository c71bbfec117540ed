"""XIncept Desktop: decision support for acute lymphoblastic leukemia subtyping (XIncept-ALL)."""

__version__ = "0.1.0"

"""Verification study: a laboratory measures the model on its own labelled images before using it (CLSI EP12,
ISO 15189), and files the result (``verification.pdf`` and ``verification.json``).

``data`` reads the lab's labelled images (class folders or a CSV), ``metrics`` computes agreement, kappa,
per-class sensitivity and specificity with their 95 % intervals, ``study`` runs the model and assembles the
record, ``pdf`` renders it.
"""

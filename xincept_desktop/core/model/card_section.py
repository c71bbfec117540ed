"""Put one measured section into a bundle's model card (``model_card.json`` and ``MODEL_CARD.md``) after training:
the runtime agreement (``xincept agreement --card``), the lever table (``xincept levers --card``)."""

from __future__ import annotations

import json
from pathlib import Path

from ..atomic import atomic_write_text
from .bundle import read_manifest, write_manifest

ANCHOR = "## Intended use"


def put_section(bundle, key: str, figures: dict, lines: list[str]) -> None:
    """Store ``figures`` as ``metrics[key]`` in ``model_card.json`` and the section ``lines`` (whose first line is
    its heading) in ``MODEL_CARD.md`` before "Intended use", replacing an earlier one of that heading; then rewrite
    the manifest (the bundle's short hash changes, the runtime's key, which hashes the network files, does not)."""
    bundle = Path(bundle)
    card_json = bundle / "model_card.json"
    if card_json.is_file():
        card = json.loads(card_json.read_text(encoding="utf-8"))
        card.setdefault("metrics", {})[key] = figures
        atomic_write_text(card_json, json.dumps(card, indent=2, sort_keys=True) + "\n")
    card_md = bundle / "MODEL_CARD.md"
    text = card_md.read_text(encoding="utf-8") if card_md.is_file() else ""
    section, heading = "\n".join(lines), lines[0]
    if heading in text:
        start = text.index(heading)
        following = text.find("\n## ", start + len(heading))
        end = following + 1 if following >= 0 else len(text)
        text = text[:start] + section + "\n" + text[end:]
    elif ANCHOR in text:
        text = text.replace(ANCHOR, section + "\n" + ANCHOR, 1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    atomic_write_text(card_md, text)
    write_manifest(bundle, read_manifest(bundle))

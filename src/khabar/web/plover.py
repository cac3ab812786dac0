"""The four PLOVER classes (quad classes): which event types belong to each, and its colour.

This table is the one place the web interface learns the mapping: the SQL filters, the JSON
answers, the CSS (``/plover.css``) and the charts (embedded as JSON) all read it. Colours are
a blue/orange pair (readable with the common colour-vision deficiencies): light for verbal,
dark for material.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CLASSES", "CLASS_OF", "TYPES", "class_css", "class_of", "classes_json"]

CLASSES: dict[str, dict[str, Any]] = {
    "verbal_cooperation": {
        "label": "Verbal cooperation",
        "colour": "#6aa9e9",
        "types": ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"],
    },
    "material_cooperation": {
        "label": "Material cooperation",
        "colour": "#1d4f91",
        "types": ["COOPERATE", "AID", "RETREAT"],
    },
    "verbal_conflict": {
        "label": "Verbal conflict",
        "colour": "#f0a33a",
        "types": ["REQUEST", "ACCUSE", "REJECT", "THREATEN"],
    },
    "material_conflict": {
        "label": "Material conflict",
        "colour": "#c0392b",
        "types": ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
    },
}

CLASS_OF: dict[str, str] = {t: cls for cls, info in CLASSES.items() for t in info["types"]}
TYPES: tuple[str, ...] = tuple(CLASS_OF)
OTHER = "other"  # a type outside PLOVER's 16 (should not happen; shown grey, never dropped)


def class_of(event_type: str | None) -> str:
    """The PLOVER class of an event type (``"other"`` for an unknown type)."""
    return CLASS_OF.get((event_type or "").upper(), OTHER)


def classes_json() -> dict[str, Any]:
    """The table as the charts read it."""
    return {
        "classes": {k: {"label": v["label"], "colour": v["colour"], "types": v["types"]}
                    for k, v in CLASSES.items()},
        "class_of": CLASS_OF,
        "other": {"label": "Other", "colour": "#8a8f98"},
    }


def class_css() -> str:
    """CSS rules for each class: ``.cls-<class>`` chips and ``--c-<class>`` variables."""
    lines = [":root {"]
    for key, info in CLASSES.items():
        lines.append(f"  --c-{key}: {info['colour']};")
    lines.append(f"  --c-{OTHER}: #8a8f98;")
    lines.append("}")
    for key in [*CLASSES, OTHER]:
        lines.append(f".cls-{key} {{ --cls: var(--c-{key}); }}")
    return "\n".join(lines) + "\n"

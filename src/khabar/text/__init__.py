"""Text utilities shared by every stage: normalisation with offset maps, compiled lexicons."""

from khabar.text.lexicon import Match, PhraseMatcher
from khabar.text.normalize import NormText, fold, normalize

__all__ = ["Match", "NormText", "PhraseMatcher", "fold", "normalize"]

"""Cross-script, transliteration-aware name matching (Persian, Arabic, Latin).

``similarity(a, b)`` and ``same_name(a, b)`` compare two spellings; ``tokens``/``skeleton`` give
the phonetic symbols a name is compared on; ``NameIndex`` finds the entries a name may refer to
among many without comparing it with all of them.
"""

from khabar.names.compare import THRESHOLD, same_name, similarity, symbol_similarity
from khabar.names.index import NameIndex
from khabar.names.skeleton import Token, key_of, keys_of, skeleton, tokens

__all__ = [
    "THRESHOLD",
    "NameIndex",
    "Token",
    "key_of",
    "keys_of",
    "same_name",
    "similarity",
    "skeleton",
    "symbol_similarity",
    "tokens",
]

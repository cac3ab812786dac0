"""khabar: political event records from Persian, Arabic and English news, read natively.

The public surface is small and pinned in ``__all__``; everything else is internal.
"""

from khabar.document import Document, Span
from khabar.errors import KhabarError
from khabar.pipeline import Pipeline, register
from khabar.settings import Settings, load_settings
from khabar.store import open_store

__version__ = "0.1.0"

__all__ = [
    "Document",
    "KhabarError",
    "Pipeline",
    "Settings",
    "Span",
    "__version__",
    "load_settings",
    "open_store",
    "register",
]

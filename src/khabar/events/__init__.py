"""Event extraction: triggers (lexicons, morphology, modality) and argument attribution."""

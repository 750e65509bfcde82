"""The checker's own rules, one small function each, by family: structure (S), completeness (M),
text (T) and dialogue (D).  The reference rules (R) are the model's."""

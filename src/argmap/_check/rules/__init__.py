"""The checker's own rules, one small function each, by family: structure (S), completeness (M),
text (T) and dialogue (D); misreading.py holds the D and S rules that catch a thread misread.
The reference rules (R) are the model's."""

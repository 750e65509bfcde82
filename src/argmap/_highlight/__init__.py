"""Highlighting argmap text outside argmap: a Pygments lexer (docs, Jupyter, pygmentize) and the
TextMate grammar of the VS Code extension, both from the grammar's own words."""

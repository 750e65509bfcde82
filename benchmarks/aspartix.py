"""ASPARTIX-style answer-set encodings of Dung semantics, for clingo.

Used by the clingo comparison tests (tests/evaluate) and by
bench_semantics.py.  Facts: ``arg(X).`` and ``att(X,Y).``; the ``in/1`` atoms
of a model are the extension.  Subset-maximal semantics use clingo's domain
heuristic (``--heuristic=Domain --enum-mode=domRec``) on the atom named in
``ENCODINGS[...][1]``.
"""

from __future__ import annotations

BASE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
ADMISSIBLE = BASE + "not_defended(X) :- att(Y,X), not defeated(Y).\n:- in(X), not_defended(X).\n"
COMPLETE = ADMISSIBLE + ":- out(X), not not_defended(X).\n"
STABLE = BASE + ":- out(X), not defeated(X).\n"
RANGE = "in_range(X) :- in(X).\nin_range(X) :- defeated(X).\n"
#: The grounded extension as the least model of a positive program (clingo's grounder computes it).
GROUNDED = """
in(X) :- arg(X), gdefeated(Y) : att(Y,X).
gdefeated(X) :- in(Y), att(Y,X).
"""

#: semantics → (program, atom whose set is maximised, or None)
ENCODINGS = {
    "GR": (GROUNDED, None),
    "CO": (COMPLETE, None),
    "ST": (STABLE, None),
    "PR": (ADMISSIBLE + "#heuristic in(X) : arg(X). [1,true]\n", "in"),
    "SST": (COMPLETE + RANGE + "#heuristic in_range(X) : arg(X). [1,true]\n", "in_range"),
    "STG": (BASE + RANGE + "#heuristic in_range(X) : arg(X). [1,true]\n", "in_range"),
}


def control_arguments(semantics: str, models: int = 0) -> list[str]:
    """clingo's command-line options for ``semantics`` (``models``: 0 = all)."""
    args = [str(models)]
    if ENCODINGS[semantics][1]:
        args += ["--heuristic=Domain", "--enum-mode=domRec"]
    return args

"""``python -m argmap``."""

from ._cli import run

if __name__ == "__main__":
    run()

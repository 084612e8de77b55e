"""noai: find the IP and licence clauses of a Word contract and redline them against AI training."""

__version__ = "0.1.0"

"""Performance benchmarks of article-assistant (issue 5): `python -m benchmarks --help`."""

# Two entry points: `make serve` (install if needed, build the index if needed, serve the chat)
# and `make test` (install if needed, run the whole test suite with the network cut).
.PHONY: serve test setup

setup:
	@bash scripts/setup.sh

serve: setup
	.venv/bin/assistant serve

test: setup
	bash scripts/test.sh

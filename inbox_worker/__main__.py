"""`python -m inbox_worker` runs the command line."""

from inbox_worker.cli import main

main()

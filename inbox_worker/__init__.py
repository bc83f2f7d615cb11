"""inbox-worker: a complaint desk that lives in a shop's support mailbox."""

__version__ = "0.1.0"

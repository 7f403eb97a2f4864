"""Contract suites of the notification channels (email and text-message senders)."""

"""Work off the GUI thread: jobs (import, suggest, recover), reader threads, backups, watching."""

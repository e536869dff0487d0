"""Files in and out of a window: opening workspaces (new, recent, damaged), importing articles."""

"""Tags in the window: tagging keys, the tag panel and its fields, suggestions."""

"""Analysis of tags and briefs: plain records for the GUI, the CLI and templates."""

"""Tradecraft from the analyst's tags and briefs: stories, claims, conflicts, markings, wording, timeline."""

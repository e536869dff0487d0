"""Tradecraft computed from the analyst's tags: story clusters, claims, corroboration, conflicts."""

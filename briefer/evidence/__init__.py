"""Evidence of what was fetched: WARC records beside the workspace, linked to articles."""

from briefer.evidence.warc import evidence_folder, read_response, write_capture

__all__ = ["evidence_folder", "read_response", "write_capture"]

"""WARC files of fetched responses, kept in ``WS.evidence/`` beside the workspace.

Each capture is one small gzipped WARC file holding the request Briefer sent and
the response as received (status line, headers and the body still
content-encoded; only the hop-by-hop ``Transfer-Encoding`` is dropped since the
body is stored de-chunked). Files are written to a temporary name and renamed,
so a crash never leaves half a record.
"""

from __future__ import annotations

import io
import os
import uuid
from typing import TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from briefer.errors import NotFound
from briefer.workspace.evidence import EvidenceRecord

if TYPE_CHECKING:
    from pathlib import Path

    from briefer.ingest.web import Page

_HOP_BY_HOP = frozenset(("transfer-encoding", "connection", "keep-alive"))


def evidence_folder(workspace: Path) -> Path:
    """The evidence folder of a workspace file: ``NAME.evidence`` beside it."""
    return workspace.with_name(workspace.name + ".evidence")


def _warc_date(captured_at: str) -> str:
    return captured_at.replace("+00:00", "Z")


def write_capture(folder: Path, page: Page) -> EvidenceRecord:
    """Write ``page``'s final request and response as a WARC file in ``folder``; return its record."""
    folder.mkdir(parents=True, exist_ok=True)
    exchange = page.exchange
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    date = _warc_date(page.captured_at)
    headers = [(k, v) for k, v in exchange.headers if k.lower() not in _HOP_BY_HOP]
    protocol = exchange.http_version if exchange.http_version.startswith("HTTP/") else "HTTP/1.1"
    response = writer.create_warc_record(
        exchange.url, "response", payload=io.BytesIO(exchange.body), length=len(exchange.body),
        http_headers=StatusAndHeaders(f"{exchange.status} {exchange.reason}", headers, protocol=protocol),
        warc_headers_dict={"WARC-Date": date},
    )
    record_id = response.rec_headers.get_header("WARC-Record-ID")
    request = writer.create_warc_record(
        exchange.url, "request", payload=io.BytesIO(b""), length=0,
        http_headers=StatusAndHeaders(f"{exchange.method} {_target(exchange.url)} {protocol}",
                                      list(exchange.request_headers), is_http_request=True),
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": record_id},
    )
    writer.write_record(response)
    writer.write_record(request)
    name = f"{date.replace(':', '').replace('-', '')}-{uuid.uuid4().hex[:12]}.warc.gz"
    temporary = folder / f".{name}.part"
    temporary.write_bytes(buffer.getvalue())
    os.replace(temporary, folder / name)
    return EvidenceRecord(
        record_id=record_id, warc_file=name, url=page.url, final_url=page.final_url,
        http_status=exchange.status, payload_digest=response.rec_headers.get_header("WARC-Payload-Digest"),
        captured_at=page.captured_at,
    )


def _target(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return "/" + rest.split("/", 1)[1] if "/" in rest else "/"


def read_response(folder: Path, record: EvidenceRecord) -> tuple[list[tuple[str, str]], bytes]:
    """The HTTP headers and decoded body of a kept response; NotFound when its file is gone."""
    path = folder / record.warc_file
    try:
        with path.open("rb") as fh:
            for rec in ArchiveIterator(fh):
                if rec.rec_headers.get_header("WARC-Record-ID") == record.record_id:
                    return list(rec.http_headers.headers), rec.content_stream().read()
    except OSError as exc:
        raise NotFound(str(path), exc.strerror or "cannot be read") from exc
    raise NotFound(str(path), f"holds no record {record.record_id}")

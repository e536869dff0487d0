"""Custom document properties (``docProps/custom.xml``): the marking for records systems.

Labelling and records tools read a document's marking from its custom
properties, not from its header. :func:`set_custom_properties` writes them as
text properties (``vt:lpwstr``), replacing any the reference document had.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from briefer.render.docx.xml import xml_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from docx.document import Document

_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id Office gives every user-defined property.
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_xml(properties: Mapping[str, str]) -> bytes:
    """The custom.xml part for ``properties`` (name → text), in the order given."""
    root = etree.Element(f"{{{_NS}}}Properties", nsmap={None: _NS, "vt": _VT})
    for pid, (name, value) in enumerate(properties.items(), start=2):  # ids start at 2
        prop = etree.SubElement(root, f"{{{_NS}}}property", fmtid=_FMTID, pid=str(pid), name=xml_text(name))
        etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = xml_text(value)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def set_custom_properties(document: Document, properties: Mapping[str, str]) -> None:
    """Give ``document`` exactly these custom properties."""
    package = document.part.package
    blob = custom_xml(properties)
    for rel in package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            rel.target_part._blob = blob
            return
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def read_custom_properties(blob: bytes) -> dict[str, str]:
    """The name → text of a custom.xml part (what a records system would read)."""
    root = etree.fromstring(blob)
    return {prop.get("name", ""): "".join(prop.itertext()) for prop in root.iter(f"{{{_NS}}}property")}

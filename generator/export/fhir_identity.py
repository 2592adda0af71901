"""Where each FHIR resource of the handbook is, so that every reference resolves inside the Bundle.

With the handbook's address (``site_url``), a resource's canonical url and its Bundle entry's ``fullUrl`` are
``<address>fhir/<Type>/<id>``. Without one, both are a ``urn:uuid:`` made from the type and id by UUID version 5
in the handbook's own namespace: the same content always gives the same uuid, on any machine, and no address is
made up. Links between resources are these urls, never relative references.
"""

from __future__ import annotations

import hashlib
import uuid

#: the namespace of the handbook's version-5 uuids (a fixed, random uuid: changing it changes every urn).
NAMESPACE = uuid.UUID("ae6bae2a-6749-4157-be69-5d2354406c2b")
#: the identifier system of a value that is itself a URI (RFC 3986), as FHIR writes it.
URI_SYSTEM = "urn:ietf:rfc:3986"
MAX_ID = 64


def fhir_id(*parts: str) -> str:
    """Parts joined with '.', which no content id contains; shortened with a digest past FHIR's 64 characters."""
    joined = ".".join(parts)
    if len(joined) <= MAX_ID:
        return joined
    digest = hashlib.blake2b(joined.encode(), digest_size=6).hexdigest()
    return f"{joined[:MAX_ID - len(digest) - 1]}.{digest}"


class Identity:
    """Canonical urls of one export; ``address`` is the handbook's web address ending in '/', or None."""

    def __init__(self, address: str | None):
        self.address = address
        self.base = f"{address}fhir/" if address else None

    @property
    def published(self) -> bool:
        return self.base is not None

    def url(self, kind: str, resource_id: str) -> str:
        """The canonical url (and ``fullUrl``) of the resource ``kind``/``resource_id``."""
        if self.base:
            return f"{self.base}{kind}/{resource_id}"
        return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{kind}/{resource_id}')}"

    def page(self, path: str) -> str | None:
        """The absolute address of a page of the site (``clinicians/rules/``), or None without an address."""
        return f"{self.address}{path}" if self.address else None

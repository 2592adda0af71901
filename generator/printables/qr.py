"""QR codes on paper that link to the printed item's page on the site, made with segno."""

from __future__ import annotations

from functools import lru_cache

import segno

from ..site.pages import location, page_url


def page_address(address: str | None, item) -> str | None:
    """The address of ``item``'s page on the site published at ``address``; None while there is none."""
    if not address:
        return None
    return address.rstrip("/") + "/" + page_url(location(item)[0])


@lru_cache(maxsize=256)
def qr_image(text: str) -> str:
    """A QR code of ``text`` as an SVG data address (black on white, with its quiet zone)."""
    return segno.make(text, error="m").svg_data_uri(scale=4, border=4, dark="#000", light="#fff")


def page_qr(address: str | None, item) -> tuple[str | None, str | None]:
    """(the page's address, its QR code) for a printed ``item``, or (None, None) while the site has no address."""
    page = page_address(address, item)
    return page, qr_image(page) if page else None

"""A drill figure in a PDF: drawn once, shown by every place that shows it.

WeasyPrint draws an SVG image again at every place a document shows it, and a lane of printables shows about
three hundred figures, each one of about a hundred drawings (a drill on its checklist, on the booklet's copy of
that checklist, on its drill sheet). A :class:`Drawing` takes the place of WeasyPrint's own SVG image: it is
drawn once in a process, by WeasyPrint's SVG renderer, into the operators of a PDF form; each document holds that
form once, and every place shows it scaled to its box. What is drawn is the same; it is only painted less often.

:func:`add_drawings` puts a drawing for each figure's address into the image cache a :class:`~.pdf.Printer`
passes to WeasyPrint (its ``cache`` argument, which maps an image's address to the image read from it).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping

import pydyf
from weasyprint.images import SVGImage

#: What a drawing in flat colours never needs, and a form drawn once does not carry: images and groups, patterns
#: and gradients, colour spaces (its colours are RGB).
_UNSUPPORTED = ("XObject", "Pattern", "Shading", "ColorSpace")


class Drawing(SVGImage):
    """An SVG figure that WeasyPrint shows as a PDF form drawn once (see the module's notes)."""

    def __init__(self, address: str, data: bytes, image_id: str):
        super().__init__(ET.fromstring(data), address, None, None)  # a figure has no text, links or images
        self.id = image_id  # WeasyPrint names the form in a page's resources after it: letters and digits
        _, _, self.width, self.height = self._svg.get_viewbox()
        self._operators: tuple[bytes, ...] | None = None
        self._states: dict = {}  # the graphics states the operators name (an opacity), by name
        self._compress = True

    def draw(self, stream, concrete_width: float, concrete_height: float, style) -> None:
        """Show the form in the box, scaled to fit and centred as the SVG's viewport would be."""
        if self._operators is None:
            self._draw_form(stream)
        scale = min(concrete_width / self.width, concrete_height / self.height)
        stream.transform(a=scale, d=scale, e=(concrete_width - self.width * scale) / 2,
                         f=(concrete_height - self.height * scale) / 2)
        stream.draw_x_object(stream.add_image(self, False, 1))

    def _draw_form(self, stream) -> None:
        """Draw the SVG at the size of its viewBox into a stream of its own, and keep its operators."""
        resources = pydyf.Dictionary({kind: pydyf.Dictionary() for kind in ("ExtGState", *_UNSUPPORTED)})
        form = stream.clone(resources=resources, extra=None, tags=None)
        self._svg.draw(form, self.width, self.height, self._base_url, None)
        unsupported = [kind for kind in _UNSUPPORTED if resources[kind]]
        if unsupported:
            raise ValueError(f"a figure drew {', '.join(unsupported)}, which a form drawn once cannot carry: "
                             "draw it in flat colours (figures.flat)")
        self._operators = tuple(form.stream)
        self._states = {name: dict(state) for name, state in resources["ExtGState"].items()}
        self._compress = stream.compress

    def get_x_object(self, interpolate: bool, dpi_ratio: float) -> pydyf.Stream:
        """The form for one document (WeasyPrint asks once per PDF it writes)."""
        width, height = self.width, self.height
        extra = pydyf.Dictionary({
            "Type": "/XObject", "Subtype": "/Form",
            # An SVG's root is not clipped to its viewport: the form's box leaves room for strokes beyond it.
            "BBox": pydyf.Array((-width, -height, 2 * width, 2 * height)),
            "Resources": pydyf.Dictionary({"ExtGState": pydyf.Dictionary(
                {name: pydyf.Dictionary(state) for name, state in self._states.items()})}),
        })
        return pydyf.Stream(list(self._operators), extra, compress=self._compress)


def add_drawings(cache: dict, drawn: Mapping[str, tuple[bytes, str]]) -> None:
    """Put a :class:`Drawing` into WeasyPrint's image cache for each figure drawn (address -> SVG and id) that is
    not there yet."""
    for address, (data, image_id) in drawn.items():
        if address not in cache:
            cache[address] = Drawing(address, data, image_id)

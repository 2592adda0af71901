"""A drill figure in a PDF: drawn once, shown by every place that shows it.

WeasyPrint draws an SVG image again at every place a document shows it, and a lane of printables shows about
three hundred figures, each one of about a hundred drawings (a drill on its checklist, on the booklet's copy of
that checklist, on its drill sheet). A :class:`Drawing` takes the place of WeasyPrint's own SVG image: it is
drawn once, by WeasyPrint's SVG renderer, into the operators of a PDF form; each document holds that form once,
and every place shows it scaled to its box. What is drawn is the same; it is only painted less often.

A drawing takes its form from the printables store when it is there, and keeps a form it drew there
(:class:`~.forms.Forms`).

:func:`add_drawings` puts a drawing for each figure's address into the image cache a :class:`~.pdf.Printer`
passes to WeasyPrint (its ``cache`` argument, which maps an image's address to the image read from it).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zlib
from collections.abc import Mapping

import pydyf
from weasyprint.images import SVGImage
from weasyprint.pdf.stream import Stream

from .forms import Form, Forms

#: What a drawing in flat colours never needs, and a form drawn once does not carry: images and groups, patterns
#: and gradients, colour spaces (its colours are RGB).
_UNSUPPORTED = ("XObject", "Pattern", "Shading", "ColorSpace")


class Drawing(SVGImage):
    """An SVG figure that WeasyPrint shows as a PDF form drawn once (see the module's notes)."""

    def __init__(self, address: str, data: bytes, image_id: str, forms: Forms | None = None):
        super().__init__(ET.fromstring(data), address, None, None)  # a figure has no text, links or images
        self.id = image_id  # WeasyPrint names the form in a page's resources after it: letters and digits
        _, _, self.width, self.height = self._svg.get_viewbox()
        self._data, self._forms = data, forms
        self._form: Form | None = None
        self._deflated: bytes | None = None
        self._compress = True

    def prepare(self) -> None:
        """Have the form ready: taken from the store if it holds it, else drawn (and then kept there)."""
        if self._form is not None:
            return
        self._form = self._forms.get(self._data) if self._forms else None
        if self._form is None:
            self._form = self._draw_form()
            if self._forms:
                self._forms.put(self._data, self._form)

    def draw(self, stream, concrete_width: float, concrete_height: float, style) -> None:
        """Show the form in the box, scaled to fit and centred as the SVG's viewport would be."""
        self.prepare()
        self._compress = stream.compress
        scale = min(concrete_width / self.width, concrete_height / self.height)
        stream.transform(a=scale, d=scale, e=(concrete_width - self.width * scale) / 2,
                         f=(concrete_height - self.height * scale) / 2)
        stream.draw_x_object(stream.add_image(self, False, 1))

    def _draw_form(self) -> Form:
        """Draw the SVG at the size of its viewBox into a stream of its own."""
        resources = pydyf.Dictionary({kind: pydyf.Dictionary() for kind in ("ExtGState", *_UNSUPPORTED)})
        form = Stream(fonts={}, page_rectangle=(0, 0, self.width, self.height), resources=resources, images={},
                      tags=None, color_profiles={}, output_intent=None)
        self._svg.draw(form, self.width, self.height, self._base_url, None)
        unsupported = [kind for kind in _UNSUPPORTED if resources[kind]]
        if unsupported:
            raise ValueError(f"a figure drew {', '.join(unsupported)}, which a form drawn once cannot carry: "
                             "draw it in flat colours (figures.flat)")
        return Form(b"\n".join(form.stream), {name: dict(state) for name, state in resources["ExtGState"].items()})

    def get_x_object(self, interpolate: bool, dpi_ratio: float) -> pydyf.Stream:
        """The form for one document (WeasyPrint asks once per PDF it writes)."""
        width, height = self.width, self.height
        extra = pydyf.Dictionary({
            "Type": "/XObject", "Subtype": "/Form",
            # An SVG's root is not clipped to its viewport: the form's box leaves room for strokes beyond it.
            "BBox": pydyf.Array((-width, -height, 2 * width, 2 * height)),
            "Resources": pydyf.Dictionary({"ExtGState": pydyf.Dictionary(
                {name: pydyf.Dictionary(state) for name, state in self._form.states.items()})}),
        })
        if not self._compress:
            return pydyf.Stream([self._form.operators], extra)
        if self._deflated is None:  # compressed once, as pydyf would compress it for every document
            deflate = zlib.compressobj(level=9)
            self._deflated = deflate.compress(self._form.operators) + deflate.flush()
        extra["Filter"] = "/FlateDecode"
        return pydyf.Stream([self._deflated], extra)


def add_drawings(cache: dict, drawn: Mapping[str, tuple[bytes, str]], forms: Forms | None = None) -> None:
    """Put a :class:`Drawing` into WeasyPrint's image cache for each figure drawn (address -> SVG and id) that is
    not there yet; ``forms``: where drawn forms are kept."""
    for address, (data, image_id) in drawn.items():
        if address not in cache:
            cache[address] = Drawing(address, data, image_id, forms)

"""The ITBS rehab handbook: content checker, rule engine, site generator, printable plans and exports.

One direction of flow, one package per stage; a module imports only from its own stage or an earlier one:

    content   find the files, read YAML with positions, validate against the schemas
    figures   the geometry of a drill's pose data and its SVG figures (the pose checks read the geometry)
    checks    every check of the content (one module each), and reporting the problems
    model     the linked handbook objects built from checked content
    evaluate  the rule engine: an athlete's log judged against a phase
    review    what a change does clinically: diff, wording, versions, publishing checks
    export    the protocol in other formats (FHIR)
    site      the handbook's Markdown pages and data, rendered with Jinja2
    printables  checklists, booklets and calendars (WeasyPrint PDFs, iCalendar)
    build     the build pipeline: MkDocs, the site folder, the preview server

``problems``, ``clock``, ``project`` and ``system`` lie below every stage; ``commands`` and ``cli`` above them all.
"""

"""The protocol in formats other tools read (export stage).

In: the model. Out: documents in a standard format, such as the FHIR R4 bundle of :mod:`.fhir`. A new export
format is a new module here.
"""

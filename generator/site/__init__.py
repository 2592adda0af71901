"""The handbook site: Markdown pages rendered from the model, then built by MkDocs Material."""

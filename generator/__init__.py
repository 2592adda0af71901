"""The ITBS rehab handbook: content checker, site generator and printable plans."""

"""Publish stage: what leaves the site build: the PDF, the offline zip, the plain-files export."""

"""Extractors: one module per kind of item, one entry point each.

Each entry point takes the segmented ``Document`` (and, keyword-only, the entities that earlier
stages found) and returns a list of models. Extractors import models, lexicons, settings and
segmentation, never each other; the pipeline hands results from one to the next.
"""

"""The catalog of sabotage pathways (P1-P8 and the pilot report's leaks pathway)."""

from ._pathway import Pathway, default_pathways, get_pathway, pathway_catalog

__all__ = ["Pathway", "default_pathways", "get_pathway", "pathway_catalog"]

"""Importing participant lists: sniff → read → map columns → validate → merge.

One module per step; nothing here imports Qt. The wizard and ``checkin
import`` both call :func:`preview`, :func:`prepare` and :func:`commit`.
"""

from checkin.importing.pipeline import (
    ImportOptions,
    ImportPlan,
    Preview,
    commit,
    prepare,
    preview,
    remember_mapping,
    remembered_mappings,
)

__all__ = ["ImportOptions", "ImportPlan", "Preview", "commit", "prepare", "preview",
           "remember_mapping", "remembered_mappings"]

"""Segments in the GUI: the client list's segment combo, "save filter as segment",
the segments manager, exporting a segment, and the campaign combos of the cards."""

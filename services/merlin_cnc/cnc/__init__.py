"""Which CNC control a passage is about: catalog of known names, discovery, attribution."""

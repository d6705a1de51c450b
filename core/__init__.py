"""The app without its window: plain typed Python that never imports Qt or gui, a package per capability."""
